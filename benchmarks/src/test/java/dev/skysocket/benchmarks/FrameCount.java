package dev.skysocket.benchmarks;

import dev.skysocket.config.Settings;
import dev.skysocket.local.apigw.EmulatorStats;
import dev.skysocket.local.LocalRunner;
import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.engineio.client.transports.WebSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.json.JSONObject;

/**
 * Billed messages counted at the API Gateway emulator while real Socket.IO clients (the Java client, websocket
 * transport) use the example chat app through the local stack: per connection handshake, per room join, per
 * {@code say} to a room (one inbound event fanned out to the other members), per acknowledged {@code echo}; then
 * idle connections under a heartbeat scaled down in time. Prints a Markdown table; with {@code --counts=FILE}
 * merges the figures into the cost model's counts file.
 *
 * <p>Arguments: {@code --clients=10 --events=50 --idle-seconds=60}, or {@code --smoke} (3 clients, 5 events, 6 s idle).
 */
public final class FrameCount {
    private static final int WAIT_SECONDS = 60;
    /** The idle phase runs the product's heartbeat (570 s ping, 60 s sweep, 15 s passes) this many times faster. */
    private static final int TIME_SCALE = 120;
    private static final long DEFAULT_PING_MS = 570_000;
    private static final long DEFAULT_SWEEP_MS = 60_000;
    private static final long DEFAULT_PASS_MS = 15_000;

    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(0, TimeUnit.MILLISECONDS).build();
    private final StringBuilder rows = new StringBuilder();
    private final Map<String, Double> counts = new HashMap<>();
    private int retries;

    /** The table's stream: DynamoDB Local prints its banner on standard output, so everything else goes to stderr. */
    private static final java.io.PrintStream TABLE = System.out;

