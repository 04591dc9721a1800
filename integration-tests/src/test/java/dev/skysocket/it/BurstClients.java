package dev.skysocket.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Many bare clients on loopback, as a load test makes them: at most {@link #IN_FLIGHT} requests or upgrades at a
 * time, each client connecting once and never retrying, so a refusal is counted, not hidden. Polling clients do
 * the Engine.IO handshake and Socket.IO's {@code 40} and then never poll (the stack's ping interval must outlast
 * the burst); websocket clients upgrade and stay silent.
 */
final class BurstClients implements AutoCloseable {
    static final int IN_FLIGHT = 64;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Semaphore slots = new Semaphore(IN_FLIGHT);
    private final ConcurrentLinkedQueue<String> sids = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<WebSocket> sockets = new ConcurrentLinkedQueue<>();
    final AtomicInteger connected = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger failed = new AtomicInteger();

    /** {@code n} polling sessions with a Socket.IO connection each on {@code base} (the gateway's URL). */
    void connectPolling(String base, int n) throws InterruptedException {
        String engine = base + "/socket.io/?EIO=4&transport=polling";
        run(n, () -> send(get(engine)).thenCompose(open -> {
            if (open.statusCode() != 200) {
                return CompletableFuture.completedFuture(open.statusCode() == 503 ? "refused" : "failed");
            }
            String sid = open.body().replaceAll("^0\\{\"sid\":\"([^\"]+)\".*$", "$1");
            return send(post(engine + "&sid=" + sid, "40")).thenApply(ok -> {
                if (ok.statusCode() != 200) {
                    return "failed";
                }
                sids.add(engine + "&sid=" + sid);
                return "connected";
            });
        }));
    }

    /** Closes every polling session at once (Engine.IO close packet), still {@link #IN_FLIGHT} at a time. */
    void closePolling() throws InterruptedException {
        List<String> all = List.copyOf(sids);
        AtomicInteger next = new AtomicInteger();
        run(all.size(), () -> send(post(all.get(next.getAndIncrement()), "1")).handle((r, e) -> "closed"));
    }

    /** {@code n} websockets upgraded on {@code url} (the emulator's stage URL). */
    void connectWebSockets(String url, int n) throws InterruptedException {
        URI uri = URI.create(url + "?EIO=4&transport=websocket");
        run(n, () -> http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                .buildAsync(uri, new WebSocket.Listener() {
                }).handle((socket, error) -> {
                    if (socket != null) {
                        sockets.add(socket);
                        return "connected";
                    }
                    Throwable cause = error.getCause() != null ? error.getCause() : error;
                    return cause instanceof WebSocketHandshakeException refusal
                            && refusal.getResponse().statusCode() == 429 ? "refused" : "failed";
                }));
    }

    /** Closes every websocket together: a close frame each, then the connection goes. */
    void closeWebSockets() {
        for (WebSocket socket : sockets) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").whenComplete((s, e) -> socket.abort());
        }
    }

    private void run(int n, Supplier<CompletionStage<String>> client) throws InterruptedException {
        CompletableFuture<?>[] all = new CompletableFuture<?>[n];
        for (int i = 0; i < n; i++) {
            if (!slots.tryAcquire(2, TimeUnit.MINUTES)) {
                throw new IllegalStateException("no request slot freed within 2 minutes");
            }
            all[i] = client.get().toCompletableFuture().handle((outcome, error) -> {
                slots.release();
                String result = error != null ? "failed" : outcome;
                switch (result) {
                    case "connected" -> connected.incrementAndGet();
                    case "refused" -> refused.incrementAndGet();
                    case "failed" -> failed.incrementAndGet();
                    default -> { }
                }
                return null;
            });
        }
        CompletableFuture.allOf(all).orTimeout(5, TimeUnit.MINUTES).join();
    }

    private CompletableFuture<HttpResponse<String>> send(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT).GET().build();
    }

    private static HttpRequest post(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "text/plain;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    @Override
    public void close() {
        for (WebSocket socket : sockets) {
            socket.abort();
        }

    }
}
