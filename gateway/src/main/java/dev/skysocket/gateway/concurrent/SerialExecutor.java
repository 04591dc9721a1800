package dev.skysocket.gateway.concurrent;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Runs one owner's tasks on a shared pool one at a time, in submission order: a task starts when the previous one
 * has returned, or for {@link #submit}, when its stage has completed. A slow task holds up only its own owner.
 * Used per Engine.IO session for listener calls and per emulated connection for serial route invocations.
 */
public final class SerialExecutor implements Executor {
    private static final System.Logger LOG = System.getLogger(SerialExecutor.class.getName());
    private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);

    private final Executor pool;
    /** One per session or connection, mostly empty: 2 slots, not the default 16, and it grows under a burst. */
    private final ArrayDeque<Supplier<? extends CompletionStage<?>>> tasks = new ArrayDeque<>(2);
    private boolean running;

    public SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        submit(() -> {
            task.run();
            return DONE;
        });
    }

    /** Queues {@code task}, which starts some work and returns the stage that completes with it. */
    public void submit(Supplier<? extends CompletionStage<?>> task) {
        synchronized (tasks) {
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        schedule();
    }

    private void schedule() {
        try {
            pool.execute(this::drain);
        } catch (RejectedExecutionException shutDown) {
            // The pool is stopping: what is left of this queue is dropped.
            synchronized (tasks) {
                tasks.clear();
                running = false;
            }
        }
    }

    /** Runs queued tasks until the queue is empty or one's stage is still pending; its completion resumes. */
    private void drain() {
        while (true) {
            Supplier<? extends CompletionStage<?>> next;
            synchronized (tasks) {
                next = tasks.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            CompletableFuture<Void> finished = new CompletableFuture<>();
            start(next).whenComplete((result, error) -> finished.complete(null));
            if (!finished.isDone()) {
                finished.thenRun(this::schedule);
                return;
            }
        }
    }

    private static CompletionStage<?> start(Supplier<? extends CompletionStage<?>> task) {
        try {
            CompletionStage<?> stage = task.get();
            return stage == null ? DONE : stage;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "event=serial_task_failed error={0}", e.getClass().getName());
            return DONE;
        }
    }
}