    public static void main(String[] args) {
        System.setOut(System.err);
        try {
            run(new Args(args));
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1); // the stack's and the clients' threads would keep a failed run alive
        }
        System.exit(0);
    }

    private static void run(Args a) throws Exception {
        boolean smoke = a.flag("--smoke");
        int clients = a.intValue("--clients=", smoke ? 3 : 10);
        int events = a.intValue("--events=", smoke ? 5 : 50);
        int idleSeconds = a.intValue("--idle-seconds=", smoke ? 6 : 60);
        FrameCount count = new FrameCount();
        count.events(clients, events);
        count.idle(Math.max(2, clients / 2), idleSeconds);
        count.print();
        String file = a.string("--counts=", null);
        if (file != null) {
            CountsFile.merge(java.nio.file.Path.of(file), count.counts);
            System.err.println("counts merged into " + file);
        }
    }

    private void events(int clients, int events) throws Exception {
        try (LocalRunner runner = LocalRunner.start(Settings.of(settings(DEFAULT_PING_MS, 60_000, DEFAULT_SWEEP_MS, DEFAULT_PASS_MS)))) {
            EmulatorStats stats = runner.emulator().stats();
            Snapshot start = settled(stats);
            List<Socket> sockets = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                sockets.add(connect(runner));
            }
            Snapshot connected = settled(stats);
            row("connect (handshake: open packet, `40`, its answer), per connection"
                    + (retries > 0 ? " (" + retries + " retried: figures include the failed attempts)" : ""),
                    start, connected, clients, "connect");

            for (Socket socket : sockets) {
                CompletableFuture<Object> joined = new CompletableFuture<>();
                socket.emit("join", new Object[] {"r"}, args -> joined.complete(args[0]));
                joined.get(WAIT_SECONDS, TimeUnit.SECONDS);
            }
            Snapshot afterJoin = settled(stats);
            row("`join` with ack, per call", connected, afterJoin, clients, "join");

            AtomicLong delivered = new AtomicLong();
            for (Socket socket : sockets.subList(1, sockets.size())) {
                socket.on("said", args -> delivered.incrementAndGet());
            }
            long expected = (long) events * (clients - 1);
            for (int e = 0; e < events; e++) {
                sockets.get(0).emit("say", new JSONObject().put("room", "r").put("msg", "m" + e));
            }
            await(() -> delivered.get() >= expected, "every said delivered");
            Snapshot afterSay = settled(stats);
            Snapshot.Delta say = afterSay.minus(afterJoin);
            counts.put("events.frames_per_delivered_event", (double) say.outboundFrames() / delivered.get());
            row(String.format(Locale.ROOT, "`say` to a room of %d (no ack), per emitted event", clients), afterJoin,
                    afterSay, events, "say");
            rows.append(String.format(Locale.ROOT, "| → outbound frames per **delivered** event | | %.2f | | |%n",
                    (double) say.outboundFrames() / delivered.get()));

            for (int e = 0; e < events; e++) {
                CompletableFuture<Object> acked = new CompletableFuture<>();
                sockets.get(0).emit("echo", new Object[] {"e" + e}, args -> acked.complete(args[0]));
                acked.get(WAIT_SECONDS, TimeUnit.SECONDS);
            }
            Snapshot afterEcho = settled(stats);
            row("`echo` with ack, per call", afterSay, afterEcho, events, "echo_ack");

            sockets.forEach(Socket::close);
            await(() -> stats.disconnectInvocations() - start.disconnects() >= clients, "every $disconnect");
            row("close by the client, per connection", afterEcho, settled(stats), clients, "close");
        }
    }

    /** Idle connections under the product's heartbeat, run {@link #TIME_SCALE} times faster. */
    private void idle(int clients, int seconds) throws Exception {
        long ping = DEFAULT_PING_MS / TIME_SCALE;
        long sweep = DEFAULT_SWEEP_MS / TIME_SCALE;
        long pass = DEFAULT_PASS_MS / TIME_SCALE;
        try (LocalRunner runner = LocalRunner.start(Settings.of(settings(ping, ping * 2, sweep, pass)))) {
            EmulatorStats stats = runner.emulator().stats();
            List<Socket> sockets = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                sockets.add(connect(runner));
            }
            Snapshot before = settled(stats);
            long started = System.nanoTime();
            Thread.sleep(seconds * 1000L); // a benchmark, not a test: the idle period is the measurement
            double elapsed = (System.nanoTime() - started) / 1e9;
            Snapshot.Delta idle = Snapshot.of(stats).minus(before);
            long open = sockets.stream().filter(Socket::connected).count();
            double scaledHours = elapsed * TIME_SCALE / 3600.0;
            double perHour = idle.billed() / (double) clients / scaledHours;
            counts.put("idle.measured.messages_per_hour", perHour);
            counts.put("idle.measured.invocations_per_hour", idle.defaults() / (double) clients / scaledHours);
            rows.append(String.format(Locale.ROOT,
                    "| idle, ping %d ms / sweep %d ms / pass %d ms for %.0f s (= %.2f h at 570 s / 60 s / 15 s), "
                            + "per connection-hour | %.1f in | %.1f out | **%.1f** | %.1f `$default` | (%d of %d still "
                            + "open) |%n",
                    ping, sweep, pass, elapsed, scaledHours, idle.inboundFrames() / (double) clients / scaledHours,
                    idle.outboundFrames() / (double) clients / scaledHours, perHour,
                    idle.defaults() / (double) clients / scaledHours, open, clients));
            sockets.forEach(Socket::close);
        }
    }

    private void row(String name, Snapshot from, Snapshot to, long per, String key) {
        Snapshot.Delta d = to.minus(from);
        double in = d.inboundFrames() / (double) per;
        double out = d.outboundFrames() / (double) per;
        double invocations = (d.connects() + d.defaults() + d.disconnects()) / (double) per;
        counts.put("frames." + key + ".in", in);
        counts.put("frames." + key + ".out", out);
        counts.put("frames." + key + ".invocations", invocations);
        rows.append(String.format(Locale.ROOT, "| %s | %.2f | %.2f | **%.2f** | %.2f | %d / %d / %d |%n", name, in,
                out, in + out, invocations, d.connects(), d.defaults(), d.disconnects()));
    }

    private void print() {
        TABLE.println("""
                | step | inbound frames | outbound frames | billed messages | route invocations | \
                `$connect` / `$default` / `$disconnect` (totals) |
                |---|---:|---:|---:|---:|---|""");
        TABLE.print(rows);
    }

    /**
     * Connects one client; on a machine loaded enough that the handshake times out, tries again (at most 3 times)
     * and says so, because the failed attempt's frames are then in the connect row.
     */
    private Socket connect(LocalRunner runner) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return connectOnce(runner);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                if (attempt == 3) {
                    throw e;
                }
                retries++;
                System.err.println("connect attempt " + attempt + " failed, retrying: " + e.getMessage());
            }
        }
    }

    private Socket connectOnce(LocalRunner runner) throws Exception {
        IO.Options options = IO.Options.builder()
                .setPath("/" + runner.stage())
                .setTransports(new String[] {WebSocket.NAME})
                .setReconnection(false)
                .setForceNew(true)
                .setTimeout(WAIT_SECONDS * 1000L)
                .build();
        options.webSocketFactory = (request, listener) -> http.newWebSocket(
                request.newBuilder().url(withoutTrailingSlash(request.url())).build(), listener);
        Socket socket = IO.socket(URI.create(runner.websocketUrl() + "/"), options);
        CompletableFuture<String> connected = new CompletableFuture<>();
        socket.on(Socket.EVENT_CONNECT, args -> connected.complete(socket.id()));
        socket.on(Socket.EVENT_CONNECT_ERROR, args -> connected.completeExceptionally(
                new IllegalStateException("connect_error: " + List.of(args))));
        socket.connect();
        try {
            connected.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            socket.close();
            throw e;
        }
        return socket;
    }

    private static HttpUrl withoutTrailingSlash(HttpUrl url) {
        String path = url.encodedPath();
        return path.length() > 1 && path.endsWith("/")
                ? url.newBuilder().encodedPath(path.substring(0, path.length() - 1)).build() : url;
    }

    private static Map<String, String> settings(long pingMs, long timeoutMs, long sweepMs, long passMs) {
        return Map.of("skysocket.apigw-port", "0", "skysocket.gateway-port", "0",
                "skysocket.gateway-management-port", "0", "skysocket.dynamodb-port", "0", "skysocket.stage", "dev",
                "skysocket.ping-interval-ms", Long.toString(pingMs),
                "skysocket.ping-timeout-ms", Long.toString(timeoutMs),
                "skysocket.sweep-period-ms", Long.toString(sweepMs),
                "skysocket.sweep-pass-period-ms", Long.toString(passMs));
    }

    /**
     * The emulator counts a frame when its write completes, which may be just after the client has read it: wait
     * until the counters have stood still for half a second before reading them.
     */
    private static Snapshot settled(EmulatorStats stats) throws InterruptedException {
        Snapshot last = Snapshot.of(stats);
        long stillSince = System.nanoTime();
        long deadline = stillSince + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (System.nanoTime() - stillSince < TimeUnit.MILLISECONDS.toNanos(500)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the emulator's counters did not settle");
            }
            Thread.sleep(50);
            Snapshot now = Snapshot.of(stats);
            if (!now.equals(last)) {
                last = now;
                stillSince = System.nanoTime();
            }
        }
        return last;
    }

    private static void await(java.util.function.BooleanSupplier done, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
