package dev.skysocket.it;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
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
 * A WebSocket written by hand over a TCP socket (RFC 6455), for the one thing java.net.http cannot do: send a
 * single frame of any size (the JDK client splits large messages into frames the server must accept).
 */
final class RawFrameSocket implements AutoCloseable {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int OPCODE_TEXT = 1;
    private static final int OPCODE_CLOSE = 8;
    /** Close code recorded when the connection ended without a Close frame. */
    static final int NO_CLOSE_FRAME = -1;

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawFrameSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Upgrades {@code <ws-url><path>?EIO=4&transport=websocket&b64=1}; fails unless the answer is 101. */
    static RawFrameSocket connect(String websocketUrl, String path, Duration readTimeout) throws IOException {
        URI uri = URI.create(websocketUrl);
        Socket tcp = new Socket(uri.getHost(), uri.getPort());
        tcp.setSoTimeout((int) readTimeout.toMillis());
        RawFrameSocket raw = new RawFrameSocket(tcp);
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String request = "GET " + path + "?EIO=4&transport=websocket&b64=1 HTTP/1.1\r\n"
                + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
        raw.out.write(request.getBytes(StandardCharsets.US_ASCII));
        raw.out.flush();
        String status = raw.readLine();
        while (!raw.readLine().isEmpty()) {
            // headers: not needed
        }
        if (!status.contains(" 101 ")) {
            raw.close();
            throw new IOException("upgrade refused: " + status);
        }
        return raw;
    }

    /** Sends one complete, masked text frame whatever its size. */
    void sendTextFrame(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write(0x80 | OPCODE_TEXT);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            frame.write(0x80 | 126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xFF);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >>> shift) & 0xFF);
            }
        }
        byte[] mask = new byte[4];
        RANDOM.nextBytes(mask);
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i & 3]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    /** The payload of the next text frame (server frames are unmasked and, here, never fragmented). */
    String readText() throws IOException {
        while (true) {
            Frame frame = readFrame();
            if (frame.opcode() == OPCODE_TEXT) {
                return new String(frame.payload(), StandardCharsets.UTF_8);
            }
            if (frame.opcode() == OPCODE_CLOSE) {
                throw new IOException("closed with " + closeCode(frame) + " while a text frame was expected");
            }
        }
    }

    /** Reads until the server's Close frame and returns its code, or {@link #NO_CLOSE_FRAME}. */
    int awaitCloseCode() throws IOException {
        try {
            while (true) {
                Frame frame = readFrame();
                if (frame.opcode() == OPCODE_CLOSE) {
                    return closeCode(frame);
                }
            }
        } catch (EOFException | java.net.SocketException e) {
            return NO_CLOSE_FRAME;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private record Frame(int opcode, byte[] payload) {
    }

    private Frame readFrame() throws IOException {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] mask = (second & 0x80) != 0 ? in.readNBytes(4) : null;
        byte[] payload = in.readNBytes((int) length);
        if (payload.length < length) {
            throw new EOFException("frame cut short");
        }
        if (mask != null) {
            for (int i = 0; i < payload.length; i++) {
                payload[i] ^= mask[i & 3];
            }
        }
        return new Frame(first & 0x0F, payload);
    }

    private static int closeCode(Frame frame) {
        byte[] p = frame.payload();
        return p.length >= 2 ? ((p[0] & 0xFF) << 8) | (p[1] & 0xFF) : 1005;
    }

    private String readLine() throws IOException {
        InputStream stream = in;
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = stream.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
