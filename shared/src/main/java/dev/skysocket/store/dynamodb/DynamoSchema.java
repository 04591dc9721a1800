package dev.skysocket.store.dynamodb;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/**
 * The table: every attribute, key and index name, and every function that builds a key (DESIGN §5: "every
 * attribute name lives in one schema class"). The deployment template declares the same table; the layout is
 * written out in this package's {@code package-info.java} and must be changed there and here together.
 *
 * <p>Key parts are escaped ({@code %} → {@code %25}, {@code #} → {@code %23}) so that {@code #} only ever
 * separates parts: tenant {@code a#b} with room {@code c} can never meet tenant {@code a} with room {@code b#c}.
 */
public final class DynamoSchema {

    // Table keys (both strings).
    public static final String PK = "pk";
    public static final String SK = "sk";

    // Index names and their keys.
    /** Connections of one user in one tenant; sparse: only connection items with a user carry {@link #USER_KEY}. */
    public static final String BY_USER = "byUser";
    public static final String USER_KEY = "userKey";
    /** Connections by next heartbeat action; sparse: only connection items carry {@link #PING_SHARD}. */
    public static final String BY_PING = "byPing";
    public static final String PING_SHARD = "pingShard";
    public static final String PING_DUE_AT = "pingDueAt";

    /** The TTL attribute, epoch seconds, on every item. */
    public static final String EXPIRES_AT = "expiresAt";

    // Connection item.
    public static final String CONNECTION_ID = "connectionId";
    public static final String ENDPOINT = "endpoint";
    public static final String TRANSPORT = "transport";
    public static final String BASE64 = "base64";
    public static final String TENANT = "tenant";
    public static final String USER = "user";
    public static final String SOURCE_IP = "sourceIp";
    public static final String HEADERS = "headers";
    public static final String QUERY = "query";
    public static final String CONNECTED_AT = "connectedAt";
    public static final String AWAITING_PONG = "awaitingPong";
    public static final String OPENED = "opened";
    /** Epoch ms until which one run of the open step holds the right to post the open packet. */
    public static final String OPEN_CLAIM_UNTIL = "openClaimUntil";
    /** Map: {@link #PENDING_HEADERS} and {@link #PENDING_ATTACHMENTS}, lists of strings; absent when none wait. */
    public static final String PENDING = "pending";
    public static final String PENDING_HEADERS = "headers";
    /** The old layout's one header (with {@link #PENDING_EXPECTED}); still read. */
    public static final String PENDING_HEADER = "header";
    public static final String PENDING_ATTACHMENTS = "attachments";
    public static final String PENDING_EXPECTED = "expected";
    /** Number, raised by every write of {@link #PENDING}, which is conditional on it. */
    public static final String PENDING_VERSION = "pendingVersion";
    /** Why the connection may join no namespace (identity denied, tenant quota); absent on a usable one. */
    public static final String REFUSAL = "refusal";
    /** True on a connection added to its tenant's connection counter; absent otherwise. */
    public static final String QUOTA_COUNTED = "quotaCounted";
    /** Map of strings: the identity's claims (bounded by IdentityClaims); absent when it has none. */
    public static final String CLAIMS = "claims";

    // Socket item (also uses CONNECTION_ID, TENANT, CONNECTED_AT, EXPIRES_AT).
    public static final String NAMESPACE = "namespace";
    public static final String SOCKET_ID = "socketId";
    /** String set; absent when empty, because DynamoDB sets cannot be empty. */
    public static final String ROOMS = "rooms";
    /**
     * Number, raised by every join and leave that changes {@link #ROOMS}; absent on a socket never changed since
     * it was stored. Deleting a socket is conditional on it, so a join racing the deletion is never lost.
     */
    public static final String ROOMS_VERSION = "roomsVersion";
    /** {@code socket.data} as one JSON string: the old layout, still read; new items use {@link #DATA_FIELDS}. */
    public static final String DATA = "data";
    /** {@code socket.data}: map of top-level key to that key's JSON text, updated key by key (SocketDataWriter). */
    public static final String DATA_FIELDS = "dataFields";
    public static final String AUTH = "auth";

    /** Sort key of the connection item. */
    public static final String CONNECTION_SK = "C";
    /** Sort key prefix of socket items, in the connection's partition. */
    public static final String SOCKET_SK_PREFIX = "S#";

    // Ack answer item (server-to-client acks), in the connection's partition: AckStore.
    /** Sort key prefix of ack answer items: {@code A#{namespace}#{ackId}}. */
    public static final String ACK_SK_PREFIX = "A#";
    /** The client's ack arguments as one JSON array text. */
    public static final String ANSWER = "answer";

