package dev.skysocket.local.apigw;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** A JDK WebSocket client that records what the server sends and how it closes. */
final class TestClient implements WebSocket.Listener {

    /** How the server ended the connection, as the client observed it. */
    record Close(int code, String reason) {
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<String> texts = new CopyOnWriteArrayList<>();
    private final List<byte[]> binaries = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Close> closed = new CompletableFuture<>();
    private final java.util.concurrent.atomic.AtomicInteger pongs = new java.util.concurrent.atomic.AtomicInteger();
    private final StringBuilder text = new StringBuilder();
    private final java.io.ByteArrayOutputStream binary = new java.io.ByteArrayOutputStream();
    private WebSocket socket;

    static TestClient connect(String url) {
        return connect(URI.create(url), null);
    }

    static TestClient connect(URI uri, String userAgent) {
        TestClient client = new TestClient();
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        builder.header("Origin", "http://localhost:8080");
        if (userAgent != null) {
            builder.header("User-Agent", userAgent);
        }
        try {
            client.socket = builder.buildAsync(uri, client).get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("connect failed: " + e, e);
        }
        return client;
    }

    /** The HTTP status of a refused upgrade. */
    static int refusedStatus(String url) {
        try {
            HTTP.newWebSocketBuilder().buildAsync(URI.create(url), new TestClient()).get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw new IllegalStateException("unexpected failure", e);
        } catch (Exception e) {
            throw new IllegalStateException("unexpected failure", e);
        }
        throw new AssertionError("the upgrade was accepted");
    }

    void send(String message) {
        socket.sendText(message, true).join();
    }

    /** Sends one message as several frames, one per part. */
    void sendFragments(String... parts) {
        for (int i = 0; i < parts.length; i++) {
            socket.sendText(parts[i], i == parts.length - 1).join();
        }
    }

    void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    void ping() {
        socket.sendPing(ByteBuffer.wrap(new byte[] {'p'})).join();
    }

    int pongs() {
        return pongs.get();
    }

    void close(int code, String reason) {
        socket.sendClose(code, reason).join();
    }

    void abort() {
        socket.abort();
    }

    List<String> texts() {
        return List.copyOf(texts);
    }

    List<byte[]> binaries() {
        return List.copyOf(binaries);
    }

    CompletableFuture<Close> closed() {
        return closed;
    }

    Close awaitClose() {
        return closed.orTimeout(20, TimeUnit.SECONDS).join();
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(Long.MAX_VALUE);
    }

    @Override
    public synchronized CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        text.append(data);
        if (last) {
            texts.add(text.toString());
            text.setLength(0);
        }
        return null;
    }

    @Override
    public synchronized CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        byte[] bytes = new byte[data.remaining()];
        data.get(bytes);
        binary.writeBytes(bytes);
        if (last) {
            binaries.add(binary.toByteArray());
            binary.reset();
        }
        return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
        pongs.incrementAndGet();
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(new Close(statusCode, reason));
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }
}
