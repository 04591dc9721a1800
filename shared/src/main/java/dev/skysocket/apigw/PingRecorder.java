package dev.skysocket.apigw;

import dev.skysocket.fanout.Recipient;
import dev.skysocket.store.ConnectionStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Records "ping sent" for a batch of connections with at most {@code parallelism} UpdateItems in flight. One
 * UpdateItem is a round trip of a few milliseconds, so 500 of them one after another took seconds of a sweep
 * that runs every few seconds; the store's client is synchronous, so the bound is a small pool of threads that
 * lives for one batch. The first failure is rethrown after every update has ended, as the sequential loop
 * would have stopped the sweep there.
 */
final class PingRecorder {
    private final int parallelism;

    PingRecorder(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be positive, got " + parallelism);
        }
        this.parallelism = parallelism;
    }

    void record(ConnectionStore connections, List<Recipient> recipients, long pongDeadline) {
        if (recipients.size() <= 1 || parallelism == 1) {
            recipients.forEach(r -> connections.recordPingSent(r.connectionId(), pongDeadline));
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, recipients.size()), task -> {
            Thread thread = new Thread(task, "heartbeat-ping-record");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<Void>> updates = new ArrayList<>(recipients.size());
            for (Recipient recipient : recipients) {
                updates.add(CompletableFuture.runAsync(
                        () -> connections.recordPingSent(recipient.connectionId(), pongDeadline), pool));
            }
            RuntimeException first = null;
            for (CompletableFuture<Void> update : updates) {
                try {
                    update.join();
                } catch (RuntimeException e) {
                    Throwable cause = e.getCause() instanceof RuntimeException runtime ? runtime : e;
                    first = first == null ? (RuntimeException) cause : first;
                }
            }
            if (first != null) {
                throw first;
            }
        } finally {
            pool.shutdown();
        }
    }
}
