package dev.skysocket.gateway.fallback;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A load balancer in front of gateway nodes: round-robin per request, or, when sticky, routing by the sticky
 * cookie's value to the node that set it (as an ALB's app_cookie stickiness does). Counts requests per node.
 */
final class TestProxy implements AutoCloseable {
    private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "transfer-encoding",
            "host", "keep-alive", "upgrade", "date");

    private final List<Integer> ports;
    private final String stickyCookie;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicLongArray served;
    private final Map<String, Integer> nodeByCookie = new ConcurrentHashMap<>();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpServer server;

    /** {@code stickyCookie} null: plain round-robin. */
    TestProxy(List<Integer> ports, String stickyCookie) throws IOException {
        this.ports = ports;
        this.stickyCookie = stickyCookie;
        this.served = new AtomicLongArray(ports.size());
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    String base() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    long served(int node) {
        return served.get(node);
    }

    private int choose(HttpExchange exchange) {
        if (stickyCookie != null) {
            for (String header : exchange.getRequestHeaders().getOrDefault("Cookie", List.of())) {
                for (String pair : header.split(";")) {
                    String[] kv = pair.trim().split("=", 2);
                    if (kv.length == 2 && kv[0].equals(stickyCookie) && nodeByCookie.containsKey(kv[1])) {
                        return nodeByCookie.get(kv[1]);
                    }
                }
            }
        }
        return Math.floorMod(next.getAndIncrement(), ports.size());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            int node = choose(exchange);
            served.incrementAndGet(node);
            byte[] body = in.readAllBytes();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ports.get(node)
                            + exchange.getRequestURI()))
                    .timeout(Duration.ofSeconds(60))
                    .method(exchange.getRequestMethod(), body.length == 0 && "GET".equals(exchange.getRequestMethod())
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase())) {
                    values.forEach(value -> request.header(name, value));
                }
            });
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response.headers().map().forEach((name, values) -> {
                if (!HOP_HEADERS.contains(name.toLowerCase()) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
                if (stickyCookie != null && name.equalsIgnoreCase("set-cookie")) {
                    values.stream().filter(v -> v.startsWith(stickyCookie + "="))
                            .forEach(v -> nodeByCookie.put(v.substring(stickyCookie.length() + 1).split(";")[0], node));
                }
            });
            byte[] answer = response.body();
            exchange.sendResponseHeaders(response.statusCode(), answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
