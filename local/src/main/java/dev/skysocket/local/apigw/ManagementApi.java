package dev.skysocket.local.apigw;

import dev.skysocket.gateway.management.ManagementReplies;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;

import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * The {@code @connections} API: {@code POST} sends one message, {@code GET} describes the connection,
 * {@code DELETE} closes it. Shapes follow AWS so the real SDK client works unchanged: 200 with an empty body for a
 * post, ISO-8601 timestamps in GetConnection, 204 for a delete, and for an unknown, not yet connected or closed id a
 * 410 with an empty body and {@code x-amzn-ErrorType: GoneException} (the SDK maps that header to GoneException).
 */
final class ManagementApi {

    private static final System.Logger LOG = System.getLogger(ManagementApi.class.getName());

    private final ObjectMapper mapper = new ObjectMapper();
    private final ConnectionRegistry registry;
    private final EmulatorStats stats;
    private final int maxMessageBytes;
    private final ManagementFaults faults;

    ManagementApi(ConnectionRegistry registry, EmulatorStats stats, int maxMessageBytes, ManagementFaults faults) {
        this.registry = registry;
        this.stats = stats;
        this.maxMessageBytes = maxMessageBytes;
        this.faults = faults;
    }

    void handle(HttpServerRequest request, String connectionId) {
        // Like AWS, an unsigned request is refused before anything else. The signature itself is not verified:
        // locally any SigV4-shaped header (static dummy credentials included) is accepted.
        if (!ManagementReplies.signed(request)) {
            ManagementReplies.error(request, 403, "MissingAuthenticationTokenException", "Missing Authentication Token");
            return;
        }
        HttpMethod method = request.method();
        if (HttpMethod.POST.equals(method)) {
            readBody(request, connectionId);
        } else if (HttpMethod.GET.equals(method)) {
            describe(request, connectionId);
        } else if (HttpMethod.DELETE.equals(method)) {
            delete(request, connectionId);
        } else {
            ManagementReplies.error(request, 403, "ForbiddenException", "Forbidden");
        }
    }

    /** Collects the body up to the limit; past it, keeps counting but stops buffering, and answers 413. */
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
                // AWS applies the 128 KB message limit to posts too.
                ManagementReplies.error(request, 413, "PayloadTooLargeException", "Message too long");
            } else {
                post(request, connectionId, body.getBytes());
            }
        });
    }

    private void post(HttpServerRequest request, String connectionId, byte[] data) {
        Optional<EmulatedConnection> connection = registry.find(connectionId);
        if (connection.isEmpty()) {
            gone(request, connectionId);
            return;
        }
        ManagementFaults.Fault fault = faults.nextPostFault(connectionId);
        if (fault == null && connection.get().outboundBufferFull()) {
            fault = ManagementFaults.bufferFull();  // AWS answers 429 when one client's buffer is full
        }
        if (fault != null) {
            ManagementReplies.error(request, fault.status(), fault.errorType(), fault.message());
            return;
        }
        connection.get().post(data).onComplete(written -> {
            if (written.succeeded()) {
                stats.post();
                ManagementReplies.respond(request, 200).end();
            } else {
                gone(request, connectionId);
            }
        });
    }

    private void describe(HttpServerRequest request, String connectionId) {
        Optional<EmulatedConnection> found = registry.find(connectionId);
        if (found.isEmpty()) {
            gone(request, connectionId);
            return;
        }
        EmulatedConnection connection = found.get();
        ObjectNode json = mapper.createObjectNode();
        json.put("connectedAt", ManagementReplies.iso(connection.connectedAt()));
        ObjectNode identity = json.putObject("identity");
        identity.put("sourceIp", connection.context().sourceIp());
        identity.put("userAgent", connection.context().userAgent());
        json.put("lastActiveAt", ManagementReplies.iso(connection.lastActiveAt()));
        ManagementReplies.respond(request, 200).putHeader("Content-Type", "application/json").end(json.toString());
    }

    private void delete(HttpServerRequest request, String connectionId) {
        Optional<EmulatedConnection> connection = registry.find(connectionId);
        if (connection.isEmpty()) {
            gone(request, connectionId);
            return;
        }
        connection.get().closeWith(CloseStatus.DELETED);
        ManagementReplies.respond(request, 204).end();
    }

    private void gone(HttpServerRequest request, String connectionId) {
        stats.gone();
        LOG.log(Level.DEBUG, "apigw.management.gone method={0} connectionId={1}", request.method(), connectionId);
        ManagementReplies.gone(request);
    }



}
