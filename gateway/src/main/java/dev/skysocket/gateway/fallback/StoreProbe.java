package dev.skysocket.gateway.fallback;

import dev.skysocket.gateway.http.HealthProbe;
import dev.skysocket.store.dynamodb.DynamoSchema;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code /health}'s question to the store: one eventually consistent GetItem of a key no item has (half a read
 * unit, and an action the task role already has), through the node's own client, so it also fails while the
 * client's call slots are all taken. One answer serves every check for {@code ttl}, so health checks add no load;
 * at most one probe runs at a time, and a check never waits longer than {@code timeout}.
 */
final class StoreProbe implements HealthProbe, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(StoreProbe.class.getName());
    static final String UNREACHABLE = "store unreachable";
    static final String TIMED_OUT = "store not answering";
    private static final String PROBE_KEY = "health#probe";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration timeout;
    private final long ttlNanos;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(task -> {
        Thread t = new Thread(task, "store-probe");
        t.setDaemon(true);
        return t;
    });
    private CompletableFuture<String> answer;
    private CompletableFuture<String> running;
    private long answeredAt;
    private volatile String lastFault;

    StoreProbe(DynamoDbClient dynamo, String table, Duration timeout, Duration ttl) {
        this.dynamo = dynamo;
        this.table = table;
        this.timeout = timeout;
        this.ttlNanos = ttl.toNanos();
    }

    @Override
    public synchronized CompletionStage<String> fault() {
        long now = System.nanoTime();
        if (answer != null && (!answer.isDone() || now - answeredAt < ttlNanos)) {
            return answer;
        }
        answeredAt = now;
        if (running != null && !running.isDone()) {
            // The last probe is still stuck (no call slot, or the store silent): that is the answer.
            answer = CompletableFuture.completedFuture(TIMED_OUT);
        } else {
            running = CompletableFuture.supplyAsync(this::probe, thread);
            answer = running.copy().completeOnTimeout(TIMED_OUT, timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        answer.thenAccept(this::logChange);
        return answer;
    }

    private String probe() {
        try {
            dynamo.getItem(r -> r.tableName(table)
                    .key(Map.of(DynamoSchema.PK, AttributeValue.fromS(PROBE_KEY),
                            DynamoSchema.SK, AttributeValue.fromS(PROBE_KEY)))
                    .projectionExpression(DynamoSchema.PK)
                    .overrideConfiguration(o -> o.apiCallTimeout(timeout).apiCallAttemptTimeout(timeout)));
            return null;
        } catch (SdkException e) {
            LOG.log(Level.DEBUG, "event=store_probe_failed error={0}", e.getClass().getName());
            return UNREACHABLE;
        }
    }

    /** Logs when health changes, not on every check. */
    private void logChange(String fault) {
        String previous = lastFault;
        lastFault = fault;
        if (fault == null ? previous != null : !fault.equals(previous)) {
            LOG.log(fault == null ? Level.INFO : Level.WARNING, "event=store_health status={0}",
                    fault == null ? "ok" : fault);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
