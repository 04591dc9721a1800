package dev.skysocket.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.local.LocalRunner;
import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.engineio.client.transports.Polling;
import io.socket.engineio.client.transports.WebSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;

/**
 * Three stock clients (the Java socket.io-client) connected before any hostile input and kept for the whole
 * class: one on the API Gateway emulator, one on the fallback gateway over websocket, one on the fallback gateway
 * polling only. After each hostile case every one of them must still be connected (they never reconnect) and
 * get its echo ack: a case that hurt another session, a listener or the process shows here.
 */
final class Canaries implements AutoCloseable {
    static final String TEXT = "still here";
    private static final long WAIT_SECONDS = 10;
    private static final OkHttpClient HTTP = new OkHttpClient();

    private final List<Socket> sockets = new ArrayList<>();
    private final List<String> names = List.of("api gateway", "fallback websocket", "fallback polling");
    private final AtomicInteger round = new AtomicInteger();

    private Canaries() {
    }

    static Canaries connect(LocalRunner runner) {
        Canaries canaries = new Canaries();
        try {
            IO.Options apiGateway = options(TestStack.path(runner), WebSocket.NAME);
            apiGateway.webSocketFactory = (request, listener) -> HTTP.newWebSocket(request.newBuilder()
                    .url(JavaSocketIoClientIT.withoutTrailingSlash(request.url())).build(), listener);
            canaries.add(runner.websocketUrl(), apiGateway);
            canaries.add(runner.gatewayUrl(), options("/socket.io/", WebSocket.NAME));
            canaries.add(runner.gatewayUrl(), options("/socket.io/", Polling.NAME));
        } catch (Exception | AssertionError e) {
            canaries.close();
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
        return canaries;
    }

    private static IO.Options options(String path, String transport) {
        return IO.Options.builder().setPath(path).setTransports(new String[] {transport}).setReconnection(false)
                .setForceNew(true).build();
    }

    private void add(String url, IO.Options options) throws Exception {
        Socket socket = IO.socket(URI.create(url + "/"), options);
        sockets.add(socket);
        CompletableFuture<String> connected = new CompletableFuture<>();
        socket.on(Socket.EVENT_CONNECT, args -> connected.complete(socket.id()));
        socket.on(Socket.EVENT_CONNECT_ERROR, args -> connected.completeExceptionally(
                new AssertionError(names.get(sockets.size() - 1) + " canary: connect_error " + List.of(args))));
        socket.connect();
        assertThat(connected.get(WAIT_SECONDS, TimeUnit.SECONDS)).isNotBlank();
    }

    /** The Socket.IO ids of the canaries, whose echoes the app may see. */
    Set<String> socketIds() {
        return sockets.stream().map(Socket::id).collect(Collectors.toSet());
    }

    /** Every canary is still connected (reconnection is off) and gets its echo ack. */
    void assertAllEcho() throws Exception {
        int n = round.incrementAndGet();
        for (int i = 0; i < sockets.size(); i++) {
            Socket socket = sockets.get(i);
            assertThat(socket.connected()).as(names.get(i) + " canary connected").isTrue();
            CompletableFuture<List<Object>> acked = new CompletableFuture<>();
            socket.emit("echo", new Object[] {TEXT, n}, args -> acked.complete(List.of(args)));
            assertThat(acked.get(WAIT_SECONDS, TimeUnit.SECONDS)).as(names.get(i) + " canary's echo")
                    .containsExactly(TEXT, n);
        }
    }

    @Override
    public void close() {
        sockets.forEach(Socket::close);
    }
}
