package dev.skysocket.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skysocket.api.DisconnectReason;
import dev.skysocket.store.KeptSession;
import dev.skysocket.store.RecoveryStore;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeping a dropped socket and handing it back. Its private session id (pid) is an HMAC of the socket's tenant,
 * namespace and id under the deployment's pid key: no write at connect time, the same in every process, and
 * unguessable from the public socket id.
 */
final class SessionKeeping {
    /** Socket.IO keeps sessions for these: the transport went, not the client or the app. */
    private static final Set<DisconnectReason> RECOVERABLE = EnumSet.of(DisconnectReason.TRANSPORT_ERROR,
            DisconnectReason.TRANSPORT_CLOSE, DisconnectReason.FORCED_CLOSE, DisconnectReason.PING_TIMEOUT,
            DisconnectReason.SERVER_SHUTTING_DOWN, DisconnectReason.FORCED_SERVER_CLOSE);
    private static final int PID_BYTES = 16;
    private static final int MAX_PID_LENGTH = 64;
    private final ServerContext ctx;
    private final ReplayLog log;

    SessionKeeping(ServerContext ctx) {
        this.ctx = ctx;
        this.log = new ReplayLog(ctx);
    }

    String pid(String tenant, String namespace, String socketId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(store().pidKey(), "HmacSHA256"));
            byte[] digest = mac.doFinal((tenant + '\0' + namespace + '\0' + socketId).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, PID_BYTES));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Keeps the socket leaving with {@code reason} when its namespace recovers sockets and the reason allows. */
    void keepIfRecoverable(StoredSocket socket, DisconnectReason reason) {
        long duration = log.durationMs(socket.namespace());
        if (duration == 0 || !RECOVERABLE.contains(reason) || !socket.connected()) {
            return;
        }
        long now = ctx.now();
        KeptSession kept = new KeptSession(pid(socket.tenant(), socket.namespace(), socket.id()), socket.tenant(),
                socket.namespace(), socket.id(), socket.record().rooms(), JsonValues.write(socket.data()),
                socket.record().connectedAt(), now);
        store().keep(kept, (now + duration) / 1000 + 1);
    }

    /**
     * The session the CONNECT's auth payload asks back ({@code pid}), when it is kept, belongs to this tenant and
     * namespace, and dropped less than the namespace's duration ago. Anything else: empty, and the client gets a
     * new socket.
     */
    Optional<KeptSession> take(String tenant, String namespace, JsonNode auth) {
        long duration = log.durationMs(namespace);
        JsonNode pid = auth == null ? null : auth.get("pid");
        if (duration == 0 || pid == null || !pid.isTextual() || pid.asText().isEmpty()
                || pid.asText().length() > MAX_PID_LENGTH) {
            return Optional.empty();
        }
        long now = ctx.now();
        return store().take(pid.asText(), now)
                .filter(kept -> kept.tenant().equals(tenant) && kept.namespace().equals(namespace))
                .filter(kept -> now - kept.disconnectedAt() <= duration);
    }

    private RecoveryStore store() {
        if (ctx.kept() == null) {
            throw new IllegalStateException("connection state recovery is on, but this wiring has no recovery store");
        }
        return ctx.kept();
    }
}
