package dev.skysocket.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skysocket.api.SocketApp;
import dev.skysocket.config.Settings;
import dev.skysocket.local.LocalRunner;
import dev.skysocket.store.ConnectionRecord;
import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.engineio.client.transports.WebSocket;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Authentication at {@code $connect} end to end on the local stack: the JWT authorizer (keys served on loopback)
 * runs before {@code $connect} as on API Gateway, and the tenant and user of a valid token reach the app's
 * {@code socket.handshake()}, {@code socket.tenant()}/{@code user()} and the stored connection, which keeps no
 * token; a client
 * without a token, or with a token signed by another key, never connects, on either path (the fallback gateway refuses with the reason).
 */
@Timeout(120)
class AuthenticatedConnectIT {
    private static final OkHttpClient HTTP = new OkHttpClient();
    private static JwtKeys keys;
    private static LocalRunner runner;
    private Socket socket;

    /** {@code whoami} acks what the socket knows of its identity. */
    private static final SocketApp WHO_AM_I = io -> io.of("/").on("whoami", (socket, args, ack) -> {
        Map<String, Object> me = new HashMap<>();
        me.put("tenant", socket.tenant());
        me.put("user", socket.user());
        me.put("handshakeTenant", socket.handshake().tenant());
        me.put("handshakeUser", socket.handshake().user());
        me.put("queryNames", String.join(",", new TreeSet<>(socket.handshake().query().keySet())));
        ack.send(me);
    });

    @BeforeAll
    static void startStack() throws Exception {
        keys = new JwtKeys();
        Map<String, String> settings = new HashMap<>(TestStack.settings());
        settings.putAll(keys.settings());
        runner = LocalRunner.start(Settings.of(settings), WHO_AM_I);
    }

    @AfterAll
    static void stopStack() {
        TestStack.close(runner, keys);
    }

    @AfterEach
    void closeClient() {
        if (socket != null) {
            socket.close();
        }
    }

    @Test
    void theTokensTenantAndUserReachTheSocketItsHandshakeAndTheStore() throws Exception {
        String token = JwtKeys.token("acme", "alice");
        socket = connect("token=" + token);
        awaitConnected(socket);

        CompletableFuture<JSONObject> answer = new CompletableFuture<>();
        socket.emit("whoami", new Object[0], args -> answer.complete((JSONObject) args[0]));
        JSONObject me = answer.get(10, TimeUnit.SECONDS);

        assertThat(me.getString("tenant")).isEqualTo("acme");
        assertThat(me.getString("user")).isEqualTo("alice");
        assertThat(me.getString("handshakeTenant")).isEqualTo("acme");
        assertThat(me.getString("handshakeUser")).isEqualTo("alice");
        // The token was the credential: it is not kept with the handshake (nor in the store it is read from).
        assertThat(me.getString("queryNames")).contains("EIO").doesNotContain("token");
        // The user index (tenant, user) finds the stored connection: what revocation and emit-to-user read.
        List<ConnectionRecord> stored = runner.gateway().node().context().connections().byUser("acme", "alice");
        assertThat(stored).hasSize(1).allSatisfy(connection -> {
            assertThat(connection.tenant()).isEqualTo("acme");
            assertThat(connection.user()).isEqualTo("alice");
            assertThat(connection.query()).containsKey("EIO").doesNotContainKey("token");
        });
    }

    @Test
    void aClientWithoutATokenOrWithAForgedOneNeverConnects() throws Exception {
        String forged = JwtKeys.forged("acme", "mallory");
        for (String query : new String[] {"", "token=" + forged}) {
            Socket client = connect(query);
            try {
                CompletableFuture<Object> outcome = new CompletableFuture<>();
                client.on(Socket.EVENT_CONNECT, args -> outcome.complete("connected"));
                client.on(Socket.EVENT_CONNECT_ERROR, args -> outcome.complete("refused"));
                client.connect();
                assertThat(outcome.get(15, TimeUnit.SECONDS)).as(query.isEmpty() ? "no token" : "forged token")
                        .isEqualTo("refused");
            } finally {
                client.close();
            }
        }
    }

    /**
     * The fallback gateway runs the same authorizer at its Engine.IO handshake: a valid token's identity reaches
     * the socket and the token is not kept; a refusal reaches the stock client as {@code connect_error} with the
     * authorizer's reason (the session opens, its CONNECT is answered with CONNECT_ERROR).
     */
    @Test
    void theFallbackGatewayRunsTheSameAuthorizerAndRefusesWithTheReason() throws Exception {
        String token = JwtKeys.token("acme", "alice");
        JsonNode allowed = fallbackClient("{\"token\":\"" + token + "\"}");
        assertThat(allowed.path("connected").asBoolean()).as("%s", allowed).isTrue();
        assertThat(allowed.path("me").path("tenant").asText()).isEqualTo("acme");
        assertThat(allowed.path("me").path("user").asText()).isEqualTo("alice");
        assertThat(allowed.path("me").path("queryNames").asText()).contains("EIO").doesNotContain("token");

        JsonNode missing = fallbackClient("{}");
        assertThat(missing.path("connected").asBoolean()).isFalse();
        assertThat(missing.path("message").asText()).isEqualTo("missing token");

        String forged = JwtKeys.forged("acme", "mallory");
        JsonNode refused = fallbackClient("{\"token\":\"" + forged + "\"}");
        assertThat(refused.path("connected").asBoolean()).isFalse();
        assertThat(refused.path("message").asText()).isIn("unknown key", "bad signature");
    }

    private static JsonNode fallbackClient(String queryJson) {
        return NodeScenario.of("identity.mjs", runner.gatewayUrl()).clientSetup("default")
                .withEnv("SKYSOCKET_QUERY", queryJson).run().succeeded();
    }

    private static Socket connect(String query) {
        IO.Options options = IO.Options.builder()
                .setPath("/" + runner.stage())
                .setTransports(new String[] {WebSocket.NAME})
                .setReconnection(false)
                .setForceNew(true)
                .setQuery(query.isEmpty() ? null : query)
                .build();
        options.webSocketFactory = (request, listener) -> HTTP.newWebSocket(
                request.newBuilder().url(JavaSocketIoClientIT.withoutTrailingSlash(request.url())).build(), listener);
        return IO.socket(URI.create(runner.websocketUrl() + "/"), options);
    }

    private static void awaitConnected(Socket client) throws Exception {
        CompletableFuture<String> connected = new CompletableFuture<>();
        client.on(Socket.EVENT_CONNECT, args -> connected.complete(client.id()));
        client.on(Socket.EVENT_CONNECT_ERROR, args -> connected.completeExceptionally(
                new AssertionError("connect_error: " + List.of(args))));
        client.connect();
        assertThat(connected.get(15, TimeUnit.SECONDS)).isNotBlank();
    }
}
