package dev.skysocket.gateway.fallback;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Engine.IO websocket sessions opened from this process to its own public listener on loopback, for
 * {@link Priming}: each waits for its open packet (its sid) and then counts the frames it receives. They never
 * send a Socket.IO CONNECT, so no app handler ever sees them. Closing them ends their sessions as a client's
 * close does.
 */
final class PrimingClients implements AutoCloseable {
    private final HttpClient http;
    private final List<WebSocket> sockets = new ArrayList<>();
    private final List<String> sids = new CopyOnWriteArrayList<>();
    private final AtomicLong frames = new AtomicLong();

    private PrimingClients(HttpClient http) {
        this.http = http;
    }

    /** Opens {@code count} sessions on {@code port}, within {@code timeoutNanos}; fails if one does not open. */
    static PrimingClients open(int port, int count, long timeoutNanos) throws Exception {
        PrimingClients clients = new PrimingClients(HttpClient.newBuilder()
                .connectTimeout(Duration.ofNanos(Math.max(timeoutNanos, 1_000_000_000L))).build());
        try {
            List<CompletableFuture<String>> opened = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                CompletableFuture<String> sid = new CompletableFuture<>();
                opened.add(sid);
                clients.sockets.add(clients.http.newWebSocketBuilder()
                        .buildAsync(URI.create("ws://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=websocket"),
                                clients.listener(sid))
                        .get(Math.max(timeoutNanos, 1_000_000_000L), TimeUnit.NANOSECONDS));
            }
            for (CompletableFuture<String> sid : opened) {
                clients.sids.add(sid.get(Math.max(timeoutNanos, 1_000_000_000L), TimeUnit.NANOSECONDS));
            }
            return clients;
        } catch (Exception e) {
            clients.close();
            throw e;
        }
    }

    List<String> sids() {
        return List.copyOf(sids);
    }

    /**
     * Waits, bounded, until the sessions together received {@code count} frames after their open packets;
     * returns how many they received.
     */
    long awaitFrames(long count, long timeoutNanos) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutNanos;
        while (frames.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        return frames.get();
    }

    private WebSocket.Listener listener(CompletableFuture<String> sid) {
        return new WebSocket.Listener() {
            private final StringBuilder text = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    String frame = text.toString();
                    text.setLength(0);
                    if (frame.startsWith("0{")) {
                        // The open packet: {"sid":"...",...}; the sid is the first string value.
                        int at = frame.indexOf("\"sid\":\"") + 7;
                        sid.complete(frame.substring(at, frame.indexOf('"', at)));
                    } else if (frame.startsWith("2")) {
                        socket.sendText("3", true); // a ping: answered, so a long priming never times out
                    } else {
                        frames.incrementAndGet();
                    }
                }
                socket.request(1);
                return null;
            }

            @Override
            public void onError(WebSocket socket, Throwable error) {
                sid.completeExceptionally(error);
            }
        };
    }

    @Override
    public void close() {
        for (WebSocket socket : sockets) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "").exceptionally(e -> null);
        }
    }
}
