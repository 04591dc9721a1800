package dev.skysocket.gateway.http;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Engine.IO query ({@code EIO}, {@code transport}, {@code sid}, {@code t}, {@code b64}, ...) as every Engine.IO
 * route reads it: decoded as Vert.x decodes a request's parameters (UTF-8, '+' as space, '&' and ';' between
 * parameters, at most {@value #MAX_PARAMETERS} of them), one value per name. A broken percent-escape is refused
 * with {@link MalformedQueryException}, the same rule {@link MalformedRequests} answers 400 for, so the decoder
 * never meets one. Pure, so a fuzz target can drive it.
 */
public final class HandshakeQuery {
    /** The bound Vert.x's decoder applies too: parameters past it are dropped, not decoded. */
    public static final int MAX_PARAMETERS = 1024;

    private HandshakeQuery() {
    }

    /** A query with a {@code %} not followed by two hex digits; the message never repeats the query. */
    public static final class MalformedQueryException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        MalformedQueryException() {
            super("broken percent-escape in the query");
        }
    }

    /**
     * The parameters of {@code rawQuery} (the part after '?', undecoded; null or empty for none). A repeated name
     * keeps its first value, so a second cannot smuggle another; names are case-sensitive.
     */
    public static Map<String, String> parse(String rawQuery) {
        Map<String, String> query = new HashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        if (MalformedRequests.badQueryEscape(rawQuery)) {
            throw new MalformedQueryException();
        }
        Map<String, List<String>> decoded = new QueryStringDecoder(rawQuery, StandardCharsets.UTF_8, false,
                MAX_PARAMETERS, false).parameters();
        decoded.forEach((name, values) -> query.put(name, values.get(0)));
        return query;
    }
}
