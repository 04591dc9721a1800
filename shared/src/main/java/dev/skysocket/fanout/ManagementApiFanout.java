package dev.skysocket.fanout;

import dev.skysocket.concurrent.Failures;
import dev.skysocket.metrics.Metric;
import dev.skysocket.metrics.Metrics;
import dev.skysocket.fanout.RecipientDelivery.Outcome;
import dev.skysocket.fanout.RecipientDelivery.Status;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GetConnectionResponse;

/**
 * Fan-out through the API Gateway Management API (DESIGN §6): each frame is encoded to bytes once and the same
 * bytes are posted to every recipient, with at most {@code maxInFlight} recipients in flight. A 410 prunes that
 * recipient, never anyone else (STYLE 9); 429 and 5xx are retried per {@link RetryPolicy}.
 */
public final class ManagementApiFanout implements Fanout, ConnectionControl {
    /** The header a gateway node's private Management API reads as "re-read this connection's rooms". */
    public static final String MEMBERSHIPS_CHANGED = "x-skysocket-memberships-changed";
    private static final System.Logger LOG = System.getLogger(ManagementApiFanout.class.getName());
    private static final Runnable NOT_COUNTED = () -> { };

    private final ManagementApiClients clients;
    private final GoneListener goneListener;
    private final int maxInFlight;
    private final RetryingCalls calls;
    private final RecipientDelivery delivery;
    /** One attempt per frame: a volatile emit is dropped rather than retried after a 429 or 5xx. */
    private final RecipientDelivery volatileDelivery;

    /** Default retries ({@link RetryPolicy#defaults()}), real jitter and real waits. */
    public ManagementApiFanout(ManagementApiClients clients, GoneListener goneListener, int maxInFlight) {
        this(clients, goneListener, maxInFlight, RetryPolicy.defaults(), new Random(), RetryDelay.scheduled());
    }

