package dev.skysocket.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.skysocket.fanout.Recipient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code @connections} API on loopback, for tests: records every request, answers like API Gateway (200 to a
 * POST or GET, 204 to a DELETE, 410 with {@code x-amzn-ErrorType: GoneException} for gone ids), and can be
 * scripted to fail an id with 429, 5xx or 403. Requests can be held at a gate so a test can see how many are in
 * flight without sleeping.
 */
public final class ManagementApiStub implements AutoCloseable {

    public static final Instant CONNECTED_AT = Instant.parse("2026-01-01T00:00:00Z");
    public static final Instant LAST_ACTIVE_AT = Instant.parse("2026-01-01T00:05:00Z");
    public static final String SOURCE_IP = "127.0.0.1";
    public static final String USER_AGENT = "x";

    private static final String MARKER = "/@connections/";

    /** One request as the stub saw it; {@code connectionId} is decoded from the path. */
    public record Request(String method, String connectionId, boolean signed, byte[] body) {
        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String stage;
    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Set<String> gone = ConcurrentHashMap.newKeySet();
    private final Map<String, Deque<Integer>> scripted = new ConcurrentHashMap<>();
    private final Map<String, Integer> alwaysFailing = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger parked = new AtomicInteger();
    private volatile Semaphore gate;

    private ManagementApiStub(String stage) throws IOException {
        this.stage = stage;
        // Unbounded handler threads: the stub must never be what limits concurrency in a test.
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "management-api-stub");
            thread.setDaemon(true);
            return thread;
        });
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** A stub for stage {@code dev}. */
    public static ManagementApiStub start() {
        return start("dev");
    }

    public static ManagementApiStub start(String stage) {
        try {
            return new ManagementApiStub(stage);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base URL the SDK is pointed at: {@code http://127.0.0.1:{port}/{stage}}. */
    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + stage;
    }

    public Recipient recipient(String connectionId) {
        return new Recipient(connectionId, endpoint());
    }

    /** Every later request for this id answers 410. */
    public void markGone(String connectionId) {
        gone.add(connectionId);
    }

    /** The next {@code times} requests for this id answer {@code status}; then the normal answer. */
    public void failNext(String connectionId, int status, int times) {
        Deque<Integer> queue = scripted.computeIfAbsent(connectionId, id -> new ArrayDeque<>());
        synchronized (queue) {
            for (int i = 0; i < times; i++) {
                queue.add(status);
            }
        }
    }

    /** Every request for this id answers {@code status}. */
    public void failAlways(String connectionId, int status) {
        alwaysFailing.put(connectionId, status);
    }

    /** From now on requests wait at a gate until {@link #release(int)} or {@link #open()}. */
    public void hold() {
        gate = new Semaphore(0);
    }

    /** Lets {@code count} held (or future) requests through. */
    public void release(int count) {
        Semaphore current = gate;
        if (current != null) {
            current.release(count);
        }
    }

    /** Lets every request through, now and later. */
    public void open() {
        Semaphore current = gate;
        gate = null;
        if (current != null) {
            current.release(Integer.MAX_VALUE / 2);
        }
    }

    /** Requests waiting at the gate right now. */
    public int parked() {
        return parked.get();
    }

    /** The most requests the stub was handling at the same moment. */
    public int maxInFlight() {
        return maxInFlight.get();
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public List<Request> requestsFor(String connectionId) {
        return requests.stream().filter(r -> connectionId.equals(r.connectionId())).toList();
    }

    /** Bodies of the POSTs to this id, in arrival order (failed attempts included). */
    public List<String> postsTo(String connectionId) {
        return requestsFor(connectionId).stream().filter(r -> r.method().equals("POST"))
                .map(Request::bodyText).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        boolean counted = true;
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String rawPath = exchange.getRequestURI().getRawPath();
            String prefix = "/" + stage + MARKER;
            if (!rawPath.startsWith(prefix) || rawPath.length() == prefix.length()) {
                send(exchange, 404, null, "{\"message\":\"Not Found\"}");
                return;
            }
            // The SDK percent-encodes the id (abc= arrives as abc%3D); '+' is a literal plus, not a space.
            String id = URLDecoder.decode(rawPath.substring(prefix.length()).replace("+", "%2B"), StandardCharsets.UTF_8);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            boolean signed = authorization != null && authorization.startsWith("AWS4-HMAC-SHA256 ");
            String method = exchange.getRequestMethod();
            requests.add(new Request(method, id, signed, body));
            awaitGate();
            // Leave the count before answering: once the client has its answer it may rightly send the next
            // request, which must not overlap this one in the count.
            inFlight.decrementAndGet();
            counted = false;
            answer(exchange, method, id);
        } finally {
            if (counted) {
                inFlight.decrementAndGet();
            }
        }
    }

    private void awaitGate() {
        Semaphore current = gate;
        if (current == null) {
            return;
        }
        parked.incrementAndGet();
        try {
            current.acquireUninterruptibly();
        } finally {
            parked.decrementAndGet();
        }
    }

    private void answer(HttpExchange exchange, String method, String id) throws IOException {
        Integer failure = nextFailure(id);
        if (failure != null) {
            sendError(exchange, failure);
        } else if (gone.contains(id)) {
            send(exchange, 410, "GoneException", "{\"message\":null}");
        } else if (method.equals("POST")) {
            send(exchange, 200, null, null);
        } else if (method.equals("GET")) {
            send(exchange, 200, null, "{\"connectedAt\":\"" + CONNECTED_AT + "\",\"identity\":{\"sourceIp\":\""
                    + SOURCE_IP + "\",\"userAgent\":\"" + USER_AGENT + "\"},\"lastActiveAt\":\"" + LAST_ACTIVE_AT + "\"}");
        } else if (method.equals("DELETE")) {
            gone.add(id);
            send(exchange, 204, null, null);
        } else {
            send(exchange, 405, null, "{\"message\":\"Method Not Allowed\"}");
        }
    }

    private Integer nextFailure(String id) {
        Deque<Integer> queue = scripted.get(id);
        if (queue != null) {
            synchronized (queue) {
                Integer next = queue.poll();
                if (next != null) {
                    return next;
                }
            }
        }
        return alwaysFailing.get(id);
    }

    private static void sendError(HttpExchange exchange, int status) throws IOException {
        String type = switch (status) {
            case 400 -> "BadRequestException";
            case 403 -> "ForbiddenException";
            case 410 -> "GoneException";
            case 413 -> "PayloadTooLargeException";
            case 429 -> "LimitExceededException";
            default -> status >= 500 ? "InternalServerErrorException" : "UnknownError";
        };
        send(exchange, status, type, status == 410 ? "{\"message\":null}" : "{\"message\":\"" + type + "\"}");
    }

    private static void send(HttpExchange exchange, int status, String errorType, String json) throws IOException {
        if (errorType != null) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        }
        if (json == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        open();
        server.stop(0);
        executor.shutdownNow();
    }

    /** For a failure message: what the stub saw. */
    @Override
    public String toString() {
        List<String> lines = new ArrayList<>();
        requests.forEach(r -> lines.add(r.method() + " " + r.connectionId() + " signed=" + r.signed()));
        return "ManagementApiStub" + lines;
    }
}
