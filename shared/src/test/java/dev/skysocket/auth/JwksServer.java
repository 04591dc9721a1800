package dev.skysocket.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An issuer's key endpoint on 127.0.0.1 and an ephemeral port: serves a JWKS (public keys only), or fails the
 * way real endpoints do (an error status, a body that is not a key set, no answer at all). Counts requests.
 */
public final class JwksServer implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger requests = new AtomicInteger();
    private volatile int status = 200;
    private volatile String body = "{\"keys\":[]}";
    private volatile boolean hang;

    public JwksServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/.well-known/jwks.json", this::answer);
        server.setExecutor(threads);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/.well-known/jwks.json");
    }

    /** Serves the public half of {@code keys}. */
    public JwksServer serve(JWKSet keys) {
        return answer(200, keys.toPublicJWKSet().toString(), false);
    }

    public JwksServer answer(int status, String body) {
        return answer(status, body, false);
    }

    /** Accepts requests and never answers them, until closed. */
    public JwksServer hang() {
        return answer(200, "", true);
    }

    public int requests() {
        return requests.get();
    }

    private JwksServer answer(int status, String body, boolean hang) {
        this.status = status;
        this.body = body;
        this.hang = hang;
        return this;
    }

    private void answer(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        try (exchange) {
            if (hang) {
                release.await(30, TimeUnit.SECONDS);
                return;
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
