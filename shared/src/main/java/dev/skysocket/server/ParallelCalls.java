package dev.skysocket.server;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Runs one blocking call per item on a few threads made for the occasion, and waits for all of them. The first
 * failure is rethrown after every call has ended, so one failed item never leaves others undone.
 */
final class ParallelCalls {
    private static final AtomicInteger THREADS = new AtomicInteger();

    private ParallelCalls() {
    }

    static <T> void run(List<T> items, int maxParallel, Consumer<T> call) {
        if (items.size() <= 1) {
            items.forEach(call);
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(items.size(), maxParallel), task -> {
            Thread thread = new Thread(task, "skysocket-parallel-" + THREADS.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> pending = items.stream().<Future<?>>map(item -> pool.submit(() -> call.accept(item)))
                    .toList();
            RuntimeException first = null;
            for (Future<?> future : pending) {
                try {
                    future.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for parallel calls", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    if (first == null) {
                        first = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
