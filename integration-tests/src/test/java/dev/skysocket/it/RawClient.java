package dev.skysocket.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A bare WebSocket speaking Engine.IO by hand (java.net.http), for what a stock client never sends: it can
 * skip pongs, send malformed packets, binary frames and oversized frames. Engine.IO pings are answered only
 * when asked to; every other text frame is kept in arrival order.
 */
final class RawClient implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(10);
    /** Close code recorded when the transport ended without a Close frame. */
    static final int ABORTED = -1;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final boolean answerPings;
    private final BlockingQueue<String> inbox = new LinkedBlockingQueue<>();
    private final List<String> received = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final StringBuilder partial = new StringBuilder();
    private volatile int pingsSeen;
    private WebSocket socket;
    private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
    private String connectionId;

    private RawClient(boolean answerPings) {
        this.answerPings = answerPings;
    }

    /** Opens {@code <ws-url>/<stage>?EIO=4&transport=websocket&b64=1}, as socket.io-client with forceBase64 does. */
    static RawClient connect(String websocketUrl, String path, boolean answerPings) {
        RawClient client = new RawClient(answerPings);
        URI uri = URI.create(websocketUrl + path + "?EIO=4&transport=websocket&b64=1");
        client.socket = HTTP.newWebSocketBuilder().connectTimeout(WAIT).buildAsync(uri, client.listener())
                .orTimeout(WAIT.toMillis(), TimeUnit.MILLISECONDS).join();
        return client;
    }

    /** Waits for the Engine.IO open packet ({@code 0{...}}) and returns its JSON; remembers the sid. */
    JsonNode awaitOpen() {
        String open = awaitText(text -> text.startsWith("0"));
        JsonNode handshake = parse(open.substring(1));
        connectionId = handshake.path("sid").asText();
        return handshake;
    }

    /** Open packet, then CONNECT to {@code namespace}; returns the socket id from {@code 40{"sid":...}}. */
    String handshake(String namespace) {
        awaitOpen();
        String prefix = "/".equals(namespace) ? "40" : "40" + namespace + ",";
        send(prefix);
        String answer = awaitText(text -> text.startsWith(prefix + "{") || text.startsWith("44"));
        if (answer.startsWith("44")) {
            throw new AssertionError("CONNECT to " + namespace + " refused: " + answer);
        }
        return parse(answer.substring(prefix.length())).path("sid").asText();
    }

    String connectionId() {
        return connectionId;
    }

    void send(String text) {
        enqueue(() -> socket.sendText(text, true));
    }

    void sendBinary(byte[] data) {
        enqueue(() -> socket.sendBinary(ByteBuffer.wrap(data), true));
    }

    /** The next text frame matching {@code wanted}, skipping others; fails after {@link #WAIT}. */
    String awaitText(Predicate<String> wanted) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        try {
            while (true) {
                String text = inbox.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (text == null) {
                    throw new AssertionError("no expected frame within " + WAIT + "; received " + received
                            + (closed.isDone() ? ", closed with " + closed.getNow(null) : ""));
                }
                if (wanted.test(text)) {
                    return text;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Completes with the close code the server sent, or {@link #ABORTED} when the transport just ended. */
    CompletableFuture<Integer> closed() {
        return closed;
    }

    boolean isClosed() {
        return closed.isDone();
    }

    int pingsSeen() {
        return pingsSeen;
    }

    List<String> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.abort();
        }
    }

    private synchronized void enqueue(java.util.function.Supplier<CompletableFuture<WebSocket>> send) {
        // java.net.http.WebSocket refuses a send while another is pending: chain them.
        sending = sending.exceptionally(e -> null).thenCompose(ignored -> send.get());
        try {
            sending.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            // A send can fail once the server has closed; tests look at closed() for the outcome.
        }
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            @Override
            public void onOpen(WebSocket webSocket) {
                webSocket.request(1);
            }

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    String text = partial.toString();
                    partial.setLength(0);
                    onMessage(text);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
                received.add("<binary " + data.remaining() + " bytes>");
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closed.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket webSocket, Throwable error) {
                closed.complete(ABORTED);
            }
        };
    }

    private void onMessage(String text) {
        received.add(text);
        if ("2".equals(text)) {
            pingsSeen++;
            if (answerPings) {
                // Off the listener thread: a send waits for completion, which needs the listener to go on.
                CompletableFuture.runAsync(() -> send("3"));
            }
            return;
        }
        inbox.add(text);
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }
}
