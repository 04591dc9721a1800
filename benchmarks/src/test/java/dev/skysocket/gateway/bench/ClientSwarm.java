package dev.skysocket.gateway.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The WebSocket clients, run as a child JVM by {@link SwarmProcess}: each client counts the complete text messages
 * it receives. It talks to its parent in lines: it prints {@code connected <n>} or {@code failed <why>}; then
 * {@code await <k> <seconds>} answers {@code counts <min> <max> <total>} once every client has k messages or the
 * time is up; {@code quit} or the end of input ends it.
 */
public final class ClientSwarm {

    /** Sockets the JVM itself keeps open (jars, selectors, pipes) on top of one per client. */
    static final int SPARE_DESCRIPTORS = 256;

    private final AtomicLongArray received;
    private final List<WebSocket> sockets = new ArrayList<>();

    private ClientSwarm(int clients) {
        received = new AtomicLongArray(clients);
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int clients = Integer.parseInt(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        long limit = Descriptors.limit();
        if (limit > 0 && clients + SPARE_DESCRIPTORS > limit) {
            out.println("failed this process may open " + limit + " files, " + clients + " clients need about "
                    + (clients + SPARE_DESCRIPTORS) + ": raise `ulimit -n`");
            return;
        }
        ClientSwarm swarm = new ClientSwarm(clients);
        String failure = swarm.connect(url, concurrency);
        out.println(failure == null ? "connected " + clients : "failed " + failure);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null && !line.equals("quit"); line = in.readLine()) {
            String[] words = line.split(" ");
            if (words[0].equals("await")) {
                out.println(swarm.await(Long.parseLong(words[1]), Duration.ofSeconds(Long.parseLong(words[2]))));
            } else {
                out.println("failed unknown command " + line);
            }
        }
        swarm.sockets.forEach(WebSocket::abort);
        System.exit(0);
    }

    /** Opens every client, at most {@code concurrency} upgrades at once; the first error, or null. */
    private String connect(String url, int concurrency) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Semaphore slots = new Semaphore(concurrency);
        AtomicReference<String> firstError = new AtomicReference<>();
        List<CompletableFuture<WebSocket>> pending = new ArrayList<>();
        for (int i = 0; i < received.length() && firstError.get() == null; i++) {
            slots.acquire();
            URI uri = URI.create(url + "?" + AcceptingIntegration.CLIENT_PARAMETER + "=" + i);
            CompletableFuture<WebSocket> socket = http.newWebSocketBuilder()
                    .connectTimeout(Duration.ofSeconds(30))
                    .buildAsync(uri, new Counter(i))
                    .toCompletableFuture();
            socket.whenComplete((ok, error) -> {
                slots.release();
                if (error != null) {
                    firstError.compareAndSet(null, error.toString());
                }
            });
            pending.add(socket);
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        } catch (Exception e) {
            firstError.compareAndSet(null, e.toString());
        }
        pending.stream().filter(f -> f.isDone() && !f.isCompletedExceptionally()).map(CompletableFuture::join)
                .forEach(sockets::add);
        return firstError.get();
    }

    /** Waits (polling, bounded) until every client has at least {@code expected} messages, then reports. */
    private String await(long expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (min() < expected && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        long max = 0;
        long total = 0;
        for (int i = 0; i < received.length(); i++) {
            max = Math.max(max, received.get(i));
            total += received.get(i);
        }
        return "counts " + min() + " " + max + " " + total;
    }

    private long min() {
        long min = Long.MAX_VALUE;
        for (int i = 0; i < received.length(); i++) {
            min = Math.min(min, received.get(i));
        }
        return min;
    }

    /** Counts one client's complete text messages. */
    private final class Counter implements WebSocket.Listener {
        private final int index;

        Counter(int index) {
            this.index = index;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(Long.MAX_VALUE);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            if (last) {
                received.incrementAndGet(index);
            }
            return null;
        }
    }
}
