package dev.skysocket.store.dynamodb;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.IndexStatus;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/**
 * Creates the table when it is missing (local mode and tests; on AWS the deployment template owns it), waits
 * until it and its indexes are active, and turns TTL on. Safe to call from several processes at once.
 */
public final class TableBootstrap {
    private static final System.Logger LOG = System.getLogger(TableBootstrap.class.getName());
    private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(2);
    private static final long POLL_MS = 250;

    private TableBootstrap() {
    }

    public static void ensureTable(DynamoDbClient client, String tableName) {
        ensureTable(client, tableName, DEFAULT_TIMEOUT);
    }

    /**
     * @throws IllegalStateException if the table exists with another layout (missing index, TTL on another
     *                               attribute) or does not become active within {@code timeout}
     */
    public static void ensureTable(DynamoDbClient client, String tableName, Duration timeout) {
        try {
            client.describeTable(r -> r.tableName(tableName));
        } catch (ResourceNotFoundException missing) {
            try {
                client.createTable(DynamoSchema.createTableRequest(tableName));
                LOG.log(System.Logger.Level.INFO, "event=table_created table={0}", tableName);
            } catch (ResourceInUseException raced) {
                // Another process created it between our describe and create: just wait for it below.
            }
        }
        TableDescription table = awaitActive(client, tableName, timeout);
        checkIndexes(table);
        enableTtl(client, tableName);
    }

    private static TableDescription awaitActive(DynamoDbClient client, String tableName, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            TableDescription table = client.describeTable(r -> r.tableName(tableName)).table();
            boolean indexesActive = table.globalSecondaryIndexes().stream()
                    .allMatch(i -> i.indexStatus() == IndexStatus.ACTIVE);
            if (table.tableStatus() == TableStatus.ACTIVE && indexesActive) {
                return table;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("table " + tableName + " is not active after " + timeout
                        + " (status " + table.tableStatusAsString() + ")");
            }
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for table " + tableName, e);
            }
        }
    }

    private static void checkIndexes(TableDescription table) {
        Set<String> indexes = table.globalSecondaryIndexes().stream()
                .map(GlobalSecondaryIndexDescription::indexName)
                .collect(Collectors.toSet());
        for (String required : Set.of(DynamoSchema.BY_USER, DynamoSchema.BY_PING)) {
            if (!indexes.contains(required)) {
                throw new IllegalStateException("table " + table.tableName() + " has no index " + required
                        + "; it was made for another layout: delete it or point skysocket.table elsewhere");
            }
        }
    }

    private static void enableTtl(DynamoDbClient client, String tableName) {
        TimeToLiveDescription ttl = client.describeTimeToLive(r -> r.tableName(tableName)).timeToLiveDescription();
        TimeToLiveStatus status = ttl == null ? null : ttl.timeToLiveStatus();
        if (status == TimeToLiveStatus.ENABLED || status == TimeToLiveStatus.ENABLING) {
            if (!DynamoSchema.EXPIRES_AT.equals(ttl.attributeName())) {
                throw new IllegalStateException("table " + tableName + " has TTL on " + ttl.attributeName()
                        + ", expected " + DynamoSchema.EXPIRES_AT);
            }
            return;
        }
        client.updateTimeToLive(r -> r.tableName(tableName)
                .timeToLiveSpecification(s -> s.enabled(true).attributeName(DynamoSchema.EXPIRES_AT)));
        LOG.log(System.Logger.Level.INFO, "event=table_ttl_enabled table={0} attribute={1}", tableName,
                DynamoSchema.EXPIRES_AT);
    }
}
