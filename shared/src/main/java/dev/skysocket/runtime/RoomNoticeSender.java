package dev.skysocket.runtime;

import dev.skysocket.concurrent.Failures;
import dev.skysocket.metrics.Metric;
import dev.skysocket.metrics.Metrics;
import dev.skysocket.fanout.ManagementApiClients;
import dev.skysocket.store.RoomKey;
import dev.skysocket.store.RoomNotices;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Room notices over the gateway nodes' private Management API: a signed GetConnection, as a fan-out's, carrying
 * {@link #HEADER}, which a node answers 200 once its room cache holds the endpoint. All endpoints at once, each
 * with {@link #ATTEMPTS} attempts of {@link #ATTEMPT_TIMEOUT}; a notice that still fails is logged
 * ({@code event=room_notice_failed}), counted ({@code RoomNoticeFailures}) and given up: that node could not reach
 * the new members either. API Gateway's own endpoints hold no rooms and are skipped; any other endpoint answering 403, 404 or 410 holds none either (the
 * local emulator answers 410), so that is no failure.
 */
public final class RoomNoticeSender implements RoomNotices {
    /** {@code base64url(tenant).base64url(namespace).base64url(room).base64url(endpoint)}, UTF-8, no padding. */
    public static final String HEADER = "x-skysocket-room-notice";
    /** The path's connection id; the notice is in the header. */
    public static final String CONNECTION_ID = "room-notice";
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    static final int ATTEMPTS = 3;
    private static final long[] BACKOFF_MS = {100, 300};
    private static final System.Logger LOG = System.getLogger(RoomNoticeSender.class.getName());

    private final ManagementApiClients clients;

    public RoomNoticeSender(ManagementApiClients clients) {
        this.clients = clients;
    }

    @Override
    public int tell(Collection<String> endpoints, RoomKey room, String endpoint) {
        String notice = encode(room, endpoint);
        List<CompletableFuture<Boolean>> sent = new ArrayList<>();
        for (String target : endpoints) {
            if (target != null && !target.contains(".execute-api.")) {
                sent.add(attempt(target, notice, 1).handle((ok, failed) -> {
                    if (failed != null) {
                        Metrics.count(Metric.ROOM_NOTICE_FAILURES);
                        LOG.log(Level.WARNING, "event=room_notice_failed tenant={0} namespace={1} room={2} "
                                + "endpoint={3} new_endpoint={4} error={5}", room.tenant(), room.namespace(),
                                room.room(), target, endpoint, Failures.unwrap(failed).getClass().getSimpleName());
                    }
                    return failed == null;
                }));
            }
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
        return (int) sent.stream().filter(answered -> !answered.join()).count();
    }

    private CompletableFuture<Void> attempt(String target, String notice, int attempt) {
        CompletableFuture<Void> call;
        try {
            call = clients.forEndpoint(target).getConnection(b -> b.connectionId(CONNECTION_ID)
                    .overrideConfiguration(o -> o.putHeader(HEADER, notice).apiCallAttemptTimeout(ATTEMPT_TIMEOUT)))
                    .thenApply(answer -> null);
        } catch (RuntimeException malformed) {
            return CompletableFuture.failedFuture(malformed); // an endpoint that is no URL: nothing to retry
        }
        return call.exceptionallyCompose(failed -> {
            Throwable cause = Failures.unwrap(failed);
            if (cause instanceof SdkServiceException service && (service.statusCode() == 403
                    || service.statusCode() == 404 || service.statusCode() == 410)) {
                LOG.log(Level.DEBUG, "event=room_notice_ignored endpoint={0} status={1}", target,
                        service.statusCode());
                return CompletableFuture.completedFuture(null);
            }
            if (attempt >= ATTEMPTS) {
                return CompletableFuture.failedFuture(cause);
            }
            return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(
                    BACKOFF_MS[attempt - 1], TimeUnit.MILLISECONDS)).thenCompose(x -> attempt(target, notice,
                    attempt + 1));
        });
    }

    static String encode(RoomKey room, String endpoint) {
        return String.join(".", part(room.tenant()), part(room.namespace()), part(room.room()), part(endpoint));
    }

    private static String part(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

}
