package dev.skysocket.server;

import dev.skysocket.store.SocketIdPrefix;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Socket ids like Socket.IO's, 20 URL-safe characters from 15 random bytes, after the prefix of the endpoint that
 * reaches the connection ({@link SocketIdPrefix}): 32 characters in all.
 */
final class SocketIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SocketIds() {
    }

    static String next(String endpoint) {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return SocketIdPrefix.of(endpoint) + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
