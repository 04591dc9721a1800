package dev.skysocket.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.engineio.client.transports.WebSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Java socket.io-client (io.socket 2.x) against the local stack, websocket only. That client always adds a
 * trailing slash to its path ({@code /dev/}). API Gateway accepts only the stage path (AWS-FACTS) and whether
 * {@code /dev/} counts is unverified, so the test strips the slash in the OkHttp WebSocket factory, as a Java app
 * talking to API Gateway should.
 */
@Timeout(60)
class JavaSocketIoClientIT {
    private static final long WAIT_SECONDS = 10;
    private static final OkHttpClient HTTP = new OkHttpClient();
    private static TestStack.Target target;
    private Socket socket;

    @BeforeAll
    static void startStack() {
        target = TestStack.target();
    }

    @AfterAll
    static void stopStack() {
        if (target != null) {
            target.close();
        }
    }

    @AfterEach
    void closeSocket() {
        if (socket != null) {
            socket.close();
        }
    }

    private Socket connect(String namespace, Map<String, String> auth) {
        IO.Options options = IO.Options.builder()
                .setPath(target.path())
                .setTransports(new String[] {WebSocket.NAME})
                .setReconnection(false)
                .setForceNew(true)
                .setAuth(auth)
                .build();
        options.webSocketFactory = (request, listener) -> HTTP.newWebSocket(
                request.newBuilder().url(withoutTrailingSlash(request.url())).build(), listener);
        socket = IO.socket(URI.create(target.websocketUrl() + namespace), options);
        return socket;
    }

    @Test
    void connectsOverWebsocketAndGetsItsEchoAck() throws Exception {
        Socket client = connect("/", Map.of());
        CompletableFuture<String> connected = new CompletableFuture<>();
        client.on(Socket.EVENT_CONNECT, args -> connected.complete(client.id()));
        client.on(Socket.EVENT_CONNECT_ERROR, args -> connected.completeExceptionally(
                new AssertionError("connect_error: " + List.of(args))));
        client.connect();
        assertThat(connected.get(WAIT_SECONDS, TimeUnit.SECONDS)).isNotBlank();

        CompletableFuture<List<Object>> acked = new CompletableFuture<>();
        JSONObject nested = new JSONObject().put("k", "välue").put("n", 3);
        client.emit("echo", new Object[] {"hello from Java", 42, nested}, args -> acked.complete(List.of(args)));
        List<Object> answer = acked.get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(answer).hasSize(3);
        assertThat(answer.get(0)).isEqualTo("hello from Java");
        assertThat(answer.get(1)).isEqualTo(42);
        assertThat(answer.get(2).toString()).isEqualTo(nested.toString());
    }

    @Test
    void adminRefusesAJavaClientWithoutTheTokenAndAdmitsOneWithIt() throws Exception {
        String token = target.requireAdminToken();
        Socket refused = connect("/admin", Map.of());
        CompletableFuture<Object> error = new CompletableFuture<>();
        refused.on(Socket.EVENT_CONNECT_ERROR, args -> error.complete(args[0]));
        refused.on(Socket.EVENT_CONNECT, args -> error.completeExceptionally(new AssertionError("admitted")));
        refused.connect();
        assertThat(((JSONObject) error.get(WAIT_SECONDS, TimeUnit.SECONDS)).getString("message")).isEqualTo("unauthorized");
        refused.close();

        Socket admitted = connect("/admin", Map.of("token", token));
        CompletableFuture<String> connected = new CompletableFuture<>();
        admitted.on(Socket.EVENT_CONNECT, args -> connected.complete(admitted.id()));
        admitted.on(Socket.EVENT_CONNECT_ERROR, args -> connected.completeExceptionally(
                new AssertionError("connect_error: " + List.of(args))));
        admitted.connect();
        assertThat(connected.get(WAIT_SECONDS, TimeUnit.SECONDS)).isNotBlank();
    }

    static HttpUrl withoutTrailingSlash(HttpUrl url) {
        String path = url.encodedPath();
        return path.length() > 1 && path.endsWith("/")
                ? url.newBuilder().encodedPath(path.substring(0, path.length() - 1)).build()
                : url;
    }
}
