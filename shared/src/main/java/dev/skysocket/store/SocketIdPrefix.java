package dev.skysocket.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * The start of every socket id minted for a connection: 12 URL-safe characters derived from the endpoint that
 * reaches the connection (72 bits of its SHA-256). Memberships are keyed by socket id, so a room's members reached
 * through one gateway node sit together in the room's key order, and the node can ask for everyone else's with
 * two key ranges that skip its own without reading them ({@link RoomStore#membersElsewhere}).
 *
 * <p>Every character of a prefix or of the random rest is base64url, all below {@code '~'}, so
 * {@code prefix + "~"} sorts after every id that starts with the prefix.
 */
public final class SocketIdPrefix {
    /** Longer than any base64url id that starts with a prefix, in DynamoDB's byte-wise string order. */
    public static final String PAST = "~";
    static final int LENGTH = 12;
    /** The random rest of an id: 15 bytes in base64url ({@code server.SocketIds}). */
    static final int RANDOM_LENGTH = 20;

    private SocketIdPrefix() {
    }

    /**
     * True when {@code name} has the shape of a socket id (20 random base64url characters, after a prefix or
     * not), so that it may be a socket's own id room, which no room directory lists.
     */
    public static boolean mayBeSocketId(String name) {
        if (name == null || name.length() != RANDOM_LENGTH && name.length() != LENGTH + RANDOM_LENGTH) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** The prefix for ids of sockets reached through {@code endpoint}; empty when there is no endpoint. */
    public static String of(String endpoint) {
        if (endpoint == null || endpoint.isEmpty()) {
            return "";
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(endpoint.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, LENGTH * 3 / 4));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
