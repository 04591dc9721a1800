package dev.skysocket.gateway.bench;

import java.util.List;

/** What one server got in the run; fields are filled in as the phases finish. */
final class TargetResult {
    final String name;
    final String conditions;
    final int connections;
    double connectSeconds;
    double connectRate;
    final List<Double> connectCpuMicros = new java.util.ArrayList<>();
    Memory.Sample before;
    Memory.Sample after;
    long storeBefore;
    long storeAfter;
    RoomLatency.Result latency;
    List<BroadcastRamp.Step> steps = List.of();
    long pongs;
    long closedByServer;
    String failure;

    TargetResult(String name, String conditions, int connections) {
        this.name = name;
        this.connections = connections;
        this.conditions = conditions;
    }

    /** Bytes per connection between the two samples. */
    double perConnection(long beforeBytes, long afterBytes, ComparisonSettings s) {
        return (afterBytes - beforeBytes) / (double) (connections - s.baseline());
    }

    /** The largest measured room size whose p95 round trip stayed within the limit, or 0. */
    int capacity(long p95LimitMs) {
        int best = 0;
        for (BroadcastRamp.Step step : steps) {
            if (step.lost() == 0 && step.roundTrips().millis(95) <= p95LimitMs) {
                best = Math.max(best, step.members());
            }
        }
        return best;
    }

    /** Every measured step stayed within the limit: the real ceiling lies beyond the largest room tried. */
    boolean heldEveryStep(long p95LimitMs) {
        return !steps.isEmpty() && steps.stream()
                .allMatch(step -> step.lost() == 0 && step.roundTrips().millis(95) <= p95LimitMs);
    }

    /** No client was closed by the server and every latency sample arrived. */
    boolean complete() {
        return failure == null && closedByServer == 0 && (latency == null || latency.received() == latency.expected());
    }
}
