package dev.skysocket.runtime;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Keeps a handshake's headers and query small enough for one connection item (DynamoDB's 400 KB item limit):
 * a bounded number of entries, each value cut to a bounded length. Every path that stores a handshake uses it.
 */
public final class HandshakeFields {
    static final int MAX_ENTRIES = 48;
    static final int MAX_VALUE_CHARS = 2048;

    private HandshakeFields() {
    }

    public static Map<String, String> bounded(Map<String, String> in, boolean lowerCaseNames) {
        Map<String, String> out = new LinkedHashMap<>();
        if (in == null) {
            return out;
        }
        for (var entry : in.entrySet()) {
            if (out.size() == MAX_ENTRIES || entry.getKey() == null || entry.getValue() == null) {
                continue;
            }
            String name = lowerCaseNames ? entry.getKey().toLowerCase(Locale.ROOT) : entry.getKey();
            String value = entry.getValue();
            out.put(name, value.length() > MAX_VALUE_CHARS ? value.substring(0, MAX_VALUE_CHARS) : value);
        }
        return out;
    }
}
