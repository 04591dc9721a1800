package dev.skysocket.gateway.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Broadcast capacity: for growing room sizes N, one member emits {@code say} to the room and the round trip ends
 * when every other member (N - 1) has its {@code said}. Broadcasts run one at a time, senders take turns. The ramp
 * stops after the first size whose p95 exceeds four times the limit or that loses a broadcast, so a slow server
 * cannot make the run unbounded.
 */
final class BroadcastRamp {
    static final String ROOM = "bench";
    private static final Duration ROUND_TIMEOUT = Duration.ofSeconds(30);

    /** One room size: the percentiles of its measured round trips and the server's CPU per broadcast. */
    record Step(int members, Percentiles roundTrips, int lost, long strayFrames, double serverCpuMsPerBroadcast) {
    }

    private final AtomicLong strays = new AtomicLong();
    private volatile long current = -1;
    private volatile AtomicInteger remaining = new AtomicInteger();
    private volatile CountDownLatch done = new CountDownLatch(0);
    private volatile long doneNanos;
    private long nextMsg;

    /** Runs the ramp on clients already connected; every step's members join {@link #ROOM} first. */
    List<Step> run(RawClients clients, ServerTarget target, ComparisonSettings s, int connections)
            throws Exception {
        clients.onSaid(this::said);
        List<Step> steps = new ArrayList<>();
        int joined = 0;
        for (int members : s.steps()) {
            if (members > connections) {
                break;
            }
            clients.join(joined, members, ROOM, s.connectConcurrency(), Duration.ofMinutes(5));
            joined = members;
            Step step = measure(clients, target, members, s);
            steps.add(step);
            System.err.printf("[bench] %s broadcast N=%,d p50 %.1f ms p95 %.1f ms max %.1f ms lost %d%n",
                    target.name(), members, step.roundTrips().millis(50), step.roundTrips().millis(95),
                    step.roundTrips().millis(100), step.lost());
            if (step.lost() > 0 || step.roundTrips().millis(95) > 4 * s.p95LimitMs()) {
                break;
            }
        }
        return steps;
    }

    private Step measure(RawClients clients, ServerTarget target, int members, ComparisonSettings s)
            throws InterruptedException, IOException {
        long[] samples = new long[s.rounds()];
        int measured = 0;
        int lost = 0;
        long strayBefore = strays.get();
        long cpuBefore = 0;
        for (int round = 0; round < s.warmup() + s.rounds(); round++) {
            if (round == s.warmup()) {
                cpuBefore = cpu(target);
            }
            long msg = nextMsg++;
            remaining = new AtomicInteger(members - 1);
            CountDownLatch latch = new CountDownLatch(1);
            done = latch;
            current = msg; // published last: the listener reads it first
            long start = System.nanoTime();
            clients.say(round % members, ROOM, msg);
            boolean complete = latch.await(ROUND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (round >= s.warmup()) {
                if (complete) {
                    samples[measured++] = doneNanos - start;
                } else {
                    lost++;
                }
            }
            if (!complete) {
                break; // a lost broadcast ends the step: later rounds would queue behind it
            }
            Thread.sleep(20);
        }
        double cpuPerBroadcast = measured == 0 ? Double.NaN : (cpu(target) - cpuBefore) / (double) measured;
        return new Step(members, new Percentiles(samples, measured), lost, strays.get() - strayBefore,
                cpuPerBroadcast);
    }

    private void said(int client, long msg, long nanos) {
        if (msg != current) {
            strays.incrementAndGet();
            return;
        }
        if (remaining.decrementAndGet() == 0) {
            doneNanos = nanos;
            done.countDown();
        }
    }

    private static long cpu(ServerTarget target) throws IOException {
        long sum = 0;
        for (long pid : target.serverPids()) {
            sum += ServerTarget.cpuMillis(pid);
        }
        return sum;
    }
}
