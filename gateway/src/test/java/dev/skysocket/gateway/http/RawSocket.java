package dev.skysocket.gateway.http;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A websocket client on a plain socket, so tests can read the raw 101 answer with all its headers. */
final class RawSocket implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    final String responseHead;

    private RawSocket(Socket socket, String responseHead, DataInputStream in) throws IOException {
        this.socket = socket;
        this.responseHead = responseHead;
        this.in = in;
        this.out = socket.getOutputStream();
    }

    static RawSocket open(int port, String pathAndQuery, String cookie) throws IOException {
        return open(port, pathAndQuery, cookie, "");
    }

    /** {@code extraHeaders}: whole header lines, each ending in CRLF (e.g. an ALB's X-Forwarded-Proto). */
    static RawSocket open(int port, String pathAndQuery, String cookie, String extraHeaders) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(10_000);
        String request = "GET " + pathAndQuery + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(new byte[16]) + "\r\n"
                + (cookie == null ? "" : "Cookie: " + cookie + "\r\n") + extraHeaders + "\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        DataInputStream in = new DataInputStream(socket.getInputStream());
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return new RawSocket(socket, head.toString(StandardCharsets.US_ASCII), in);
    }

    void sendText(String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x81);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else {
            frame.write(0x80 | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length & 0xff);
        }
        byte[] mask = {1, 2, 3, 4};
        frame.write(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    /** The body of a refusal (not a 101): as many bytes as its Content-Length says. */
    String readBody() throws IOException {
        java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?im)^content-length:\\s*(\\d+)")
                .matcher(responseHead);
        if (!length.find()) {
            return "";
        }
        byte[] body = new byte[Integer.parseInt(length.group(1))];
        in.readFully(body);
        return new String(body, StandardCharsets.UTF_8);
    }

    /** One frame read whole: its opcode (1 text, 2 binary, 8 close) and payload. */
    record Frame(int opcode, byte[] payload) {
    }

    /** The next text frame's payload; "<close>" for a close frame. */
    String readText() throws IOException {
        Frame frame = readFrame();
        return frame.opcode() == 0x8 ? "<close>" : new String(frame.payload(), StandardCharsets.UTF_8);
    }

    Frame readFrame() throws IOException {
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
        return new Frame(first & 0x0f, payload);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
