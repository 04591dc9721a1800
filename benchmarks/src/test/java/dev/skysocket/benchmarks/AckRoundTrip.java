package dev.skysocket.benchmarks;

import dev.skysocket.config.Settings;
import dev.skysocket.local.LocalRunner;
import io.socket.client.Ack;
import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.engineio.client.transports.WebSocket;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * A server's {@code emitWithAck} round trip on the local stack, both paths, with the stock Java client: the
 * example app's {@code ask} (client event → server emits {@code question} with an ack → client answers → server
 * acks {@code ask}) against its {@code echo} (client event → server acks) on the same connection, one at a time.
 * {@code ask} minus {@code echo} is what the server's wait adds: on the API Gateway path the answer is a second
 * {@code $default} invocation whose item the waiting one polls (first poll after 20 ms, then 40, 80, ...).
 *
 * <p>Arguments: {@code --rounds=200 --warmup=20}, or {@code --smoke} (20 rounds, 5 warm-up). Markdown on stdout.
 */
public final class AckRoundTrip {
    private static final int WAIT_SECONDS = 30;
    private static final java.io.PrintStream TABLE = System.out;
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(0, TimeUnit.MILLISECONDS).build();

    public static void main(String[] args) {
        System.setOut(System.err); // DynamoDB Local prints its banner on standard output
        try {
            Args a = new Args(args);
            boolean smoke = a.flag("--smoke");
            new AckRoundTrip().run(a.intValue("--rounds=", smoke ? 20 : 200), a.intValue("--warmup=", smoke ? 5 : 20));
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private void run(int rounds, int warmup) throws Exception {
        Map<String, String> settings = Map.of("skysocket.apigw-port", "0", "skysocket.gateway-port", "0",
                "skysocket.gateway-management-port", "0", "skysocket.dynamodb-port", "0", "skysocket.stage", "dev");
        try (LocalRunner runner = LocalRunner.start(Settings.of(settings))) {
            TABLE.println("| path | rounds | echo p50 / p99 (ms) | ask p50 / p99 (ms) | ask − echo, p50 (ms) |");
            TABLE.println("|---|---|---|---|---|");
            row("API Gateway (emulator, Lambda code path)", apigw(runner), rounds, warmup);
            row("fallback gateway (websocket after upgrade)", gateway(runner), rounds, warmup);
        }
    }

    private void row(String path, Socket socket, int rounds, int warmup) throws Exception {
        socket.on("question", args -> ((Ack) args[args.length - 1]).call("yes"));
        long[] echo = new long[rounds];
        long[] ask = new long[rounds];
        for (int i = -warmup; i < rounds; i++) {
            long e = timed(socket, "echo");
            long q = timed(socket, "ask");
            if (i >= 0) {
                echo[i] = e;
                ask[i] = q;
            }
        }
        socket.close();
        Arrays.sort(echo);
        Arrays.sort(ask);
        TABLE.printf(Locale.ROOT, "| %s | %d | %.1f / %.1f | %.1f / %.1f | %.1f |%n", path, rounds, ms(echo, 50),
                ms(echo, 99), ms(ask, 50), ms(ask, 99), ms(ask, 50) - ms(echo, 50));
    }

    /** One event with an ack, in nanoseconds; fails the run if the ack is an error or does not come. */
    private static long timed(Socket socket, String event) throws Exception {
        CompletableFuture<Object[]> answer = new CompletableFuture<>();
        long start = System.nanoTime();
        socket.emit(event, new Object[] {"q"}, answer::complete);
        Object[] got = answer.get(WAIT_SECONDS, TimeUnit.SECONDS);
        long took = System.nanoTime() - start;
        if (event.equals("ask") && !String.valueOf(got[0]).contains("\"answer\":\"yes\"")) {
            throw new IllegalStateException("ask answered " + Arrays.toString(got));
        }
        return took;
    }

    /** Nearest-rank percentile of sorted nanoseconds, in ms. */
    private static double ms(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    private Socket apigw(LocalRunner runner) throws Exception {
        IO.Options options = IO.Options.builder().setPath("/" + runner.stage())
                .setTransports(new String[] {WebSocket.NAME}).setReconnection(false).setForceNew(true).build();
        // The stage is the whole path: the Java client's trailing slash must go (AWS-FACTS, socket.io-client).
        options.webSocketFactory = (request, listener) -> http.newWebSocket(
                request.newBuilder().url(withoutTrailingSlash(request.url())).build(), listener);
        return connected(IO.socket(URI.create(runner.websocketUrl() + "/"), options));
    }

    private Socket gateway(LocalRunner runner) throws Exception {
        IO.Options options = IO.Options.builder().setReconnection(false).setForceNew(true).build();
        return connected(IO.socket(URI.create(runner.gatewayUrl() + "/"), options));
    }

    private static Socket connected(Socket socket) throws Exception {
        CompletableFuture<Void> connected = new CompletableFuture<>();
        socket.on(Socket.EVENT_CONNECT, args -> connected.complete(null));
        socket.on(Socket.EVENT_CONNECT_ERROR, args -> connected.completeExceptionally(
                new IllegalStateException("connect_error: " + Arrays.toString(args))));
        socket.connect();
        connected.get(WAIT_SECONDS, TimeUnit.SECONDS);
        return socket;
    }

    private static HttpUrl withoutTrailingSlash(HttpUrl url) {
        String path = url.encodedPath();
        return path.length() > 1 && path.endsWith("/")
                ? url.newBuilder().encodedPath(path.substring(0, path.length() - 1)).build() : url;
    }
}
