package dev.skysocket.gateway.http.management;

import dev.skysocket.gateway.management.ConnectionTargets;
import dev.skysocket.gateway.management.PostOutcome;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.lang.System.Logger.Level;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The {@code <basePath>/@connections/<id>} route in AWS's shapes, over any {@link ConnectionTargets}: {@code POST}
 * sends the body as one message (200, empty body), {@code GET} describes the connection (ISO-8601 timestamps),
 * {@code DELETE} closes it (204). An unknown or closed id answers 410 with an empty body and
 * {@code x-amzn-ErrorType: GoneException}; a body over the limit 413 (PayloadTooLargeException); an id whose
 * escapes do not decode 400; a request the {@code authorized} check refuses 403 (MissingAuthenticationToken), as
 * AWS refuses an unsigned one before anything else. A {@code GET} carrying {@link #MEMBERSHIPS_CHANGED} re-reads
 * the connection's rooms first; one carrying {@link #ROOM_NOTICE} is a room notice, answered 200 {@code {}} once
 * the targets hold it (400 when it does not decode).
 */
public final class ManagementRoute {
    private static final System.Logger LOG = System.getLogger(ManagementRoute.class.getName());
    private static final String CONNECTIONS = "@connections";
    /** Set on a GET by an endpoint that changed the connection's rooms in the store (AWS ignores the header). */
    public static final String MEMBERSHIPS_CHANGED = "x-skysocket-memberships-changed";
    /**
     * Set on a GET by an endpoint that registered members in a room this node may cache (the room directory):
     * four base64url parts, tenant, namespace, room and the new endpoint, joined by '.'.
     */
    public static final String ROOM_NOTICE = "x-skysocket-room-notice";

    private final String basePath;
    private final ConnectionTargets targets;
    private final int maxMessageBytes;
    private final Predicate<HttpServerRequest> authorized;

    /** {@code basePath} is "" or starts with '/' and has none at its end, e.g. {@code /prod}. */
    public ManagementRoute(String basePath, ConnectionTargets targets, int maxMessageBytes,
                           Predicate<HttpServerRequest> authorized) {
        this.basePath = basePath;
        this.targets = targets;
        this.maxMessageBytes = maxMessageBytes;
        this.authorized = authorized;
    }

    /** Answers the request when its path is this route's; false (nothing answered) when it is another path. */
    public boolean handle(HttpServerRequest request) {
        String path = request.path();
        if (path == null || !path.startsWith(basePath + "/")) {
            return false;
        }
        String[] segments = path.substring(basePath.length() + 1).split("/", -1);
        if (segments.length != 2 || segments[1].isEmpty() || !CONNECTIONS.equals(decode(segments[0]))) {
            return false;
        }
        String connectionId = decode(segments[1]);
        if (connectionId == null) {
            ManagementReplies.error(request, 400, "BadRequestException", "Bad Request");
        } else if (!authorized.test(request)) {
            ManagementReplies.error(request, 403, "MissingAuthenticationTokenException",
                    "Missing Authentication Token");
        } else {
            dispatch(request, connectionId);
        }
        return true;
    }

    private void dispatch(HttpServerRequest request, String connectionId) {
        HttpMethod method = request.method();
        if (HttpMethod.POST.equals(method)) {
            readBody(request, connectionId);
        } else if (HttpMethod.GET.equals(method) && request.getHeader(ROOM_NOTICE) != null) {
            roomNotice(request, request.getHeader(ROOM_NOTICE));
        } else if (HttpMethod.GET.equals(method) && request.getHeader(MEMBERSHIPS_CHANGED) != null) {
            // Re-read first, answer after: the caller's operation has returned only once this node follows it.
            targets.membershipsChanged(connectionId).whenComplete((done, failed) -> describe(request, connectionId));
        } else if (HttpMethod.GET.equals(method)) {
            describe(request, connectionId);
        } else if (HttpMethod.DELETE.equals(method)) {
            delete(request, connectionId);
        } else {
            ManagementReplies.error(request, 403, "ForbiddenException", "Forbidden");
        }
    }

    /** Answered once the targets hold it: the sender's join returns only after this answer. */
    private void roomNotice(HttpServerRequest request, String notice) {
        String[] parts = RoomNoticeParts.decode(notice);
        if (parts == null) {
            ManagementReplies.error(request, 400, "BadRequestException", "Bad Request");
            return;
        }
        targets.roomGained(parts[0], parts[1], parts[2], parts[3]);
        ManagementReplies.respond(request, 200).putHeader("Content-Type", "application/json").end("{}");
    }

    /** Buffers up to the limit; past it, counts without buffering and answers 413 (AWS's 128 KB message limit). */
    private void readBody(HttpServerRequest request, String connectionId) {
        Buffer body = Buffer.buffer();
        long[] received = {0};
        request.handler(chunk -> {
            received[0] += chunk.length();
            if (received[0] <= maxMessageBytes) {
                body.appendBuffer(chunk);
            }
        });
        request.endHandler(ignored -> {
            if (received[0] > maxMessageBytes) {
                ManagementReplies.error(request, 413, "PayloadTooLargeException", "Message too long");
            } else {
                targets.post(connectionId, body.getBytes())
                        .exceptionally(failed -> PostOutcome.GONE)
                        .thenAccept(outcome -> answer(request, connectionId, outcome));
            }
        });
    }

    private void answer(HttpServerRequest request, String connectionId, PostOutcome outcome) {
        if (outcome.status() == 200) {
            ManagementReplies.respond(request, 200).end();
        } else if (outcome.status() == 410) {
            gone(request, connectionId);
        } else {
            ManagementReplies.error(request, outcome.status(), outcome.errorType(), outcome.message());
        }
    }

    private void describe(HttpServerRequest request, String connectionId) {
        Optional<ConnectionTargets.Description> found = targets.describe(connectionId);
        if (found.isEmpty()) {
            gone(request, connectionId);
            return;
        }
        ManagementReplies.describe(request, found.get());
    }

    private void delete(HttpServerRequest request, String connectionId) {
        if (targets.close(connectionId)) {
            ManagementReplies.respond(request, 204).end();
        } else {
            gone(request, connectionId);
        }
    }

    private static void gone(HttpServerRequest request, String connectionId) {
        LOG.log(Level.DEBUG, "event=management_gone method={0} connectionId={1}", request.method(), connectionId);
        ManagementReplies.gone(request);
    }

    /** Percent-decoding of one path segment ('+' stays '+': it means space only in a query), or null if broken. */
    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }
}