    // Sweep-runs item: the heartbeat's latest run start. "H#" starts no other partition key.
    public static final String SWEEP_RUNS_PK = "H#sweep";
    public static final String SWEEP_RUNS_SK = "latest";
    public static final String RUN_ID = "runId";
    /** Epoch ms at which the latest heartbeat run started. */
    public static final String STARTED_AT = "startedAt";

    // Connection state recovery. "K#" and "L#" start no other partition key.
    /** Sort key of a kept session, alone in its partition {@link #keptPk}. */
    public static final String KEPT_SK = "K";
    public static final String PID = "pid";
    public static final String DISCONNECTED_AT = "disconnectedAt";
    /** Log items ({@link #logPk}, sort key the offset): string sets, absent when empty, and the list of frames. */
    public static final String EXCEPT_ROOMS = "exceptRooms";
    public static final String EXCEPT_SOCKETS = "exceptSockets";
    public static final String FRAMES = "frames";
    /** The one item holding the key private session ids are derived from (binary {@link #SECRET}). */
    public static final String PID_KEY_PK = "H#recovery-key";
    public static final String PID_KEY_SK = "key";
    public static final String SECRET = "secret";

    // Revocation of a user (UserRevocations): one item per tenant and user, alone in its partition. "V#" starts
    // no other partition key. TTL (expiresAt) at the end of the refusal, so the item goes by itself.
    public static final String REVOKED_SK = "V";
    /** Epoch ms until which new connections of the user are refused. */
    public static final String REVOKED_UNTIL = "revokedUntil";

    /**
     * Partitions of the {@link #BY_PING} index. Each pong and each ping rewrites an index entry; one index
     * partition takes about 1,000 writes/s and a key change costs 2 index writes, so a connection costs 4 index
     * writes per ping cycle: 8 shards carry about a million connections pinged every 9 minutes. The sweep pays
     * one Query per shard. Changing it strands connections in dropped shards until their next write: only ever
     * raise it.
     */
    public static final int PING_SHARDS = 8;

    private DynamoSchema() {
    }

    // Tenant connection counters (DynamoConnectionCounts). "Q#" starts no other partition key.
    /** The counter's value (N), changed with ADD only. */
    public static final String COUNT = "n";

    /** Partition of one shard of a tenant's connection counter. */
    public static String quotaPk(String tenant, int shard) {
        return "Q#" + part(tenant) + "#" + shard;
    }

    /** Sort key of one time bucket's counter: zero-padded, so a range condition selects the buckets not ended. */
    public static String quotaSk(long bucket) {
        return String.format("%012d", bucket);
    }

    public static Map<String, AttributeValue> quotaKey(String tenant, int shard, long bucket) {
        return key(quotaPk(tenant, shard), quotaSk(bucket));
    }

    /** Partition of a connection: its connection item and its socket items. */
    public static String connectionPk(String connectionId) {
        return "C#" + part(connectionId);
    }

    public static String socketSk(String namespace) {
        return SOCKET_SK_PREFIX + part(namespace);
    }

    /**
     * Partition of one room (or, when {@code shards > 1}, of one of its shards). A socket's membership goes to
     * shard {@link #roomShard}; a broadcast queries every shard.
     */
    public static String roomPk(String tenant, String namespace, String room, int shard, int shards) {
        String base = "R#" + part(tenant) + "#" + part(namespace) + "#" + part(room);
        return shards > 1 ? base + "#" + shard : base;
    }

    public static int roomShard(String socketId, int shards) {
        return bucket(socketId, shards);
    }

    public static String roomPkOf(String tenant, String namespace, String room, String socketId, int shards) {
        return roomPk(tenant, namespace, room, roomShard(socketId, shards), shards);
    }

    public static String userKey(String tenant, String user) {
        return "U#" + part(tenant) + "#" + part(user);
    }

    public static String pingShard(int shard) {
        return "P#" + shard;
    }

    public static String pingShardOf(String connectionId) {
        return pingShard(bucket(connectionId, PING_SHARDS));
    }

