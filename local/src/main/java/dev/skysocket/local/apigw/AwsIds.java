package dev.skysocket.local.apigw;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Identifiers shaped like API Gateway's: connection, request and message ids are the standard base64 of 11 random
 * bytes (16 characters ending in '=', e.g. {@code L0SM9cOFvHcCIhw=}). The standard alphabet can produce '+' and '/',
 * which the SDK percent-encodes in {@code @connections} paths, so callers meet every character they must escape.
 */
final class AwsIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private AwsIds() {
    }

    static String newId() {
        byte[] bytes = new byte[11];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** An X-Ray style trace header value: {@code Root=1-<8 hex seconds>-<24 hex random>}. */
    static String newTraceId(long epochMillis) {
        StringBuilder trace = new StringBuilder("Root=1-").append(Long.toHexString(epochMillis / 1000)).append('-');
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        for (byte b : bytes) {
            trace.append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
        }
        return trace.toString();
    }
}
