package dev.skysocket.api.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What an authorizer sees of a {@code $connect}: no AWS types, so the Lambda authorizer and the local emulator
 * hand over the same thing. Both maps are bounded (entries and value length) because they come straight from
 * the client; entries with a null name or value are dropped.
 *
 * @param query    query-string parameters (the token travels here: browsers cannot set WebSocket headers)
 * @param headers  request headers, names in lower case (first one wins when two differ only in case)
 * @param sourceIp the client's address as API Gateway or the emulator saw it, or null
 */
public record ConnectRequest(Map<String, String> query, Map<String, String> headers, String sourceIp) {
    /** More entries than this are ignored: an upgrade request has a few dozen at most. */
    public static final int MAX_ENTRIES = 64;
    /** Longer values are cut here: past any token cap, so an oversize token is still seen as one. */
    public static final int MAX_VALUE_CHARS = 16 * 1024;

    public ConnectRequest {
        query = bounded(query, false);
        headers = bounded(headers, true);
    }

    /** The query parameter {@code name}, if present. */
    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(query.get(name));
    }

    /** The header {@code name} (any case), if present. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    private static Map<String, String> bounded(Map<String, String> in, boolean lowerCaseNames) {
        Map<String, String> out = new LinkedHashMap<>();
        if (in != null) {
            for (var entry : in.entrySet()) {
                if (out.size() == MAX_ENTRIES) {
                    break;
                }
                String name = entry.getKey();
                String value = entry.getValue();
                if (name == null || value == null) {
                    continue;
                }
                name = lowerCaseNames ? name.toLowerCase(Locale.ROOT) : name;
                out.putIfAbsent(name, value.length() > MAX_VALUE_CHARS ? value.substring(0, MAX_VALUE_CHARS) : value);
            }
        }
        return Collections.unmodifiableMap(out);
    }
}
