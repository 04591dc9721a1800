package dev.skysocket.local.apigw;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

/**
 * A minimal RFC 6455 client over a plain socket, for the cases the JDK client cannot produce: the JDK client splits
 * every outgoing message into frames of at most 16 KB, so a single frame over 32 KB needs writing by hand.
 */
final class RawWebSocket implements AutoCloseable {

    /** What the server sent when it ended the connection: a close frame's status, or -1 when none arrived. */
    record Closed(int status, String reason) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final String statusLine;

    private RawWebSocket(Socket socket, DataInputStream in, OutputStream out, String statusLine) {
        this.socket = socket;
        this.in = in;
        this.out = out;
        this.statusLine = statusLine;
    }

    static RawWebSocket connect(URI uri, Duration readTimeout) throws IOException {
        Socket socket = new Socket(uri.getHost(), uri.getPort());
        socket.setSoTimeout((int) readTimeout.toMillis());
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        String request = "GET " + path + " HTTP/1.1\r\n"
                + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        OutputStream out = socket.getOutputStream();
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        DataInputStream in = new DataInputStream(socket.getInputStream());
        String statusLine = readLine(in);
        String line;
        do {
            line = readLine(in);
        } while (!line.isEmpty());
        return new RawWebSocket(socket, in, out, statusLine);
    }

    String statusLine() {
        return statusLine;
    }

    /** Sends one masked frame with the given opcode (1 text, 2 binary, 0 continuation). */
    void sendFrame(int opcode, boolean fin, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write((fin ? 0x80 : 0) | opcode);
        int length = payload.length;
        if (length < 126) {
            frame.write(0x80 | length);
        } else if (length <= 0xFFFF) {
            frame.write(0x80 | 126);
            frame.write(length >>> 8);
            frame.write(length & 0xFF);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) (((long) length >>> shift) & 0xFF));
            }
        }
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        frame.write(mask);
        for (int i = 0; i < length; i++) {
            frame.write(payload[i] ^ mask[i & 3]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    /** Writes bytes as they are, in one write: several hand-built frames reach the server in one read. */
    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** One masked frame with this first byte (FIN, RSV bits and opcode) and a payload under 126 bytes. */
    static byte[] maskedFrame(int firstByte, byte[] payload) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(firstByte);
        frame.write(0x80 | payload.length);
        byte[] mask = {9, 8, 7, 6};
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i & 3]);
        }
        return frame.toByteArray();
    }

    /** Reads frames until a close frame or the end of the stream; data frames are skipped. */
    Closed awaitClose() throws IOException {
        while (true) {
            Frame frame;
            try {
                frame = readFrame();
            } catch (IOException e) {
                return new Closed(-1, "read failed: " + e.getMessage());
            }
            if (frame == null) {
                return new Closed(-1, "end of stream");
            }
            if (frame.opcode() == 8) {
                byte[] payload = frame.payload();
                if (payload.length < 2) {
                    return new Closed(1005, "");
                }
                int status = ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
                return new Closed(status, new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8));
            }
        }
    }

    /** One frame as it arrived from the server (servers do not mask). */
    record Frame(int opcode, boolean fin, byte[] payload) {
    }

    /** The next frame, or null at the end of the stream. */
    Frame readFrame() throws IOException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        int second = in.readUnsignedByte();
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        return new Frame(first & 0x0F, (first & 0x80) != 0, in.readNBytes((int) length));
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
