package dev.skysocket.gateway.bench.open;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One raw RFC 6455 upgrade over a plain socket, timed with {@link System#nanoTime()}: when the request was sent,
 * when the 101's header block ended, and when the first server frame was read in full. A plain socket, because a
 * WebSocket library's own threads and buffering would sit between the wire and the timestamps.
 */
final class TimedUpgrade {

    /** Nanosecond timestamps of one connection; {@code firstFrame} is the first text frame's payload. */
    record Timing(long sentNanos, long upgradedNanos, long firstFrameNanos, String status, String firstFrame) {
        double upgradeMillis() {
            return (upgradedNanos - sentNanos) / 1e6;
        }

        double openAfter101Millis() {
            return (firstFrameNanos - upgradedNanos) / 1e6;
        }
    }

    private TimedUpgrade() {
    }

    /** Upgrades, waits for the first frame, then drops the TCP connection (the emulator reports 1006). */
    static Timing run(URI uri, int readTimeoutMillis) throws IOException {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(readTimeoutMillis);
            byte[] nonce = new byte[16];
            ThreadLocalRandom.current().nextBytes(nonce);
            String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            String request = "GET " + path + " HTTP/1.1\r\n"
                    + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            long sent = System.nanoTime();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = readLine(in);
            while (!readLine(in).isEmpty()) {
                // the rest of the 101's headers
            }
            long upgraded = System.nanoTime();
            if (!status.contains(" 101 ")) {
                return new Timing(sent, upgraded, upgraded, status, null);
            }
            String frame = readTextFrame(in);
            return new Timing(sent, upgraded, System.nanoTime(), status, frame);
        }
    }

    /** Reads one unmasked, unfragmented server frame; the open packet is small and always one frame. */
    private static String readTextFrame(DataInputStream in) throws IOException {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long length = second & 0x7f;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        int opcode = first & 0x0f;
        return opcode == 1 ? new String(payload, StandardCharsets.UTF_8) : "<opcode " + opcode + ">";
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        if (c == -1 && line.length() == 0) {
            throw new IOException("connection closed during the upgrade");
        }
        return line.toString();
    }
}
