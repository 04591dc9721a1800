package dev.skysocket.gateway.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** HTTP written by hand, for requests no client library sends: broken escapes, bad keys, headers never finished. */
public final class RawHttp {
    /** Far past any header timeout a test configures: a read that waits this long fails the test. */
    private static final int READ_TIMEOUT_MS = 10_000;

    private RawHttp() {
    }

    /** Sends {@code head} (the request line and headers, without the blank line) and returns the status line. */
    public static String statusOf(int port, String head) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(READ_TIMEOUT_MS);
            socket.getOutputStream().write((head + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                line.write(b);
            }
            return line.toString(StandardCharsets.US_ASCII).trim();
        }
    }

    /** A GET with an upgrade to websocket and this key (none when null). */
    public static String upgrade(String pathAndQuery, int port, String key) {
        return "GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13"
                + (key == null ? "" : "\r\nSec-WebSocket-Key: " + key);
    }

    /** A valid key: base64 of 16 bytes. */
    public static String validKey() {
        return Base64.getEncoder().encodeToString(new byte[16]);
    }

    /** Keys RFC 6455 §4.2.1 refuses: not base64, or base64 of other than 16 bytes. */
    public static String[] invalidKeys() {
        return new String[] {"not a key", Base64.getEncoder().encodeToString(new byte[15]),
                Base64.getEncoder().encodeToString(new byte[17]), "!!!!!!!!!!!!!!!!!!!!!!==", ""};
    }

    /**
     * Opens a connection, sends part of a request's headers and never the rest; true when the server closes it
     * (end of stream, after whatever it answered, or reset) before the read timeout.
     */
    public static boolean unfinishedHeadersAreCutOff(int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(READ_TIMEOUT_MS);
            return cutOffAfter(socket, PARTIAL_HEAD);
        }
    }

    /**
     * On one kept-alive connection: a complete request (answered), then part of a second request's headers and never
     * the rest; true when the server closes the connection before the read timeout.
     */
    public static boolean unfinishedSecondHeadersAreCutOff(int port, String firstPath) throws IOException {
        try (KeptAlive connection = new KeptAlive(port)) {
            if (!connection.get(firstPath).startsWith("HTTP/1.1 ")) {
                return false;
            }
            return cutOffAfter(connection.socket, PARTIAL_HEAD);
        }
    }

    /**
     * Opens a connection, sends part of a request's headers and never the rest; returns all the server wrote before
     * it closed the connection (empty when it wrote nothing). A connection still open after the read timeout fails.
     */
    public static String answerToUnfinishedHeaders(int port) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(READ_TIMEOUT_MS);
            socket.getOutputStream().write(PARTIAL_HEAD.getBytes(StandardCharsets.US_ASCII));
            return untilClosed(socket.getInputStream());
        }
    }

    /** As {@link #answerToUnfinishedHeaders(int)}, for the second request's headers on a kept-alive connection. */
    public static String answerToUnfinishedSecondHeaders(int port, String firstPath) throws IOException {
        try (KeptAlive connection = new KeptAlive(port)) {
            connection.get(firstPath);
            connection.socket.getOutputStream().write(PARTIAL_HEAD.getBytes(StandardCharsets.US_ASCII));
            return untilClosed(connection.socket.getInputStream());
        }
    }

    /**
     * One write holding a complete {@code GET firstPath} and part of a second request's headers (pipelined), never
     * the rest; returns all the server wrote before it closed the connection. A connection still open after the read
     * timeout fails.
     */
    public static String answerToPipelinedUnfinishedHeaders(int port, String firstPath) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(READ_TIMEOUT_MS);
            socket.getOutputStream().write(("GET " + firstPath + " HTTP/1.1\r\nHost: x\r\n\r\n" + PARTIAL_HEAD)
                    .getBytes(StandardCharsets.US_ASCII));
            return untilClosed(socket.getInputStream());
        }
    }

    /** Everything read until end of stream; a read timeout propagates (the connection was not closed). */
    public static String untilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] chunk = new byte[512];
        for (int n = in.read(chunk); n >= 0 && all.size() < 65_536; n = in.read(chunk)) {
            all.write(chunk, 0, n);
        }
        return all.toString(StandardCharsets.US_ASCII);
    }

    private static final String PARTIAL_HEAD = "GET /socket.io/?EIO=4&transport=polling HTTP/1.1\r\nHost: 12";

    private static boolean cutOffAfter(Socket socket, String partial) throws IOException {
        socket.getOutputStream().write(partial.getBytes(StandardCharsets.US_ASCII));
        try {
            untilClosed(socket.getInputStream()); // a 408, then the end of the stream
            return true;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /** One kept-alive HTTP/1.1 connection sending bodiless GETs and reading whole answers (Content-Length only). */
    public static final class KeptAlive implements AutoCloseable {
        private final Socket socket;

        public KeptAlive(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(READ_TIMEOUT_MS);
        }

        /** The status line of the answer to {@code GET path}; the body is read and dropped. */
        public String get(String path) throws IOException {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            String status = line(in);
            long length = 0;
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                if (header.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                    length = Long.parseLong(header.substring(15).trim());
                }
            }
            in.readNBytes((int) length);
            return status;
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                line.write(b);
            }
            return line.toString(StandardCharsets.US_ASCII).trim();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