    /**
     * @param goneListener told about each recipient answered 410, on the thread that called {@link #deliver}
     *                     after delivery is over, so a listener that writes to DynamoDB never holds an SDK thread
     * @param maxInFlight  most recipients with a call in flight at once (each has at most one call in flight)
     * @param random       jitter source; must be safe to use from several threads ({@link Random} is)
     */
    public ManagementApiFanout(ManagementApiClients clients, GoneListener goneListener, int maxInFlight,
                               RetryPolicy retryPolicy, RandomGenerator random, RetryDelay delay) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be positive, got " + maxInFlight);
        }
        this.clients = Objects.requireNonNull(clients, "clients");
        this.goneListener = Objects.requireNonNull(goneListener, "goneListener");
        this.maxInFlight = maxInFlight;
        this.calls = new RetryingCalls(Objects.requireNonNull(retryPolicy, "retryPolicy"),
                Objects.requireNonNull(random, "random"), Objects.requireNonNull(delay, "delay"));
        this.delivery = new RecipientDelivery(clients, calls);
        this.volatileDelivery = new RecipientDelivery(clients,
                new RetryingCalls(new RetryPolicy(1, Duration.ZERO, Duration.ZERO), random, delay));
    }

    @Override
    public FanoutReport deliver(List<String> frames, Collection<Recipient> recipients) {
        return deliver(frames, recipients, delivery);
    }

    @Override
    public FanoutReport deliverVolatile(List<String> frames, Collection<Recipient> recipients) {
        return deliver(frames, recipients, volatileDelivery);
    }

    private FanoutReport deliver(List<String> frames, Collection<Recipient> recipients, RecipientDelivery delivery) {
        if (recipients.isEmpty() || frames.isEmpty()) {
            return FanoutReport.empty();
        }
        long start = System.nanoTime();
        List<Frame> bytes = frames.stream().map(Frame::of).toList();
        Collection<Recipient> unique = distinctByConnection(recipients);
        AtomicInteger retries = new AtomicInteger();
        List<CompletableFuture<Outcome>> outcomes = new ArrayList<>(unique.size());
        Semaphore slots = new Semaphore(maxInFlight);
        boolean interrupted = false;
        for (Recipient recipient : unique) {
            if (!interrupted) {
                try {
                    slots.acquire();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                // Stop starting new deliveries; the ones in flight still finish and are counted.
                outcomes.add(CompletableFuture.completedFuture(
                        new Outcome(recipient, Status.FAILED, new InterruptedException())));
                continue;
            }
            CompletableFuture<Outcome> outcome = delivery.deliver(recipient, bytes, retries::incrementAndGet);
            outcome.whenComplete((o, e) -> slots.release());
            outcomes.add(outcome);
        }
        CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).join();
        FanoutReport report = report(outcomes, retries.get(), Duration.ofNanos(System.nanoTime() - start));
        log(report, unique.size(), bytes.size(), outcomes);
        notifyGone(outcomes);
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return report;
    }

    private static Collection<Recipient> distinctByConnection(Collection<Recipient> recipients) {
        Map<String, Recipient> unique = new LinkedHashMap<>();
        for (Recipient recipient : recipients) {
            unique.putIfAbsent(recipient.connectionId(), recipient);
        }
        return unique.values();
    }

    private static FanoutReport report(List<CompletableFuture<Outcome>> outcomes, int retries, Duration duration) {
        int delivered = 0;
        int failed = 0;
        List<String> goneIds = new ArrayList<>();
        for (CompletableFuture<Outcome> future : outcomes) {
            Outcome outcome = future.join();
            switch (outcome.status()) {
                case DELIVERED -> delivered++;
                case GONE -> goneIds.add(outcome.recipient().connectionId());
                case FAILED -> failed++;
            }
        }
        Metrics.count(Metric.FANOUT_DELIVERED, delivered);
        Metrics.count(Metric.FANOUT_GONE, goneIds.size());
        Metrics.count(Metric.FANOUT_FAILED, failed);
        Metrics.count(Metric.FANOUT_RETRIED, retries);
        return new FanoutReport(delivered, goneIds.size(), failed, retries, duration, goneIds);
    }

    /** One structured line per fan-out: counts and timing, never a payload. */
    private static void log(FanoutReport report, int recipients, int frames, List<CompletableFuture<Outcome>> outcomes) {
        String firstError = outcomes.stream().map(CompletableFuture::join)
                .filter(o -> o.status() == Status.FAILED)
                .map(o -> o.error() == null ? "unknown" : o.error().getClass().getSimpleName())
                .findFirst().orElse("none");
        // Replies to one socket (acks, CONNECT answers) are the bulk of calls: they log at DEBUG unless they fail.
        Level level = report.failed() > 0 ? Level.WARNING : recipients > 1 ? Level.INFO : Level.DEBUG;
        LOG.log(level, () -> "fanout recipients=" + recipients
                + " frames=" + frames + " delivered=" + report.delivered() + " gone=" + report.gone()
                + " failed=" + report.failed() + " retries=" + report.retries()
                + " durationMs=" + report.duration().toMillis() + " firstError=" + firstError);
    }

    private void notifyGone(List<CompletableFuture<Outcome>> outcomes) {
        for (CompletableFuture<Outcome> future : outcomes) {
            Outcome outcome = future.join();
            if (outcome.status() != Status.GONE) {
                continue;
            }
            try {
                goneListener.onGone(outcome.recipient());
            } catch (RuntimeException e) {
                // One failed prune must not stop the others; TTL and the heartbeat sweep clean up behind it.
                LOG.log(Level.WARNING, () -> "fanout prune failed connectionId=" + outcome.recipient().connectionId()
                        + " error=" + e.getClass().getSimpleName());
            }
        }
    }

    /** Posts one frame, retrying 429 and 5xx; false on 410. Does not call the {@link GoneListener}. */
    @Override
    public boolean post(Recipient recipient, String frame) {
        Frame data = Frame.of(frame);
        return await(calls.call(() -> clients.poster(recipient.endpoint()).post(recipient.connectionId(), data),
                NOT_COUNTED).thenApply(response -> true), false);
    }

    @Override
    public Optional<ConnectionInfo> get(Recipient recipient) {
        return await(calls.call(() -> clients.forEndpoint(recipient.endpoint())
                .getConnection(b -> b.connectionId(recipient.connectionId())), NOT_COUNTED)
                .thenApply(response -> Optional.of(info(response))), Optional.empty());
    }

    @Override
    public boolean close(Recipient recipient) {
        return await(calls.call(() -> clients.forEndpoint(recipient.endpoint())
                .deleteConnection(b -> b.connectionId(recipient.connectionId())), NOT_COUNTED)
                .thenApply(response -> true), false);
    }

    /**
     * A GetConnection carrying {@link #MEMBERSHIPS_CHANGED}, which a gateway node answers after re-reading the
     * connection's rooms and any other {@code @connections} route answers as a plain GetConnection. Not sent to
     * API Gateway's own endpoints: they hold no rooms, so the call would only cost a request.
     */
    @Override
    public void membershipsChanged(Recipient recipient) {
        if (recipient.endpoint() == null || recipient.endpoint().contains(".execute-api.")) {
            return;
        }
        await(calls.call(() -> clients.forEndpoint(recipient.endpoint()).getConnection(b -> b
                .connectionId(recipient.connectionId())
                .overrideConfiguration(o -> o.putHeader(MEMBERSHIPS_CHANGED, "1"))), NOT_COUNTED)
                .thenApply(response -> true), false);
    }

    private static ConnectionInfo info(GetConnectionResponse response) {
        var identity = response.identity();
        return new ConnectionInfo(response.connectedAt(), response.lastActiveAt(),
                identity == null ? null : identity.sourceIp(), identity == null ? null : identity.userAgent());
    }

    /** Joins {@code call}; a 410 yields {@code whenGone}, any other failure is rethrown unwrapped. */
    private static <T> T await(CompletableFuture<T> call, T whenGone) {
        try {
            return call.join();
        } catch (CompletionException e) {
            Throwable cause = Failures.unwrap(e);
            if (CallFailure.of(cause) == CallFailure.GONE) {
                return whenGone;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}
