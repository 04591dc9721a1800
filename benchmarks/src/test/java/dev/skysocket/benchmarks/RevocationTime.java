package dev.skysocket.benchmarks;

import com.nimbusds.jose.jwk.JWKSet;
import dev.skysocket.auth.JwksServer;
import dev.skysocket.auth.Tokens;
import dev.skysocket.config.Settings;
import dev.skysocket.local.LocalRunner;
import io.socket.client.IO;
import io.socket.client.Socket;
import io.socket.engineio.client.transports.WebSocket;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Dispatcher;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * How long a revocation takes to reach the user's clients on the local stack: the example app's {@code /admin}
 * {@code revoke(user)} from a stock Java client, timed from the emit to the last of the user's clients seeing its
 * {@code disconnect}, for a user with 1 and with N connections on the API Gateway path, and with N split between
 * both paths (identities come from the JWT authorizer, keys served on loopback, which both paths run). Each round
 * revokes a fresh user.
 *
 * <p>Arguments: {@code --rounds=20 --sockets=100}, or {@code --smoke} (3 rounds, 10 sockets). Markdown on stdout.
 */
public final class RevocationTime {
    private static final int WAIT_SECONDS = 30;
    private static final java.io.PrintStream TABLE = System.out;
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(0, TimeUnit.MILLISECONDS)
            .dispatcher(unlimited()).build();
    private LocalRunner runner;

