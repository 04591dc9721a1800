package dev.skysocket.local.apigw;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Runs one connection's tasks one at a time, in submission order, on a shared pool: a task starts when the
 * previous one's stage completes. A slow task holds up only its own connection.
 */
final class SerialQueue implements InvocationDispatch {

    private final Executor executor;
    private final Queue<Supplier<? extends CompletionStage<?>>> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();

    SerialQueue(Executor executor) {
        this.executor = executor;
    }

    @Override
    public void submit(Supplier<? extends CompletionStage<?>> task) {
        tasks.add(task);
        drain();
    }

    private void drain() {
        while (running.compareAndSet(false, true)) {
            Supplier<? extends CompletionStage<?>> task = tasks.poll();
            if (task != null) {
                try {
                    executor.execute(() -> start(task));
                    return;
                } catch (RejectedExecutionException shutDown) {
                    // The emulator is stopping: what is left of this queue is dropped.
                    tasks.clear();
                }
            }
            running.set(false);
            if (tasks.isEmpty()) {
                return;
            }
        }
    }

    private void start(Supplier<? extends CompletionStage<?>> task) {
        CompletionStage<?> stage;
        try {
            stage = task.get();
        } catch (RuntimeException e) {
            stage = CompletableFuture.failedFuture(e);
        }
        stage.whenComplete((result, error) -> {
            running.set(false);
            drain();
        });
    }
}
