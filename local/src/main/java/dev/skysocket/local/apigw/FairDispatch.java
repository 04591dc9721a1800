package dev.skysocket.local.apigw;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Starts the connections' route invocations on the shared workers, fairly: each connection has its own lane, and
 * whenever a slot is free the next lane in turn (round-robin) starts its oldest waiting invocation. On AWS every
 * frame is its own Lambda invocation, so one connection's flood never queues in front of another connection's
 * frames; the emulator has a few dozen workers instead of an account's concurrency, and a single FIFO in front of
 * them made every connection wait behind a flooder. Within a lane nothing is serialised: its invocations overlap
 * and finish in any order, as on AWS, up to {@code perLane} at once. Each invocation
 * enters its lane after a random delay up to {@code maxDelay}, so that two frames sent back to back really overtake
 * each other in tests; the delay is a timer, and holds no worker.
 *
 * <p>At most {@code slots} invocations run at once (the worker count), so the workers' own queue stays short and
 * {@code $connect} and the authorizer never wait behind a flood either. One connection runs at most
 * {@code perLane} of them ({@link InvocationLimits#perConnection}): on AWS each invocation has a Lambda instance of
 * its own, here they share a few cores and, on the local stack, one DynamoDB Local, where a flood holding every
 * slot would make each of another connection's store calls wait behind a store call of every one of them.
 */
final class FairDispatch implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(FairDispatch.class.getName());

    /** One invocation; {@code ifDropped} is null for one that must run even once its connection is gone. */
    private record Task(Lane lane, Supplier<? extends CompletionStage<?>> start, Runnable ifDropped) {
    }

    private final Executor workers;
    private final int slots;
    private final int perLane;
    private final long maxDelayNanos;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "apigw-invocation-delay");
        thread.setDaemon(true);
        return thread;
    });
    // Guarded by `this`: the lanes with waiting invocations, in turn, and the counts across them.
    private final ArrayDeque<Lane> turns = new ArrayDeque<>();
    private int running;
    private int waiting;

    FairDispatch(Executor workers, int slots, int perLane, Duration maxDelay) {
        this.workers = workers;
        this.slots = slots;
        this.perLane = perLane;
        this.maxDelayNanos = maxDelay.toNanos();
    }

    /** A new connection's lane. */
    Lane lane() {
        return new Lane();
    }

    /** Invocations admitted to a lane and not started yet. */
    synchronized int waiting() {
        return waiting;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    /** One connection's invocations. */
    final class Lane implements InvocationDispatch {
        private final ArrayDeque<Task> queue = new ArrayDeque<>(2);
        private boolean inTurn;
        private int running;
        private boolean dropping;

        @Override
        public void submit(Supplier<? extends CompletionStage<?>> task, Runnable ifDropped) {
            Task admitted = new Task(this, task, ifDropped);
            long delay = maxDelayNanos == 0 ? 0 : ThreadLocalRandom.current().nextLong(maxDelayNanos + 1);
            if (delay == 0) {
                enqueue(this, admitted);
                return;
            }
            try {
                timer.schedule(() -> enqueue(this, admitted), delay, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopping) {
                // The emulator is stopping: the invocation is dropped with everything else still waiting.
            }
        }

        @Override
        public void dropQueued() {
            List<Task> dropped = new ArrayList<>();
            synchronized (FairDispatch.this) {
                dropping = true;
                queue.removeIf(task -> task.ifDropped() != null && dropped.add(task));
                waiting -= dropped.size();
            }
            dropped.forEach(task -> task.ifDropped().run());  // an emptied lane leaves its turn when it comes
        }
    }

    private void enqueue(Lane lane, Task task) {
        boolean drop;
        synchronized (this) {
            drop = lane.dropping && task.ifDropped() != null;
            if (!drop) {
                lane.queue.addLast(task);
                waiting++;
                if (!lane.inTurn) {
                    lane.inTurn = true;
                    turns.addLast(lane);
                }
            }
        }
        if (drop) {
            task.ifDropped().run();  // delayed past the close: dropped as the waiting ones were
        } else {
            startWhatFits();
        }
    }

    /** Starts invocations, one per lane in turn, while slots are free. */
    private void startWhatFits() {
        while (true) {
            Task next = null;
            synchronized (this) {
                while (next == null && running < slots && !turns.isEmpty()) {
                    Lane lane = turns.pollFirst();
                    next = lane.running < perLane ? lane.queue.pollFirst() : null;
                    if (next != null && !lane.queue.isEmpty()) {
                        turns.addLast(lane);  // its next invocation waits for the other lanes' turns
                    } else {
                        lane.inTurn = false;  // empty, or at its share: back in turn when one of its own ends
                    }
                }
                if (next == null) {
                    return;
                }
                waiting--;
                running++;
                next.lane().running++;
            }
            start(next);
        }
    }

    private void start(Task task) {
        try {
            workers.execute(() -> run(task));
        } catch (RejectedExecutionException stopping) {
            synchronized (this) {  // the workers are stopping: dropped, and nothing more is started
                running--;
                task.lane().running--;
            }
        }
    }

    private void run(Task task) {
        CompletionStage<?> stage;
        try {
            stage = task.start().get();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "apigw.dispatch.failed error={0}", e.toString());
            finished(task);
            return;
        }
        if (stage == null) {
            finished(task);
        } else {
            stage.whenComplete((result, error) -> finished(task));
        }
    }

    private void finished(Task task) {
        synchronized (this) {
            running--;
            Lane lane = task.lane();
            lane.running--;
            if (!lane.inTurn && !lane.queue.isEmpty()) {
                lane.inTurn = true;
                turns.addLast(lane);
            }
        }
        startWhatFits();
    }
}
