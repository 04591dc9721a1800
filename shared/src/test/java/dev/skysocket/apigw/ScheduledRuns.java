package dev.skysocket.apigw;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Scheduled heartbeat invocations on a simulated clock, overlapping as they do on AWS when one run covers the
 * next one's window. Each run is a thread; the clock moves only while every started run sleeps (or has ended),
 * and one run works at a time, so the simulation is deterministic. Between two steps the driver calls
 * {@code between} at the current time: the test's clients answer there.
 */
final class ScheduledRuns {
    /** One invocation; it sleeps only through the given sleeper. */
    @FunctionalInterface
    interface Run {
        void run(SweepPasses.Sleeper sleeper);
    }

    private record Wake(long at, long order) {
    }

    private final MutableClock clock;
    private final Runnable between;
    private final PriorityQueue<Wake> wakes = new PriorityQueue<>((a, b) -> a.at() != b.at()
            ? Long.compare(a.at(), b.at()) : Long.compare(a.order(), b.order()));
    private Wake released;
    private long order;
    private boolean busy;
    private Throwable failure;

    ScheduledRuns(MutableClock clock, Runnable between) {
        this.clock = clock;
        this.between = between;
    }

    /** Starts {@code run} at each of {@code starts} (epoch ms, ascending) and returns when every run has ended. */
    synchronized void drive(List<Long> starts, Run run) throws InterruptedException {
        Deque<Long> pending = new ArrayDeque<>(starts);
        int steps = 0;
        while (true) {
            long stuckAt = System.nanoTime() + 120_000_000_000L;
            while (busy) {
                wait(1_000);
                if (busy && System.nanoTime() > stuckAt) {
                    throw new IllegalStateException("a run neither slept nor ended within 120 s");
                }
            }
            if (failure != null) {
                throw new AssertionError("a run failed", failure);
            }
            between.run();
            if (++steps > 1_000_000) {
                throw new IllegalStateException("the simulation does not end");
            }
            Wake next = wakes.peek();
            Long start = pending.peek();
            if (next == null && start == null) {
                return;
            }
            busy = true;
            if (next != null && (start == null || next.at() <= start)) {
                wakes.poll();
                moveTo(next.at());
                released = next;
                notifyAll();
            } else {
                pending.poll();
                moveTo(start);
                Thread thread = new Thread(() -> body(run), "scheduled-run");
                thread.setDaemon(true);
                thread.start();
            }
        }
    }

    private void body(Run run) {
        try {
            run.run(this::sleep);
        } catch (Throwable t) {
            synchronized (this) {
                failure = t;
            }
        } finally {
            synchronized (this) {
                busy = false;
                notifyAll();
            }
        }
    }

    private synchronized void sleep(long millis) throws InterruptedException {
        Wake wake = new Wake(clock.millis() + Math.max(0, millis), order++);
        wakes.add(wake);
        busy = false;
        notifyAll();
        while (released != wake) {
            wait(30_000);
        }
        released = null;
    }

    private void moveTo(long at) {
        long by = at - clock.millis();
        if (by > 0) {
            clock.advance(Duration.ofMillis(by));
        }
    }
}
