package dev.skysocket.benchmarks;

import dev.skysocket.local.apigw.EmulatorStats;

/** The emulator's counters at one moment; the difference of two is what a step cost. */
record Snapshot(long inboundFrames, long outboundFrames, long connects, long defaults, long disconnects) {

    static Snapshot of(EmulatorStats s) {
        return new Snapshot(s.inboundFrames(), s.outboundFrames(), s.connectInvocations(), s.defaultInvocations(),
                s.disconnectInvocations());
    }

    Delta minus(Snapshot earlier) {
        return new Delta(inboundFrames - earlier.inboundFrames, outboundFrames - earlier.outboundFrames,
                connects - earlier.connects, defaults - earlier.defaults, disconnects - earlier.disconnects);
    }

    record Delta(long inboundFrames, long outboundFrames, long connects, long defaults, long disconnects) {
        long billed() {
            return inboundFrames + outboundFrames;
        }
    }
}
