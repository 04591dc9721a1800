package dev.skysocket.apigw;

import dev.skysocket.store.dynamodb.DynamoSchema;
import dev.skysocket.testing.DynamoDbLocalServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/**
 * Read units of one broadcast to a room of R members in a table of N connections, measured on DynamoDB Local, beside
 * the documented minimum for the item sizes and beside the same broadcast done by scanning every connection (the
 * way AWS's WebSocket chat sample finds recipients: a table of {@code connectionId} items, one Scan per message).
 *
 * <p>Each table of N connections is filled with BatchWriteItem from copies of items the product wrote itself (a
 * connection item, its socket item and a room membership), so item sizes are the product's, only the ids differ.
 */
final class BroadcastCapacity {
    /** DynamoRoomStore's page size: a room Query reads at most this many members per call. */
    private static final int ROOM_PAGE_ITEMS = 1000;
    private static final String ROOM_PREFIX = "room";

    private final DynamoDbClient loader = DynamoDbLocalServer.client();
    private final DynamoDbClient metered;
    private final CapacityMeter meter;
    private final Map<String, AttributeValue> connectionTemplate;
    private final Map<String, AttributeValue> socketTemplate;
    private final Map<String, AttributeValue> membershipTemplate;
    private final String tenant;
    private final Function<String, Broadcast> broadcastIn;
    private final StringBuilder rows = new StringBuilder();
    private final Counts counts;

    /** One broadcast to a room of a given table. */
    interface Broadcast {
        void toRoom(String room);
    }

    BroadcastCapacity(DynamoDbClient metered, CapacityMeter meter, Map<String, AttributeValue> connectionTemplate,
                      Map<String, AttributeValue> socketTemplate, Map<String, AttributeValue> membershipTemplate,
                      String tenant, Function<String, Broadcast> broadcastIn, Counts counts) {
        this.metered = metered;
        this.meter = meter;
        this.connectionTemplate = connectionTemplate;
        this.socketTemplate = socketTemplate;
        this.membershipTemplate = membershipTemplate;
        this.tenant = tenant;
        this.broadcastIn = broadcastIn;
        this.counts = counts;
    }

    /** Item sizes by AWS's rules, and the write units each costs. */
    String itemSizes() {
        return String.format(Locale.ROOT, """
                | item | bytes (AWS rules) | write units per put |
                |---|---:|---:|
                | connection | %d | %d |
                | socket (namespace `/`) | %d | %d |
                | room membership | %d | %d |
                | the AWS sample's connection item (`connectionId` only) | %d | %d |
                """, ItemSizes.bytes(connectionTemplate), ItemSizes.writeUnits(ItemSizes.bytes(connectionTemplate)),
                ItemSizes.bytes(socketTemplate), ItemSizes.writeUnits(ItemSizes.bytes(socketTemplate)),
                membershipBytes(10_000), ItemSizes.writeUnits(membershipBytes(10_000)),
                sampleBytes(), ItemSizes.writeUnits(sampleBytes()));
    }

    /** Measures every room size that fits each table size. */
    String measure(long[] tableSizes, long[] roomSizes) {
        for (long connections : tableSizes) {
            String table = DynamoDbLocalServer.freshTable(loader, "broadcast" + connections);
            String sample = sampleTable(connections);
            long started = System.nanoTime();
            long maxRoom = 0;
            for (long r : roomSizes) {
                maxRoom = r <= connections ? Math.max(maxRoom, r) : maxRoom;
            }
            fill(table, connections, roomSizes);
            BulkLoader.load(loader, sample, connections, 3,
                    i -> List.of(Map.of("connectionId", AttributeValue.fromS(connectionId(i)))));
            System.err.printf(Locale.ROOT, "loaded %,d connections (+ rooms up to %,d) in %.1f s%n", connections,
                    maxRoom, (System.nanoTime() - started) / 1e9);
            meter.reset();
            metered.scanPaginator(ScanRequest.builder().tableName(sample).build()).forEach(page -> { });
            double scanUnits = meter.readUnits();
            int scanCalls = meter.callCount();
            double scanMinimum = ItemSizes.pagedReadUnits(connections, sampleBytes(), Integer.MAX_VALUE, false);
            counts.put("scan.sample.rru.table" + connections, scanUnits);
            Broadcast broadcast = broadcastIn.apply(table);
            for (long roomSize : roomSizes) {
                if (roomSize > connections) {
                    continue;
                }
                meter.reset();
                broadcast.toRoom(room(roomSize));
                double minimum = ItemSizes.pagedReadUnits(roomSize, membershipBytes(roomSize), ROOM_PAGE_ITEMS, true);
                counts.put("broadcast.rru.room" + roomSize + ".table" + connections, meter.readUnits());
                rows.append(String.format(Locale.ROOT, "| %,d | %,d | %s | %s | %s | %s (%d Scan pages) | %s |%n",
                        connections, roomSize, units(meter.readUnits()), units(minimum), meter.calls(),
                        units(scanUnits), scanCalls, units(scanMinimum)));
            }
            loader.deleteTable(r -> r.tableName(table));
            loader.deleteTable(r -> r.tableName(sample));
        }
        return """
                | connections in table | room members | read units, room Query (measured) | documented minimum \
                (strongly consistent, 1,000 per page) | calls | read units, Scan of every connection as AWS's \
                sample does (measured) | documented minimum (eventually consistent) |
                |---:|---:|---:|---:|---|---:|---:|
                """ + rows;
    }