    public static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(PK, AttributeValue.fromS(pk), SK, AttributeValue.fromS(sk));
    }

    public static Map<String, AttributeValue> connectionKey(String connectionId) {
        return key(connectionPk(connectionId), CONNECTION_SK);
    }

    public static Map<String, AttributeValue> sweepRunsKey() {
        return key(SWEEP_RUNS_PK, SWEEP_RUNS_SK);
    }

    public static Map<String, AttributeValue> socketKey(String connectionId, String namespace) {
        return key(connectionPk(connectionId), socketSk(namespace));
    }

    /** Key of a client's answer to server ack {@code ackId} on one socket (connection and namespace). */
    public static Map<String, AttributeValue> ackKey(String connectionId, String namespace, long ackId) {
        return key(connectionPk(connectionId), ACK_SK_PREFIX + part(namespace) + "#" + ackId);
    }

    public static Map<String, AttributeValue> membershipKey(String tenant, String namespace, String room,
                                                            String socketId, int shards) {
        return key(roomPkOf(tenant, namespace, room, socketId, shards), socketId);
    }

    /** Partition of the session kept under one private session id. */
    public static String keptPk(String pid) {
        return "K#" + part(pid);
    }

    /** Partition of one namespace's log of replayable packets; the sort key is the packet's offset. */
    public static String logPk(String tenant, String namespace) {
        return "L#" + part(tenant) + "#" + part(namespace);
    }

    // Presence (DynamoPresenceStore): one item per member of a presence room, sort key the escaped member id;
    // MEMBER_SOCKETS is a string set of its socket ids there. "PR#" starts no other partition key.
    public static final String MEMBER_ID = "memberId";
    public static final String USER_INFO = "userInfo";
    public static final String MEMBER_SOCKETS = "memberSockets";

    public static String presencePk(String tenant, String namespace, String room) {
        return "PR#" + part(tenant) + "#" + part(namespace) + "#" + part(room);
    }

    // Room directory ("RD#" starts no other partition key): sets of "<expiresAtSeconds> <endpoint URL>", the hour a
    // registration expires (DirectoryElements); expired ones deleted in batches; the item gone by TTL when unused.
    public static final String ENDPOINTS = "endpoints";
    public static final String WATCHERS = "watchers";
    public static Map<String, AttributeValue> roomDirectoryKey(String tenant, String namespace, String room) {
        return key("RD#" + part(tenant) + "#" + part(namespace) + "#" + part(room), "D");
    }

    /** Key of the revocation item of one user of one tenant. */
    public static Map<String, AttributeValue> revocationKey(String tenant, String user) {
        return key("V#" + part(tenant) + "#" + part(user), REVOKED_SK);
    }

    // Inbound limits (dev.skysocket.limits). "RL#" and "EQ#" start no other partition key; each window or second is
    // its own partition, so no counter gets hot, and its TTL lets DynamoDB drop it for free.
    /** Sort key of the counter items below; attribute {@link #COUNT} and, for rate windows, one per second. */
    public static final String COUNTER_SK = "N";

    /** One connection's inbound events in one window ({@code window} = epoch seconds / window length). */
    public static Map<String, AttributeValue> rateWindowKey(String connectionId, long window) {
        return key("RL#" + part(connectionId) + "#" + window, COUNTER_SK);
    }

    /** One shard of one tenant's events in one second. */
    public static Map<String, AttributeValue> quotaKey(String tenant, long epochSecond, int shard) {
        return key("EQ#" + part(tenant) + "#" + epochSecond + "#" + shard, COUNTER_SK);
    }

    /** Escapes one key part so that {@code #} in it cannot be read as a separator. */
    public static String part(String value) {
        if (value == null) {
            throw new IllegalArgumentException("key parts must not be null");
        }
        return value.replace("%", "%25").replace("#", "%23");
    }

    /**
     * A stable bucket in {@code [0, buckets)}. String.hashCode is fixed by the Java spec, so every process agrees;
     * the finalizer mixes it so ids that differ only in their last characters still spread.
     */
    public static int bucket(String value, int buckets) {
        if (buckets <= 1) {
            return 0;
        }
        int h = value.hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return Math.floorMod(h, buckets);
    }

    /**
     * True unless the item's TTL has passed. DynamoDB deletes expired items lazily (AWS-FACTS: within days), so
     * every read filters on it. An item without the attribute counts as live.
     */
    public static boolean isLive(Map<String, AttributeValue> item, long nowEpochSeconds) {
        AttributeValue expiresAt = item.get(EXPIRES_AT);
        return expiresAt == null || expiresAt.n() == null || Long.parseLong(expiresAt.n()) >= nowEpochSeconds;
    }

    /**
     * The whole table definition: on-demand, string keys, the two sparse indexes ({@link TableDefinition}). TTL on
     * {@link #EXPIRES_AT} is a separate call ({@link TableBootstrap}).
     */
    public static CreateTableRequest createTableRequest(String tableName) {
        return TableDefinition.of(tableName);
    }
}
