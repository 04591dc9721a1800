package dev.skysocket.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The start line and header fields of one HTTP/1.1 message (RFC 9112 §2.1), read off a stream up to the blank
 * line and nothing further, so the body is still on the stream to be piped as it is.
 */
final class HttpHead {
    private static final int MAX_BYTES = 64 * 1024;

    private final String startLine;
    private final List<String[]> fields;

    private HttpHead(String startLine, List<String[]> fields) {
        this.startLine = startLine;
        this.fields = fields;
    }

    /** The next head on {@code in}, or null when the stream ends before one starts. */
    static HttpHead read(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                if (bytes.size() == 0) {
                    return null;
                }
                throw new IOException("stream ended inside an HTTP head");
            }
            bytes.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (bytes.size() > MAX_BYTES) {
                throw new IOException("HTTP head over " + MAX_BYTES + " bytes");
            }
        }
        String[] lines = bytes.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        List<String[]> fields = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                fields.add(new String[] {lines[i].substring(0, colon).trim(), lines[i].substring(colon + 1).trim()});
            }
        }
        return new HttpHead(lines[0], fields);
    }

    String startLine() {
        return startLine;
    }

    /** The request target of a request head ({@code GET /socket.io/?EIO=4 HTTP/1.1}). */
    String target() {
        String[] parts = startLine.split(" ");
        return parts.length > 1 ? parts[1] : "";
    }

    /** The status code of a response head. */
    int status() {
        String[] parts = startLine.split(" ");
        return parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
    }

    /** Every value of a field, in order (names compare without case). */
    List<String> values(String name) {
        List<String> values = new ArrayList<>();
        for (String[] field : fields) {
            if (field[0].equalsIgnoreCase(name)) {
                values.add(field[1]);
            }
        }
        return values;
    }

    String value(String name) {
        List<String> values = values(name);
        return values.isEmpty() ? null : values.get(0);
    }

    /** The value of cookie {@code name} in the Cookie fields, or null. */
    String cookie(String name) {
        for (String header : values("Cookie")) {
            for (String pair : header.split(";")) {
                String[] kv = pair.trim().split("=", 2);
                if (kv.length == 2 && kv[0].equals(name)) {
                    return kv[1];
                }
            }
        }
        return null;
    }

    /** A query parameter of the request target, or null. */
    String query(String name) {
        String target = target();
        int q = target.indexOf('?');
        if (q < 0) {
            return null;
        }
        for (String pair : target.substring(q + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals(name)) {
                return kv.length == 2 ? kv[1] : "";
            }
        }
        return null;
    }

    boolean isWebSocketUpgrade() {
        String upgrade = value("Upgrade");
        return upgrade != null && upgrade.toLowerCase(Locale.ROOT).contains("websocket");
    }

    /** This head with the connection closed after one exchange (no keep-alive across two routing decisions). */
    HttpHead closingConnection() {
        List<String[]> kept = new ArrayList<>();
        for (String[] field : fields) {
            if (!field[0].equalsIgnoreCase("Connection") && !field[0].equalsIgnoreCase("Keep-Alive")) {
                kept.add(field);
            }
        }
        kept.add(new String[] {"Connection", "close"});
        return new HttpHead(startLine, kept);
    }

    byte[] bytes() {
        StringBuilder text = new StringBuilder(startLine).append("\r\n");
        for (String[] field : fields) {
            text.append(field[0]).append(": ").append(field[1]).append("\r\n");
        }
        return text.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
