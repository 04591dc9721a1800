package dev.skysocket.apigw;

import dev.skysocket.fanout.Recipient;
import dev.skysocket.store.HeartbeatStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Claims "ping sent" for a batch of connections with at most {@code parallelism} UpdateItems in flight, and
 * returns the ones claimed: a connection another heartbeat run claimed first (runs overlap, see
 * {@link SweepPasses}) or whose pong has just arrived is left out, so no connection gets two pings. One
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

    List<Recipient> claim(HeartbeatStore heartbeats, List<Recipient> recipients, long now, long pongDeadline) {
        if (recipients.size() <= 1 || parallelism == 1) {
            return recipients.stream()
                    .filter(r -> heartbeats.claimPing(r.connectionId(), now, pongDeadline)).toList();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, recipients.size()), task -> {
            Thread thread = new Thread(task, "heartbeat-ping-record");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<Boolean>> claims = new ArrayList<>(recipients.size());
            for (Recipient recipient : recipients) {
                claims.add(CompletableFuture.supplyAsync(
                        () -> heartbeats.claimPing(recipient.connectionId(), now, pongDeadline), pool));
            }
            List<Recipient> claimed = new ArrayList<>(recipients.size());
            RuntimeException first = null;
            for (int i = 0; i < claims.size(); i++) {
                try {
                    if (claims.get(i).join()) {
                        claimed.add(recipients.get(i));
                    }
                } catch (RuntimeException e) {
                    Throwable cause = e.getCause() instanceof RuntimeException runtime ? runtime : e;
                    first = first == null ? (RuntimeException) cause : first;
                }
            }
            if (first != null) {
                throw first;
            }
            return claimed;
        } finally {
            pool.shutdown();
        }
    }
}
