package dev.skysocket.gateway.bench;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many cheap Socket.IO clients spoken over raw Engine.IO websockets (Vert.x, spread over two event loops), not the
 * Socket.IO client library: each one opens {@code ?EIO=4&transport=websocket}, sends CONNECT to {@code /} on the open
 * packet, answers every ping with a pong, resolves its own acks, and reports every {@code said} event (its numeric
 * {@code msg}) to one listener. The same clients talk to the gateway and to the reference socket.io server.
 */
final class RawClients implements AutoCloseable {

    /** Gets the {@code msg} of every {@code said} a client receives, on an event-loop thread. */
    interface SaidListener {
        void said(int client, long msg, long receivedNanos);
    }

    /** Event loops the clients are spread over. */
    private static final int EVENT_LOOPS = 2;

    private final Vertx vertx;
    /** One context per event loop: a connection lives on the context that opened it. */
    private final List<Context> loops;
    private final WebSocketClient client;
    private final String host;
    private final int port;
    private final String uri;
    private final List<Client> clients = new ArrayList<>();
    private final AtomicLong pongs = new AtomicLong();
    private final AtomicLong closedByServer = new AtomicLong();
    private volatile SaidListener listener = (client, msg, nanos) -> { };

    RawClients(String host, int port, String path) {
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(1)
                .setBlockedThreadCheckInterval(60_000));
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(100_000)
                .setConnectTimeout(60_000).setTcpNoDelay(true).setMaxMessageSize(1 << 20));
        // Connections opened from a plain thread would all share that thread's one context, so one event loop
        // would receive every frame; a verticle per loop gives each its own context to open connections from.
        List<Context> started = new CopyOnWriteArrayList<>();
        try {
            vertx.deployVerticle(() -> new AbstractVerticle() {
                @Override
                public void start() {
                    started.add(context);
                }
            }, new DeploymentOptions().setInstances(EVENT_LOOPS)).toCompletionStage().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the client event loops", e);
        }
        this.loops = List.copyOf(started);
        this.host = host;
        this.port = port;
        this.uri = path + "?EIO=4&transport=websocket";
    }

    void onSaid(SaidListener saidListener) {
        this.listener = saidListener;
    }

    int size() {
        return clients.size();
    }

    long pongs() {
        return pongs.get();
    }

    long closedByServer() {
        return closedByServer.get();
    }

    /** Opens clients until there are {@code total}, at most {@code concurrency} handshakes at once. */
    void growTo(int total, int concurrency, Duration timeout) throws InterruptedException {
        Semaphore slots = new Semaphore(concurrency);
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        AtomicInteger failures = new AtomicInteger();
        StringBuffer firstError = new StringBuffer();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (clients.size() < total) {
            if (!slots.tryAcquire(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                throw new IllegalStateException("connecting " + total + " clients took over " + timeout);
            }
            Client c = new Client(clients.size());
            clients.add(c);
            c.open();
            c.connected.whenComplete((ok, error) -> {
                slots.release();
                if (error != null && failures.getAndIncrement() == 0) {
                    firstError.append(error);
                }
            });
            pending.add(c.connected);
            if (clients.size() % 1000 == 0) {
                System.err.printf("[bench] %,d clients opening or open%n", clients.size());
            }
            if (failures.get() > 0) {
                break;
            }
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                    .get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("clients did not all connect: " + (failures.get() > 0 ? firstError : e), e);
        }
    }

    /** Clients {@code from} (inclusive) to {@code to} (exclusive) join {@code room}, waiting for every ack. */
    void join(int from, int to, String room, int concurrency, Duration timeout) throws Exception {
        Semaphore slots = new Semaphore(concurrency);
        List<CompletableFuture<String>> acks = new ArrayList<>();
        for (int i = from; i < to; i++) {
            if (!slots.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("join acks took over " + timeout);
            }
            CompletableFuture<String> ack = clients.get(i).emitWithAck("[\"join\",\"" + room + "\"]");
            ack.whenComplete((reply, error) -> slots.release());
            acks.add(ack);
        }
        CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        for (CompletableFuture<String> ack : acks) {
            if (!ack.join().equals("[\"" + room + "\"]")) {
                throw new IllegalStateException("join answered " + ack.join());
            }
        }
    }

    /** Client {@code index} emits {@code say({room, msg})} without asking for an ack. */
    void say(int index, String room, long msg) {
        clients.get(index).send("42[\"say\",{\"room\":\"" + room + "\",\"msg\":" + msg + "}]");
    }

    /** Client {@code index} emits {@code echo(payload)} with an ack; completes with the ack's arguments. */
    CompletableFuture<String> echo(int index, String payloadJson) {
        return clients.get(index).emitWithAck("[\"echo\"," + payloadJson + "]");
    }

    @Override
    public void close() {
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // closing thousands of sockets may outlast the wait; the process exits soon after anyway
            System.err.println("[bench] client close: " + e);
        }
    }

    /** One client's connection; its handlers run on the connection's event loop. */
    private final class Client {
        final int index;
        final CompletableFuture<Void> connected = new CompletableFuture<>();
        final Map<Integer, CompletableFuture<String>> acks = new ConcurrentHashMap<>();
        final AtomicInteger nextAck = new AtomicInteger();
        volatile WebSocket socket;

        Client(int index) {
            this.index = index;
        }

        void open() {
            loops.get(index % loops.size()).runOnContext(ignored -> connect());
        }

        private void connect() {
            client.connect(new WebSocketConnectOptions().setHost(host).setPort(port).setURI(uri))
                    .onSuccess(ws -> {
                        socket = ws;
                        ws.textMessageHandler(this::onText);
                        ws.closeHandler(v -> {
                            closedByServer.incrementAndGet();
                            connected.completeExceptionally(new IllegalStateException("closed before CONNECT"));
                        });
                        ws.exceptionHandler(e -> connected.completeExceptionally(e));
                    })
                    .onFailure(connected::completeExceptionally);
        }

        void send(String frame) {
            socket.writeTextMessage(frame);
        }

        CompletableFuture<String> emitWithAck(String arrayJson) {
            int id = nextAck.getAndIncrement();
            CompletableFuture<String> ack = new CompletableFuture<>();
            acks.put(id, ack);
            send("42" + id + arrayJson);
            return ack;
        }

        private void onText(String frame) {
            if (frame.equals("2")) {
                pongs.incrementAndGet();
                send("3");
            } else if (frame.startsWith("42[\"said\"")) {
                listener.said(index, msgOf(frame), System.nanoTime());
            } else if (frame.startsWith("43")) {
                int bracket = frame.indexOf('[');
                CompletableFuture<String> ack = acks.remove(Integer.parseInt(frame.substring(2, bracket)));
                if (ack != null) {
                    ack.complete(frame.substring(bracket));
                }
            } else if (frame.startsWith("40")) {
                connected.complete(null);
            } else if (frame.startsWith("0")) {
                send("40");
            } else if (frame.startsWith("44")) {
                connected.completeExceptionally(new IllegalStateException("CONNECT refused: " + frame));
            }
        }
    }

    /** The number after {@code "msg":} in a said event, or -1. */
    static long msgOf(String frame) {
        int at = frame.indexOf("\"msg\":");
        if (at < 0) {
            return -1;
        }
        long value = 0;
        for (int i = at + 6; i < frame.length(); i++) {
            char c = frame.charAt(i);
            if (c < '0' || c > '9') {
                return value;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
