package dev.skysocket.fanout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP/1.1 server that answers each request with the next scripted answer, byte for byte, so a test can
 * send what no well-behaved server would: garbage, a cut-off body, an early close, unsolicited bytes.
 */
final class ScriptedHttpServer implements AutoCloseable {
    /** @param bytes written as they are; @param closeAfter close the connection once they are written */
    record Answer(byte[] bytes, boolean closeAfter) {
        static Answer of(String text, boolean closeAfter) {
            return new Answer(text.getBytes(StandardCharsets.ISO_8859_1), closeAfter);
        }

        static Answer ok() {
            return of("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n", false);
        }
    }

    private final ServerSocket server;
    private final BlockingQueue<Answer> script = new LinkedBlockingQueue<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger requests = new AtomicInteger();
    private final Thread acceptor;

    ScriptedHttpServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::accept, "scripted-http");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/dev";
    }

    void then(Answer answer) {
        script.add(answer);
    }

    int connections() {
        return connections.get();
    }

    int requests() {
        return requests.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                connections.incrementAndGet();
                Thread serve = new Thread(() -> serve(socket), "scripted-http-connection");
                serve.setDaemon(true);
                serve.start();
            } catch (IOException e) {
                return;  // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            while (readRequest(in)) {
                requests.incrementAndGet();
                Answer answer = script.poll(10, TimeUnit.SECONDS);
                if (answer == null) {
                    return;
                }
                out.write(answer.bytes());
                out.flush();
                if (answer.closeAfter()) {
                    return;
                }
            }
        } catch (IOException | InterruptedException e) {
            // The client went away; nothing to answer.
        }
    }

    /** Reads one request's head and its Content-Length body; false at the end of the stream. */
    private static boolean readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            head.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
        }
        int length = 0;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return in.readNBytes(length).length == length;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
