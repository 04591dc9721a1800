package dev.skysocket.server;

import java.security.SecureRandom;
import java.util.Base64;

/** Socket ids like Socket.IO's: 20 URL-safe characters from 15 random bytes. */
final class SocketIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private SocketIds() {
    }

    static String next() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
