package dev.skysocket.config;

import java.util.HashMap;
import java.util.Map;

/**
 * Per-tenant quotas: open connections per tenant and rooms per socket, each a default for every tenant with
 * optional per-tenant overrides ({@code acme=5000,beta=10}). 0 means no limit.
 *
 * @param maxConnections       open connections per tenant; 0 (the default) counts nothing and costs nothing
 * @param connectionsByTenant  overrides of {@code maxConnections}
 * @param maxRoomsPerSocket    rooms one socket may be in besides its own id room
 * @param roomsByTenant        overrides of {@code maxRoomsPerSocket}
 * @param counterShards        partitions each tenant's connection counter spreads over
 */
public record TenantQuotas(int maxConnections, Map<String, Integer> connectionsByTenant, int maxRoomsPerSocket,
                           Map<String, Integer> roomsByTenant, int counterShards) {
    public static final String MAX_CONNECTIONS = "skysocket.tenant-max-connections";
    public static final String CONNECTIONS_BY_TENANT = "skysocket.tenant-max-connections-by-tenant";
    public static final String MAX_ROOMS = "skysocket.max-rooms-per-socket";
    public static final String ROOMS_BY_TENANT = "skysocket.max-rooms-per-socket-by-tenant";
    public static final String COUNTER_SHARDS = "skysocket.tenant-counter-shards";
    /**
     * Rooms per socket by default: a socket's rooms are one DynamoDB item, whose 400 KB limit must hold them all,
     * and each room costs a membership write at join and a delete at disconnect.
     */
    public static final int DEFAULT_MAX_ROOMS = 1000;

    /** No connection quota, the default room limit. */
    public static final TenantQuotas DEFAULTS = new TenantQuotas(0, Map.of(), DEFAULT_MAX_ROOMS, Map.of(), 4);

    public TenantQuotas {
        connectionsByTenant = Map.copyOf(connectionsByTenant);
        roomsByTenant = Map.copyOf(roomsByTenant);
        if (maxConnections < 0 || maxRoomsPerSocket < 0 || counterShards < 1) {
            throw new IllegalArgumentException("quotas must be 0 (no limit) or positive; counter shards at least 1");
        }
    }

    public static TenantQuotas from(Settings s) {
        return new TenantQuotas(s.intValue(MAX_CONNECTIONS, 0), overrides(s, CONNECTIONS_BY_TENANT),
                s.intValue(MAX_ROOMS, DEFAULT_MAX_ROOMS), overrides(s, ROOMS_BY_TENANT), s.intValue(COUNTER_SHARDS, 4));
    }

    /** The tenant's connection limit; 0: none. */
    public int maxConnections(String tenant) {
        return connectionsByTenant.getOrDefault(tenant, maxConnections);
    }

    /** True when some tenant has a connection limit: only then is anything counted. */
    public boolean countsConnections() {
        return maxConnections > 0 || connectionsByTenant.values().stream().anyMatch(limit -> limit > 0);
    }

    /** The tenant's rooms-per-socket limit; 0: none. */
    public int maxRoomsPerSocket(String tenant) {
        return roomsByTenant.getOrDefault(tenant, maxRoomsPerSocket);
    }

    private static Map<String, Integer> overrides(Settings s, String name) {
        Map<String, Integer> out = new HashMap<>();
        String text = s.string(name, "");
        for (String entry : text.isEmpty() ? new String[0] : text.split(",")) {
            int equals = entry.lastIndexOf('=');
            if (equals < 1) {
                throw new IllegalArgumentException("setting " + name + " must be tenant=limit pairs separated by "
                        + "commas, got '" + entry.strip() + "'");
            }
            try {
                int limit = Integer.parseInt(entry.substring(equals + 1).strip());
                if (limit < 0) {
                    throw new NumberFormatException("negative");
                }
                out.put(entry.substring(0, equals).strip(), limit);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("setting " + name + ": the limit in '" + entry.strip()
                        + "' must be 0 (no limit) or a positive whole number", e);
            }
        }
        return out;
    }
}
