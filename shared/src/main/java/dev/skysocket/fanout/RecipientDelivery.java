package dev.skysocket.fanout;

import dev.skysocket.concurrent.Failures;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Posts the frames of one fan-out to one recipient, frame i+1 only after frame i succeeded. */
final class RecipientDelivery {

    enum Status { DELIVERED, GONE, FAILED }

    /** How delivery to one recipient ended; {@code error} is the last error, null when delivered. */
    record Outcome(Recipient recipient, Status status, Throwable error) {
    }

    private final ManagementApiClients clients;
    private final RetryingCalls calls;

    RecipientDelivery(ManagementApiClients clients, RetryingCalls calls) {
        this.clients = clients;
        this.calls = calls;
    }

    /** Never completes exceptionally: every ending becomes an {@link Outcome}. */
    CompletableFuture<Outcome> deliver(Recipient recipient, List<Frame> frames, Runnable onRetry) {
        FramePoster poster;
        try {
            poster = clients.poster(recipient.endpoint());
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(new Outcome(recipient, Status.FAILED, e));
        }
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        String connectionId = recipient.connectionId();
        for (Frame frame : frames) {
            // thenCompose stops at the first failure: later frames are never posted out of order or after a 410.
            chain = chain.thenCompose(ignored -> calls.call(() -> poster.post(connectionId, frame), onRetry))
                    .thenApply(response -> null);
        }
        return chain.handle((ignored, error) -> {
            if (error == null) {
                return new Outcome(recipient, Status.DELIVERED, null);
            }
            Throwable cause = Failures.unwrap(error);
            Status status = CallFailure.of(cause) == CallFailure.GONE ? Status.GONE : Status.FAILED;
            return new Outcome(recipient, status, cause);
        });
    }
}
