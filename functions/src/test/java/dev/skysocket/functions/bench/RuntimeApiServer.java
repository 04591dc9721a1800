package dev.skysocket.functions.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Lambda Runtime API (2018-06-01) on loopback, for one function process at a time: {@code GET
 * /runtime/invocation/next} hands out the next queued event, {@code POST .../response} and {@code .../error}
 * complete it. It also answers the Lambda Invoke API ({@code POST /2015-03-31/functions/{name}/invocations}) with
 * 202, the way an async invocation of the open function is accepted on AWS; the open step itself does not run.
 */
final class RuntimeApiServer implements AutoCloseable {
    private static final String PREFIX = "/2018-06-01/runtime/";

    /** One event: when it was handed to the runtime and when its response came back (nanoTime). */
    record Invocation(String requestId, String event, CompletableFuture<Long> handedOut,
                      CompletableFuture<Long> answered) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final BlockingDeque<Invocation> queue = new LinkedBlockingDeque<>();
    /** Bumped for each new process: a long poll left over from a killed process must not take the next event. */
    private volatile int generation;
    private final Map<String, Invocation> inFlight = new ConcurrentHashMap<>();
    private final AtomicInteger asyncInvokes = new AtomicInteger();
    private volatile CompletableFuture<Long> firstPoll = new CompletableFuture<>();
    private volatile String initError;

    RuntimeApiServer() {
        executor = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "runtime-api");
            thread.setDaemon(true);
            return thread;
        });
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** {@code host:port}, the form of {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Forgets the previous process: the next poll counts as the end of a new init. */
    void reset() {
        generation++;
        queue.clear();
        inFlight.clear();
        firstPoll = new CompletableFuture<>();
        initError = null;
    }

    /** Completes with {@link System#nanoTime()} of the first {@code next} poll since {@link #reset()}. */
    CompletableFuture<Long> firstPoll() {
        return firstPoll;
    }

    String initError() {
        return initError;
    }

    int asyncInvokes() {
        return asyncInvokes.get();
    }

    /** Queues one event; the future completes with the nanoTime of its response, or fails with its error. */
    Invocation submit(String event) {
        Invocation invocation = new Invocation(UUID.randomUUID().toString(), event, new CompletableFuture<>(),
                new CompletableFuture<>());
        inFlight.put(invocation.requestId(), invocation);
        queue.add(invocation);
        return invocation;
    }

    private void handle(HttpExchange exchange) throws IOException {
        long now = System.nanoTime();
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if (path.startsWith("/2015-03-31/functions/") && path.endsWith("/invocations")) {
            asyncInvokes.incrementAndGet();
            reply(exchange, 202, "");
        } else if (path.equals(PREFIX + "invocation/next")) {
            firstPoll.complete(now);
            next(exchange);
        } else if (path.startsWith(PREFIX + "invocation/")) {
            String[] parts = path.substring((PREFIX + "invocation/").length()).split("/");
            Invocation invocation = inFlight.remove(parts[0]);
            if (invocation != null && parts.length == 2 && parts[1].equals("response")) {
                invocation.answered().complete(now);
            } else if (invocation != null) {
                invocation.answered().completeExceptionally(new IllegalStateException("function error: "
                        + new String(body, StandardCharsets.UTF_8)));
            } else {
                System.err.println("runtime API: no invocation for " + exchange.getRequestMethod() + " " + path);
            }
            reply(exchange, 202, "{\"status\":\"OK\"}");
        } else if (path.equals(PREFIX + "init/error")) {
            initError = new String(body, StandardCharsets.UTF_8);
            firstPoll.completeExceptionally(new IllegalStateException("init error: " + initError));
            reply(exchange, 202, "{\"status\":\"OK\"}");
        } else {
            System.err.println("runtime API: unknown " + exchange.getRequestMethod() + " " + path);
            reply(exchange, 404, "");
        }
    }

    /** Long poll, as on AWS: the runtime waits here until an event is queued. */
    private void next(HttpExchange exchange) throws IOException {
        int mine = generation;
        Invocation invocation = null;
        try {
            for (long waited = 0; invocation == null && waited < 600_000; waited += 20) {
                invocation = queue.poll(20, TimeUnit.MILLISECONDS);
                if (generation != mine) {
                    if (invocation != null) {
                        queue.offerFirst(invocation);  // it belongs to the new process
                    }
                    exchange.close();
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (invocation == null) {
            exchange.close();
            return;
        }
        var headers = exchange.getResponseHeaders();
        headers.add("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        headers.add("Lambda-Runtime-Deadline-Ms", Long.toString(System.currentTimeMillis() + 30_000));
        headers.add("Lambda-Runtime-Invoked-Function-Arn",
                "arn:aws:lambda:us-east-1:123456789012:function:skysocket-bench");
        headers.add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
        headers.add("Content-Type", "application/json");
        invocation.handedOut().complete(System.nanoTime());
        reply(exchange, 200, invocation.event());
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
