package dev.skysocket.gateway.bench;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Emit-to-receive latency in a room of M members at a fixed rate: every tick one member (in turn) emits
 * {@code say}, and each of the other M - 1 members' {@code said} is one sample (receive time minus the time the
 * emit was written). Open loop: emits go out on schedule whether or not earlier ones arrived. The first seconds
 * warm up and are not counted.
 */
final class RoomLatency {
    static final String ROOM = "latency";

    /** p50/p99 of all samples, how many arrived of how many were due, and the server's CPU share. */
    record Result(int members, int rate, int seconds, Percentiles latency, long received, long expected,
                  double serverCpuPercent, double deliveredPerSecond, String cpuByRole) {
    }

    Result run(RawClients clients, ServerTarget target, ComparisonSettings s) throws Exception {
        int members = s.latencyMembers();
        int warmEmits = s.latencyWarmupSeconds() * s.latencyRate();
        int emits = warmEmits + s.latencySeconds() * s.latencyRate();
        int from = clients.size() - members; // the last clients: not in the broadcast ramp's first steps
        clients.join(from, clients.size(), ROOM, s.connectConcurrency(), Duration.ofMinutes(2));
        RoomEmits run = new RoomEmits(emits, warmEmits, members);
        AtomicLongArray lastAt = new AtomicLongArray(emits); // each emit's last arrival, warm-up included
        AtomicLong any = new AtomicLong(); // warm-up frames too: what the server delivered per second at all
        clients.onSaid((client, msg, nanos) -> {
            int i = run.emitOf(msg);
            if (i >= 0) {
                any.incrementAndGet();
                lastAt.accumulateAndGet(i, nanos, Math::max);
                run.arrived(i, nanos);
            }
        });
        long started = System.nanoTime();
        ScheduledExecutorService ticker = run.start(clients, from, members, ROOM, 1_000_000_000L / s.latencyRate());
        try {
            Thread.sleep(s.latencyWarmupSeconds() * 1000L);
            long cpuBefore = cpu(target);
            var threadsBefore = ThreadCpu.sample(target.serverPids());
            long measureStart = System.nanoTime();
            // bounded: the emits take latencySeconds, then up to 10 s for the last frames to land
            long expected = (long) (emits - warmEmits) * (members - 1);
            run.awaitArrivals(expected, System.nanoTime() + (s.latencySeconds() + 10) * 1_000_000_000L);
            double wallMs = (System.nanoTime() - measureStart) / 1e6;
            double cpuPercent = 100.0 * (cpu(target) - cpuBefore) / wallMs;
            String byRole = ThreadCpu.split(threadsBefore, ThreadCpu.sample(target.serverPids()), wallMs);
            LatencyTrace.write(target.name(), run.sentAt, lastAt, warmEmits, run.samples, run.sampleEmit,
                    run.sampled());
            return new Result(members, s.latencyRate(), s.latencySeconds(),
                    new Percentiles(run.samples, run.sampled()), run.received(), expected,
                    cpuPercent, any.get() / ((System.nanoTime() - started) / 1e9), byRole);
        } finally {
            ticker.shutdownNow();
            clients.onSaid((client, msg, nanos) -> { });
        }
    }

    private static long cpu(ServerTarget target) throws java.io.IOException {
        long sum = 0;
        for (long pid : target.serverPids()) {
            sum += ServerTarget.cpuMillis(pid);
        }
        return sum;
    }
}
