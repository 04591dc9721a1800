package dev.skysocket.it;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * A WebSocket client written on a plain or TLS socket (RFC 6455) that shows the wire as it is: the opcode and
 * number of frames of every server message, and any frame sequence the test chooses to send (one oversized frame,
 * a message in fragments, a binary frame). It reaches a {@code ws://} local stack and a {@code wss://} stage alike.
 * Not thread-safe: one test thread drives it.
 */
final class WireClient implements AutoCloseable {
    static final int TEXT = 1;
    static final int BINARY = 2;
    static final int CONTINUATION = 0;
    private static final int CLOSE = 8;
    private static final int PING = 9;
    private static final int PONG = 10;
    /** Close code recorded when the connection ended without a Close frame. */
    static final int NO_CLOSE_FRAME = -1;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One server message: the opcode of its first frame, how many frames carried it, its bytes. */
    record Message(int opcode, int frames, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        String opcodeName() {
            return opcode == TEXT ? "text" : opcode == BINARY ? "binary" : "opcode " + opcode;
        }
    }

    /** Thrown by {@link #readMessage} when the server closed; carries its close code. */
    static final class Closed extends IOException {
        final int code;

        Closed(int code) {
            super("closed with " + code);
            this.code = code;
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private long lastSentNanos = System.nanoTime();

    private WireClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Upgrades {@code <url><path>?EIO=4&transport=websocket&b64=1} over TCP or TLS; fails unless answered 101. */
    static WireClient connect(String websocketUrl, String path) throws IOException {
        URI uri = URI.create(websocketUrl);
        boolean tls = "wss".equals(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        Socket tcp;
        if (tls) {
            SSLSocket secure = (SSLSocket) SSLSocketFactory.getDefault().createSocket(uri.getHost(), port);
            SSLParameters parameters = secure.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");  // check the certificate names the host
            secure.setSSLParameters(parameters);
            tcp = secure;
        } else {
            tcp = new Socket(uri.getHost(), port);
        }
        tcp.setSoTimeout((int) RawClient.WAIT.toMillis());
        WireClient client = new WireClient(tcp);
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String host = uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
        String request = "GET " + path + "?EIO=4&transport=websocket&b64=1 HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\nUser-Agent: skysocket-aws-facts\r\n\r\n";
        client.out.write(request.getBytes(StandardCharsets.US_ASCII));
        client.out.flush();
        String status = client.readLine();
        while (!client.readLine().isEmpty()) {
            // headers: not needed
        }
        if (!status.contains(" 101 ")) {
            client.close();
            throw new IOException("upgrade refused: " + status);
        }
        return client;
    }

    /**
     * The Engine.IO open packet (which the server posts after the upgrade), then CONNECT to "/" and its answer.
     * Returns both messages so a test can look at how they came.
     */
    Message[] handshake() throws IOException {
        Message open = readMessage();
        if (!open.text().startsWith("0{")) {
            throw new IOException("expected the open packet, got " + open.opcodeName() + " " + open.text());
        }
        sendText("40");
        Message connect = readData();
        if (!connect.text().startsWith("40{")) {
            throw new IOException("expected the CONNECT reply, got " + connect.opcodeName() + " " + connect.text());
        }
        return new Message[] {open, connect};
    }

    void sendText(String text) throws IOException {
        sendFrame(TEXT, true, text.getBytes(StandardCharsets.UTF_8));
    }

    /** One masked frame of any opcode, size and FIN bit. */
    void sendFrame(int opcode, boolean fin, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write((fin ? 0x80 : 0) | opcode);
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
        lastSentNanos = System.nanoTime();
    }

    /**
     * Sends what may make the server close: a write refused because the server already closed (and reset) is not
     * an error here, since the close code is what the caller reads next.
     */
    void sendExpectingClose(IoAction send) throws IOException {
        try {
            send.run();
        } catch (SocketException | javax.net.ssl.SSLException closedFirst) {
            // the server closed before the last byte went out: its close frame is still to be read
        }
    }

    interface IoAction {
        void run() throws IOException;
    }

    /** One text message sent as {@code parts} frames: a text frame, then continuations, the last with FIN. */
    void sendFragmented(byte[] message, int parts) throws IOException {
        int size = (message.length + parts - 1) / parts;
        for (int i = 0; i < parts; i++) {
            int from = Math.min(message.length, i * size);
            int to = Math.min(message.length, from + size);
            byte[] chunk = java.util.Arrays.copyOfRange(message, from, to);
            sendFrame(i == 0 ? TEXT : CONTINUATION, i == parts - 1, chunk);
        }
    }

    /** Closes as a browser does (Close frame, 1000) and returns the code of the server's answering Close. */
    Integer closeNormally() throws IOException {
        sendExpectingClose(() -> sendFrame(CLOSE, true, new byte[] {0x03, (byte) 0xE8}));
        return awaitClose(RawClient.WAIT);
    }

    /** When this client last sent a data frame: the start of an idle period. */
    long lastSentNanos() {
        return lastSentNanos;
    }

    /** The next data message within {@link RawClient#WAIT}; a server close throws {@link Closed}. */
    Message readMessage() throws IOException {
        return readMessage(RawClient.WAIT);
    }

    Message readMessage(Duration timeout) throws IOException {
        socket.setSoTimeout((int) Math.max(1, timeout.toMillis()));
        try {
            int opcode = -1;
            int frames = 0;
            ByteArrayOutputStream payload = new ByteArrayOutputStream();
            while (true) {
                int first = in.readUnsignedByte();
                byte[] data = readPayload();
                int op = first & 0x0F;
                if (op == CLOSE) {
                    throw new Closed(data.length >= 2 ? ((data[0] & 0xFF) << 8) | (data[1] & 0xFF) : 1005);
                } else if (op == PING) {
                    sendFrame(PONG, true, data);
                    continue;
                } else if (op == PONG) {
                    continue;
                }
                if (frames == 0) {
                    opcode = op;
                }
                frames++;
                payload.write(data);
                if ((first & 0x80) != 0) {
                    return new Message(opcode, frames, payload.toByteArray());
                }
            }
        } catch (EOFException | SocketException | javax.net.ssl.SSLException e) {
            // the transport ended without a Close frame
            throw new Closed(NO_CLOSE_FRAME);
        }
    }

    /** The next message that is not an Engine.IO ping; pings met on the way are answered with a pong. */
    Message readData() throws IOException {
        while (true) {
            Message message = readMessage();
            if (!"2".equals(message.text())) {
                return message;
            }
            sendText("3");
        }
    }

    /** How a held connection ended: the server's close code (null: still open) and the Engine.IO pings seen. */
    record Hold(Integer closeCode, int pings) {
    }

    /**
     * Reads for up to {@code span}, answering Engine.IO pings with pongs when {@code answerPings}; ends early when
     * the server closes.
     */
    Hold holdOpen(Duration span, boolean answerPings) throws IOException {
        long end = System.nanoTime() + span.toNanos();
        int pings = 0;
        while (true) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return new Hold(null, pings);
            }
            try {
                Message message = readMessage(Duration.ofNanos(left));
                if ("2".equals(message.text())) {
                    pings++;
                    if (answerPings) {
                        sendText("3");
                    }
                }
            } catch (Closed closed) {
                return new Hold(closed.code, pings);
            } catch (SocketTimeoutException stillOpen) {
                return new Hold(null, pings);
            }
        }
    }

    /** Reads until the server closes within {@code limit}: its close code, or null when still open. */
    Integer awaitClose(Duration limit) throws IOException {
        return holdOpen(limit, false).closeCode();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private byte[] readPayload() throws IOException {
        int second = in.readUnsignedByte();
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        if (length > 16L * 1024 * 1024) {
            throw new IOException("frame of " + length + " bytes: refused");
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
        return payload;
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }
}