    public static void main(String[] args) {
        System.setOut(System.err); // DynamoDB Local prints its banner on standard output
        try {
            Args a = new Args(args);
            boolean smoke = a.flag("--smoke");
            new RevocationTime().run(a.intValue("--rounds=", smoke ? 3 : 20), a.intValue("--sockets=", smoke ? 10 : 100));
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private void run(int rounds, int many) throws Exception {
        try (JwksServer jwks = new JwksServer().serve(new JWKSet(Tokens.RSA))) {
            Map<String, String> settings = Map.ofEntries(Map.entry("skysocket.apigw-port", "0"),
                    Map.entry("skysocket.gateway-port", "0"), Map.entry("skysocket.gateway-management-port", "0"),
                    Map.entry("skysocket.dynamodb-port", "0"), Map.entry("skysocket.stage", "dev"),
                    Map.entry("skysocket.jwt-issuer", Tokens.ISSUER), Map.entry("skysocket.jwt-audience", Tokens.AUDIENCE),
                    Map.entry("skysocket.jwt-jwks-url", jwks.url().toString()),
                    Map.entry("skysocket.jwt-tenant-claim", "tenant"));
            runner = LocalRunner.start(Settings.of(settings));
            try {
                Socket admin = connected(client("admin", "/admin", Map.of("token", "admin-secret")));
                TABLE.println("| connections of the user | rounds | revoke → last client disconnect, p50 / p99 / max (ms) "
                        + "| revoke's ack, p50 (ms) |");
                TABLE.println("|---|---|---|---|");
                row(admin, 1, 0, rounds);
                row(admin, many, 0, rounds);
                row(admin, many, many / 2, rounds);
                admin.close();
            } finally {
                runner.close();
            }
        }
    }

    private void row(Socket admin, int size, int onGateway, int rounds) throws Exception {
        long[] lastDisconnect = new long[rounds];
        long[] acked = new long[rounds];
        revokeOnce(admin, "warm-up-" + size + "-" + onGateway, size, onGateway);
        for (int i = 0; i < rounds; i++) {
            long[] took = revokeOnce(admin, "user-" + size + "-" + onGateway + "-" + i, size, onGateway);
            lastDisconnect[i] = took[0];
            acked[i] = took[1];
        }
        Arrays.sort(lastDisconnect);
        Arrays.sort(acked);
        String label = onGateway == 0 ? size + " (API Gateway)"
                : (size - onGateway) + " API Gateway + " + onGateway + " fallback (polling, then websocket)";
        TABLE.printf(Locale.ROOT, "| %s | %d | %.0f / %.0f / %.0f | %.0f |%n", label, rounds, ms(lastDisconnect, 50),
                ms(lastDisconnect, 99), ms(lastDisconnect, 100), ms(acked, 50));
    }

    /**
     * Opens {@code size} clients of {@code user} ({@code onGateway} of them on the fallback gateway), revokes it:
     * nanoseconds to the last disconnect and to the ack.
     */
    private long[] revokeOnce(Socket admin, String user, int size, int onGateway) throws Exception {
        List<Socket> sockets = new ArrayList<>();
        List<CompletableFuture<Long>> disconnects = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Socket socket = i < onGateway ? gatewayClient(user) : client(user, "/", null);
            CompletableFuture<Long> disconnected = new CompletableFuture<>();
            socket.on(Socket.EVENT_DISCONNECT, args -> disconnected.complete(System.nanoTime()));
            sockets.add(socket);
            disconnects.add(disconnected);
        }
        for (Socket socket : sockets) {
            connected(socket);
        }
        CompletableFuture<Long> ack = new CompletableFuture<>();
        long start = System.nanoTime();
        admin.emit("revoke", new Object[] {user}, args -> ack.complete(System.nanoTime()));
        long last = start;
        for (CompletableFuture<Long> disconnected : disconnects) {
            last = Math.max(last, disconnected.get(WAIT_SECONDS, TimeUnit.SECONDS));
        }
        long acked = ack.get(WAIT_SECONDS, TimeUnit.SECONDS);
        sockets.forEach(Socket::close);
        return new long[] {last - start, acked - start};
    }

    /** Nearest-rank percentile of sorted nanoseconds, in ms. */
    private static double ms(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }

    /** A stock client on the API Gateway path whose token names {@code user} in tenant {@code acme}. */
    private Socket client(String user, String namespace, Map<String, String> auth) {
        String token = token(user);
        IO.Options options = IO.Options.builder().setPath("/" + runner.stage())
                .setTransports(new String[] {WebSocket.NAME}).setReconnection(false).setForceNew(true)
                .setQuery("token=" + token).build();
        if (auth != null) {
            options.auth = auth;
        }
        // The stage is the whole path: the Java client's trailing slash must go (AWS-FACTS, socket.io-client).
        options.webSocketFactory = (request, listener) -> http.newWebSocket(
                request.newBuilder().url(withoutTrailingSlash(request.url())).build(), listener);
        return IO.socket(URI.create(runner.websocketUrl() + namespace), options);
    }

    /** A stock client of the fallback gateway with its default transports, the token in its query. */
    private Socket gatewayClient(String user) {
        IO.Options options = IO.Options.builder().setReconnection(false).setForceNew(true)
                .setQuery("token=" + token(user)).build();
        options.callFactory = http;
        options.webSocketFactory = http;
        return IO.socket(URI.create(runner.gatewayUrl() + "/"), options);
    }

    private static String token(String user) {
        return Tokens.sign(Tokens.RSA, Tokens.claims().subject(user).claim("tenant", "acme")
                .expirationTime(Date.from(Instant.now().plusSeconds(3_600))));
    }

    private static Socket connected(Socket socket) throws Exception {
        CompletableFuture<Void> connected = new CompletableFuture<>();
        socket.once(Socket.EVENT_CONNECT, args -> connected.complete(null));
        socket.once(Socket.EVENT_CONNECT_ERROR, args -> connected.completeExceptionally(
                new IllegalStateException("connect_error: " + Arrays.toString(args))));
        socket.connect();
        connected.get(WAIT_SECONDS, TimeUnit.SECONDS);
        return socket;
    }

    /** OkHttp counts an open websocket as a running call: its default 5 per host would stall the sixth client. */
    private static Dispatcher unlimited() {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(10_000);
        dispatcher.setMaxRequestsPerHost(10_000);
        return dispatcher;
    }

    private static HttpUrl withoutTrailingSlash(HttpUrl url) {
        String path = url.encodedPath();
        return path.length() > 1 && path.endsWith("/")
                ? url.newBuilder().encodedPath(path.substring(0, path.length() - 1)).build() : url;
    }
}
