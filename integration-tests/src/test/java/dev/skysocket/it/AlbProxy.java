package dev.skysocket.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Collectors;

/**
 * A load balancer in front of gateway nodes on loopback, at the TCP level so that websocket upgrades pass through
 * as tunnels. Like an ALB it routes each HTTP request on its own (one request per client connection here, so no
 * keep-alive can carry two decisions), and it health-checks {@code /health} every {@value #HEALTH_PERIOD_MS} ms:
 * a node answering 503 (draining), or not answering {@value #UNHEALTHY_AFTER} checks in a row, gets no new
 * request, sticky or not, as a deregistered target; tunnels already open stay open. One 200 makes it healthy. Sticky mode follows the sticky cookie to the node that set it (app_cookie
 * stickiness); round-robin ignores it. Requests without a sid (handshakes) alternate over the healthy nodes on
 * their own counter, so two clients connecting one after the other land on different nodes; the others rotate
 * per request. Counts requests per node and per (sid, node).
 */
final class AlbProxy implements AutoCloseable {
    static final long HEALTH_PERIOD_MS = 100;
    /** Like an ALB's unhealthy threshold: one slow answer on a loaded machine is not a dead node. */
    static final int UNHEALTHY_AFTER = 3;

    private final List<Integer> ports;
    private final String stickyCookie;
    private final boolean[] healthy;
    private final int[] failures;
    private final AtomicInteger handshakes = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicLongArray served;
    private final Map<String, Integer> nodeByCookie = new ConcurrentHashMap<>();
    private final Map<String, Map<Integer, AtomicLong>> bySid = new ConcurrentHashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ServerSocket listener;
    private final ExecutorService connections = Executors.newCachedThreadPool(daemon("alb-connection"));
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(daemon("alb-health"));
    private final HttpClient health = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();

    private AlbProxy(List<Integer> ports, String stickyCookie) throws IOException {
        this.ports = List.copyOf(ports);
        this.stickyCookie = stickyCookie;
        this.healthy = new boolean[ports.size()];
        this.failures = new int[ports.size()];
        this.served = new AtomicLongArray(ports.size());
        this.listener = new ServerSocket(0, 512, InetAddress.getLoopbackAddress());
        checks.scheduleWithFixedDelay(this::checkHealth, 0, HEALTH_PERIOD_MS, TimeUnit.MILLISECONDS);
        connections.execute(this::accept);
    }

    /** Sticky by {@code cookie}, as an ALB with app_cookie stickiness on that cookie name. */
    static AlbProxy sticky(List<Integer> ports, String cookie) throws IOException {
        return new AlbProxy(ports, cookie);
    }

    static AlbProxy roundRobin(List<Integer> ports) throws IOException {
        return new AlbProxy(ports, null);
    }

    String url() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    synchronized boolean isHealthy(int node) {
        return healthy[node];
    }

    synchronized boolean allHealthy() {
        for (boolean up : healthy) {
            if (!up) {
                return false;
            }
        }
        return true;
    }

    long served(int node) {
        return served.get(node);
    }

    /** How many requests carrying {@code sid} each node got. */
    Map<Integer, Long> servedBySid(String sid) {
        return bySid.getOrDefault(sid, Map.of()).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
    }

    /** Every sid the proxy saw, with its requests per node. */
    Map<String, Map<Integer, Long>> servedBySid() {
        return bySid.keySet().stream().collect(Collectors.toMap(sid -> sid, this::servedBySid));
    }

    /** The node whose sticky cookie has this value, or null. */
    Integer nodeOfCookie(String value) {
        return nodeByCookie.get(value);
    }

    /** The node for a request, or -1 when none is healthy. */
    int choose(HttpHead request) {
        synchronized (this) {
            if (stickyCookie != null) {
                Integer node = nodeByCookie.get(String.valueOf(request.cookie(stickyCookie)));
                if (node != null && healthy[node]) {
                    return node;
                }
            }
            AtomicInteger counter = request.query("sid") == null ? handshakes : requests;
            for (int tries = 0; tries < ports.size(); tries++) {
                int node = Math.floorMod(counter.getAndIncrement(), ports.size());
                if (healthy[node]) {
                    return node;
                }
            }
            return -1;
        }
    }

    /** Books a request routed to {@code node}. */
    void count(HttpHead request, int node) {
        served.incrementAndGet(node);
        String sid = request.query("sid");
        if (sid != null) {
            bySid.computeIfAbsent(sid, s -> new ConcurrentHashMap<>())
                    .computeIfAbsent(node, n -> new AtomicLong()).incrementAndGet();
        }
    }

    /** Learns the sticky cookie a node set. */
    void learn(HttpHead response, int node) {
        if (stickyCookie == null) {
            return;
        }
        for (String cookie : response.values("Set-Cookie")) {
            if (cookie.startsWith(stickyCookie + "=")) {
                nodeByCookie.put(cookie.substring(stickyCookie.length() + 1).split(";")[0], node);
            }
        }
    }

    int port(int node) {
        return ports.get(node);
    }

    private void accept() {
        while (!closed.get()) {
            try {
                Socket client = listener.accept();
                connections.execute(() -> ProxiedExchange.serve(this, client));
            } catch (IOException e) {
                if (!closed.get()) {
                    System.err.println("alb: accept failed: " + e);
                }
            }
        }
    }

    private void checkHealth() {
        for (int node = 0; node < ports.size(); node++) {
            int status;
            try {
                status = health.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + ports.get(node) + "/health"))
                        .timeout(Duration.ofMillis(2000)).GET().build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode();
            } catch (IOException e) {
                status = -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            synchronized (this) {
                failures[node] = status == 200 ? 0 : failures[node] + 1;
                healthy[node] = status == 200 || (status != 503 && healthy[node] && failures[node] < UNHEALTHY_AFTER);
            }
        }
    }

    @Override
    public void close() {
        closed.set(true);
        checks.shutdownNow();
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        connections.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
