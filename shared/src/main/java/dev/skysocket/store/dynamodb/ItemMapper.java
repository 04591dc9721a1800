package dev.skysocket.store.dynamodb;

import static dev.skysocket.store.dynamodb.Attributes.bool;
import static dev.skysocket.store.dynamodb.Attributes.flag;
import static dev.skysocket.store.dynamodb.Attributes.n;
import static dev.skysocket.store.dynamodb.Attributes.number;
import static dev.skysocket.store.dynamodb.Attributes.putIfPresent;
import static dev.skysocket.store.dynamodb.Attributes.s;
import static dev.skysocket.store.dynamodb.Attributes.string;
import static dev.skysocket.store.dynamodb.DynamoSchema.*;

import dev.skysocket.store.ConnectionRecord;
import dev.skysocket.store.HeartbeatDue;
import dev.skysocket.store.Member;
import dev.skysocket.store.PendingBinary;
import dev.skysocket.store.SocketRecord;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Records to items and back. Attribute names come from {@link DynamoSchema} only. */
final class ItemMapper {
    private ItemMapper() {
    }

    static Map<String, AttributeValue> connectionItem(ConnectionRecord c) {
        Map<String, AttributeValue> item = new HashMap<>(connectionKey(c.connectionId()));
        item.put(CONNECTION_ID, s(c.connectionId()));
        putIfPresent(item, ENDPOINT, c.endpoint());
        putIfPresent(item, TRANSPORT, c.transport());
        item.put(BASE64, bool(c.base64()));
        item.put(TENANT, s(c.tenant()));
        if (c.user() != null) {
            item.put(USER, s(c.user()));
            item.put(USER_KEY, s(userKey(c.tenant(), c.user())));
        }
        putIfPresent(item, SOURCE_IP, c.sourceIp());
        item.put(HEADERS, stringMap(c.headers()));
        item.put(QUERY, stringMap(c.query()));
        item.put(CONNECTED_AT, n(c.connectedAt()));
        item.put(PING_SHARD, s(pingShardOf(c.connectionId())));
        item.put(PING_DUE_AT, n(c.pingDueAt()));
        item.put(AWAITING_PONG, bool(c.awaitingPong()));
        item.put(OPENED, bool(c.opened()));
        item.put(EXPIRES_AT, n(c.expiresAt()));
        if (c.pending() != null && !c.pending().isEmpty()) {
            item.put(PENDING, pendingValue(c.pending()));
        }
        putIfPresent(item, REFUSAL, c.refusal());
        if (c.quotaCounted()) {
            item.put(QUOTA_COUNTED, bool(true));
        }
        if (!c.claims().isEmpty()) {
            item.put(CLAIMS, stringMap(c.claims()));
        }
        return item;
    }

    static ConnectionRecord connection(Map<String, AttributeValue> item) {
        return new ConnectionRecord(string(item, CONNECTION_ID), string(item, ENDPOINT), string(item, TRANSPORT),
                flag(item, BASE64), string(item, TENANT), string(item, USER), string(item, SOURCE_IP),
                stringMap(item.get(HEADERS)), stringMap(item.get(QUERY)), number(item, CONNECTED_AT, 0),
                number(item, PING_DUE_AT, 0), flag(item, AWAITING_PONG), flag(item, OPENED),
                number(item, EXPIRES_AT, 0), pending(item), string(item, REFUSAL), flag(item, QUOTA_COUNTED),
                stringMap(item.get(CLAIMS)));
    }

    static AttributeValue pendingValue(PendingBinary p) {
        return AttributeValue.fromM(Map.of(
                PENDING_HEADERS, strings(p.headers()),
                PENDING_ATTACHMENTS, strings(p.attachments())));
    }

    /** Null when nothing was ever stored; an item of the old layout holds one header. */
    private static PendingBinary pending(Map<String, AttributeValue> item) {
        AttributeValue value = item.get(PENDING);
        long version = number(item, PENDING_VERSION, 0);
        if (value == null || !value.hasM()) {
            return version == 0 ? null : new PendingBinary(List.of(), List.of(), version);
        }
        Map<String, AttributeValue> m = value.m();
        List<String> headers = m.containsKey(PENDING_HEADERS) ? strings(m.get(PENDING_HEADERS))
                : m.containsKey(PENDING_HEADER) ? List.of(string(m, PENDING_HEADER)) : List.of();
        return new PendingBinary(headers, strings(m.get(PENDING_ATTACHMENTS)), version);
    }