    /** N connections, each with its socket item; room R holds connections 0 .. R-1 for every R that fits. */
    private void fill(String table, long connections, long[] roomSizes) {
        BulkLoader.load(loader, table, connections, 3, i -> {
            List<Map<String, AttributeValue>> items = new ArrayList<>(2 + roomSizes.length);
            items.add(connectionItem(i));
            items.add(socketItem(i));
            for (long roomSize : roomSizes) {
                if (i < roomSize && roomSize <= connections) {
                    items.add(membershipItem(i, roomSize));
                }
            }
            return items;
        });
    }

    private Map<String, AttributeValue> connectionItem(long i) {
        Map<String, AttributeValue> item = new HashMap<>(connectionTemplate);
        String id = connectionId(i);
        item.putAll(DynamoSchema.connectionKey(id));
        item.put(DynamoSchema.CONNECTION_ID, AttributeValue.fromS(id));
        item.put(DynamoSchema.PING_SHARD, AttributeValue.fromS(DynamoSchema.pingShardOf(id)));
        return item;
    }

    private Map<String, AttributeValue> socketItem(long i) {
        Map<String, AttributeValue> item = new HashMap<>(socketTemplate);
        String id = connectionId(i);
        item.putAll(DynamoSchema.socketKey(id, "/"));
        item.put(DynamoSchema.CONNECTION_ID, AttributeValue.fromS(id));
        item.put(DynamoSchema.SOCKET_ID, AttributeValue.fromS(socketId(i)));
        return item;
    }

    private Map<String, AttributeValue> membershipItem(long i, long roomSize) {
        Map<String, AttributeValue> item = new HashMap<>(membershipTemplate);
        item.putAll(DynamoSchema.membershipKey(tenant, "/", room(roomSize), socketId(i), 1));
        item.put(DynamoSchema.CONNECTION_ID, AttributeValue.fromS(connectionId(i)));
        return item;
    }

    private long membershipBytes(long roomSize) {
        return ItemSizes.bytes(membershipItem(0, roomSize));
    }

    private long sampleBytes() {
        return ItemSizes.bytes(Map.of("connectionId", AttributeValue.fromS(connectionId(0))));
    }

    private String sampleTable(long connections) {
        String name = "sample-" + connections + "-" + Long.toHexString(System.nanoTime());
        loader.createTable(r -> r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("connectionId")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("connectionId").keyType(KeyType.HASH).build()));
        return name;
    }

    static String room(long size) {
        return ROOM_PREFIX + size;
    }

    /** API Gateway's connection ids are 16 characters ending in '='. */
    static String connectionId(long i) {
        return String.format(Locale.ROOT, "%015x=", i);
    }

    /** Socket.IO's ids are 20 characters. */
    private String socketId(long i) {
        return String.format(Locale.ROOT, "%020x", i);
    }

    private static String units(double value) {
        return value == Math.rint(value) ? String.format(Locale.ROOT, "%,d", (long) value)
                : String.format(Locale.ROOT, "%,.1f", value);
    }
}
