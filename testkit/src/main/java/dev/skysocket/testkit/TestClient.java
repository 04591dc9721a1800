package dev.skysocket.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.socket.client.IO;
import io.socket.client.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.json.JSONObject;

/**
 * One stock Java socket.io-client joined to one namespace, made for tests: every call that waits blocks the
 * test thread until what it waits for has arrived, or fails with an {@link AssertionError} that says what came
 * instead. Every event is recorded from the moment the namespace is joined, so {@link #awaitEvent(String)}
 * finds an event that arrived before the test started waiting for it. Arguments arrive as Jackson trees, as
 * an app's handlers see them. Get one from {@link LocalStack}; close it (try-with-resources) when done.
 */
public final class TestClient implements AutoCloseable {
    /** How long the connect, ack and event waits take before they fail, unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    private static final int HISTORY_SHOWN = 20;

    private final Socket socket;
    private final String description;
    private final Object lock = new Object();
    private final Map<String, ArrayDeque<ArrayNode>> unclaimed = new HashMap<>();
    private final ArrayDeque<String> latest = new ArrayDeque<>();
    private int received;

    private TestClient(Socket socket, String description) {
        this.socket = socket;
        this.description = description;
    }

    /** Connects, and returns once the namespace is joined; {@link ConnectFailed} otherwise. */
    static TestClient connect(URI uri, IO.Options options, String description, Duration timeout) {
        Socket socket = IO.socket(uri, options);
        TestClient client = new TestClient(socket, description);
        // Completed with null on CONNECT, with the connect_error's arguments on a refusal.
        CompletableFuture<Object[]> outcome = new CompletableFuture<>();
        socket.onAnyIncoming(client::record);
        socket.on(Socket.EVENT_CONNECT, args -> outcome.complete(null));
        socket.on(Socket.EVENT_CONNECT_ERROR, outcome::complete);
        socket.connect();
        Object[] refusal;
        try {
            refusal = outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            socket.close();
            throw new ConnectFailed("timeout", description + " did not join its namespace within " + timeout, e);
        } catch (InterruptedException e) {
            socket.close();
            Thread.currentThread().interrupt();
            throw new ConnectFailed("interrupted", description + " was interrupted while connecting", e);
        } catch (ExecutionException e) {
            socket.close();
            throw new IllegalStateException(e.getCause());
        }
        if (refusal != null) {
            socket.close();
            throw refused(description, refusal);
        }
        return client;
    }

    /** The Socket.IO socket id the server gave this client in its namespace. */
    public String id() {
        return socket.id();
    }

    /** Whether the client is still joined to its namespace. */
    public boolean connected() {
        return socket.connected();
    }

    /**
     * Emits an event without asking for an ack. Arguments may be Jackson trees, maps, lists, strings, numbers,
     * booleans, null, {@code byte[]} or anything Jackson turns into JSON (records, beans).
     */
    public void emit(String event, Object... args) {
        socket.emit(event, ClientArgs.toClient(args));
    }

    /** Emits an event and waits up to 10 s for its ack; returns the ack's arguments. */
    public ArrayNode emitWithAck(String event, Object... args) {
        return emitWithAck(DEFAULT_TIMEOUT, event, args);
    }

    /**
     * Emits an event and waits for its ack; returns the ack's arguments.
     *
     * @throws AssertionError when no ack comes within {@code timeout}
     */
    public ArrayNode emitWithAck(Duration timeout, String event, Object... args) {
        CompletableFuture<ArrayNode> ack = new CompletableFuture<>();
        socket.emit(event, ClientArgs.toClient(args), answer -> ack.complete(ClientArgs.fromClient(answer, 0)));
        try {
            return ack.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("no ack for '" + event + "' within " + timeout + " on " + this
                    + (connected() ? "" : " (disconnected)"), e);
        } catch (ExecutionException e) {
            throw new AssertionError("the ack for '" + event + "' failed on " + this, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the ack for '" + event + "' on " + this, e);
        }
    }

    /**
     * From now on, answers every {@code event} the server emits with an ack request ({@code emitWithAck}) with
     * these arguments. The event is still recorded for {@link #awaitEvent}. Without this, the client never answers.
     */
    public void answer(String event, Object... answer) {
        socket.on(event, args -> {
            if (args.length > 0 && args[args.length - 1] instanceof io.socket.client.Ack ack) {
                ack.call(ClientArgs.toClient(answer));
            }
        });
    }

    /** Waits up to 10 s for the next occurrence of {@code event}; see {@link #awaitEvent(String, Duration)}. */
    public ArrayNode awaitEvent(String event) {
        return awaitEvent(event, DEFAULT_TIMEOUT);
    }

    /**
     * The arguments of the oldest occurrence of {@code event} not yet returned, counting from the moment the
     * namespace was joined; waits for one when none has arrived yet. Each occurrence is returned once.
     *
     * @throws AssertionError when none comes within {@code timeout}; the message lists what did arrive
     */
    public ArrayNode awaitEvent(String event, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                ArrayDeque<ArrayNode> queue = unclaimed.get(event);
                if (queue != null && !queue.isEmpty()) {
                    return queue.removeFirst();
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no '" + event + "' event within " + timeout + " on " + this
                            + (connected() ? "" : " (disconnected)") + "; received " + receivedSoFar());
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for '" + event + "' on " + this, e);
                }
            }
        }
    }

    /** Leaves the namespace and closes the connection; calling it again does nothing. */
    @Override
    public void close() {
        socket.close();
    }

    @Override
    public String toString() {
        String id = socket.id();
        return description + (id == null ? "" : " (id " + id + ")");
    }

    /** On the client's event thread: the event name, then its arguments. */
    private void record(Object... args) {
        if (args.length == 0) {
            return;
        }
        String event = String.valueOf(args[0]);
        ArrayNode arguments = ClientArgs.fromClient(args, 1);
        synchronized (lock) {
            latest.addLast(event + " " + arguments);
            if (latest.size() > HISTORY_SHOWN) {
                latest.removeFirst();
            }
            unclaimed.computeIfAbsent(event, name -> new ArrayDeque<>()).addLast(arguments);
            received++;
            lock.notifyAll();
        }
    }

    private String receivedSoFar() {
        if (received == 0) {
            return "nothing";
        }
        String shown = latest.stream().collect(Collectors.joining(", ", "[", "]"));
        return received + " event(s)" + (received > latest.size() ? ", the latest " + latest.size() : "") + ": "
                + shown;
    }

    private static ConnectFailed refused(String description, Object[] args) {
        Object error = args.length == 0 ? null : args[0];
        if (error instanceof JSONObject object) {
            String reason = object.optString("message", String.valueOf(object));
            return new ConnectFailed(reason, description + " was refused: " + reason + " " + object, null);
        } else if (error instanceof Throwable throwable) {
            // The Java client's own failures: "websocket error", "xhr poll error", "timeout".
            String reason = String.valueOf(throwable.getMessage());
            return new ConnectFailed(reason, description + " failed to connect: " + reason, throwable);
        }
        return new ConnectFailed(String.valueOf(error), description + " failed to connect: " + error, null);
    }
}