    private static AttributeValue strings(List<String> values) {
        return AttributeValue.fromL(values.stream().map(Attributes::s).toList());
    }

    private static List<String> strings(AttributeValue list) {
        return list == null || !list.hasL() ? List.of() : list.l().stream().map(AttributeValue::s).toList();
    }

    static Map<String, AttributeValue> socketItem(SocketRecord socket, long expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>(socketKey(socket.connectionId(), socket.namespace()));
        item.put(CONNECTION_ID, s(socket.connectionId()));
        item.put(NAMESPACE, s(socket.namespace()));
        item.put(SOCKET_ID, s(socket.socketId()));
        item.put(TENANT, s(socket.tenant()));
        if (!socket.rooms().isEmpty()) {
            item.put(ROOMS, AttributeValue.fromSs(List.copyOf(socket.rooms())));
        }
        if (socket.dataJson() != null) {
            // A map even when empty: a per-key update needs it to exist (the product always stores one).
            item.put(DATA_FIELDS, DataFields.toMap(socket.dataJson()));
        }
        putIfPresent(item, AUTH, socket.authJson());
        item.put(CONNECTED_AT, n(socket.connectedAt()));
        item.put(EXPIRES_AT, n(expiresAt));
        return item;
    }

    static SocketRecord socket(Map<String, AttributeValue> item) {
        AttributeValue rooms = item.get(ROOMS);
        return new SocketRecord(string(item, CONNECTION_ID), string(item, NAMESPACE), string(item, SOCKET_ID),
                string(item, TENANT), rooms == null ? Set.of() : Set.copyOf(rooms.ss()), dataJson(item),
                string(item, AUTH), number(item, CONNECTED_AT, 0));
    }

    /** The map when there is one; an item of the old layout has one JSON string instead. */
    private static String dataJson(Map<String, AttributeValue> item) {
        AttributeValue fields = item.get(DATA_FIELDS);
        return fields != null && fields.hasM() ? DataFields.toJson(fields) : string(item, DATA);
    }

    static boolean isSocketItem(Map<String, AttributeValue> item) {
        return string(item, SK).startsWith(SOCKET_SK_PREFIX);
    }

    /** A membership item carries what fan-out needs, so a broadcast makes no per-recipient lookup (DESIGN §5). */
    static Map<String, AttributeValue> membershipItem(SocketRecord socket, String room, String endpoint,
                                                      long expiresAt, int shards) {
        Map<String, AttributeValue> item = new HashMap<>(
                membershipKey(socket.tenant(), socket.namespace(), room, socket.socketId(), shards));
        item.put(CONNECTION_ID, s(socket.connectionId()));
        putIfPresent(item, ENDPOINT, endpoint);
        item.put(EXPIRES_AT, n(expiresAt));
        return item;
    }

    static Member member(Map<String, AttributeValue> item) {
        return new Member(string(item, SK), string(item, CONNECTION_ID), string(item, ENDPOINT));
    }

    static HeartbeatDue heartbeatDue(Map<String, AttributeValue> item) {
        return new HeartbeatDue(string(item, CONNECTION_ID), string(item, ENDPOINT), flag(item, AWAITING_PONG),
                number(item, CONNECTED_AT, 0));
    }

    private static AttributeValue stringMap(Map<String, String> map) {
        Map<String, AttributeValue> m = new LinkedHashMap<>();
        map.forEach((k, v) -> m.put(k, s(v)));
        return AttributeValue.fromM(m);
    }

    private static Map<String, String> stringMap(AttributeValue value) {
        if (value == null || !value.hasM()) {
            return Map.of();
        }
        Map<String, String> map = new HashMap<>();
        value.m().forEach((k, v) -> map.put(k, v.s()));
        return map;
    }
}
