package dev.skysocket.it;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One client connection through {@link AlbProxy}: its request head is read, routed and sent to a node, the body
 * and the answer are piped. A plain request closes both connections after its response (the response says
 * {@code Connection: close}); a websocket upgrade stays a two-way tunnel until either side closes.
 */
final class ProxiedExchange {
    private ProxiedExchange() {
    }

    static void serve(AlbProxy proxy, Socket client) {
        Socket backend = null;
        try (client) {
            client.setTcpNoDelay(true);
            InputStream fromClient = new BufferedInputStream(client.getInputStream());
            HttpHead request = HttpHead.read(fromClient);
            if (request == null) {
                return;
            }
            int node = proxy.choose(request);
            if (node < 0) {
                answer(client, "503 Service Unavailable");
                return;
            }
            proxy.count(request, node);
            boolean tunnel = request.isWebSocketUpgrade();
            backend = new Socket();
            try {
                backend.connect(new InetSocketAddress("127.0.0.1", proxy.port(node)), 2000);
            } catch (IOException refused) {
                answer(client, "502 Bad Gateway");
                return;
            }
            backend.setTcpNoDelay(true);
            OutputStream toBackend = backend.getOutputStream();
            toBackend.write((tunnel ? request : request.closingConnection()).bytes());
            toBackend.flush();
            Socket upstream = backend;
            Thread body = new Thread(() -> pipe(fromClient, upstream, true), "alb-upstream");
            body.setDaemon(true);
            body.start();

            InputStream fromBackend = new BufferedInputStream(backend.getInputStream());
            HttpHead response = HttpHead.read(fromBackend);
            if (response == null) {
                return;
            }
            proxy.learn(response, node);
            OutputStream toClient = client.getOutputStream();
            toClient.write((tunnel && response.status() == 101 ? response : response.closingConnection()).bytes());
            toClient.flush();
            pipe(fromBackend, client, false);
        } catch (IOException e) {
            // a side went away; both are closed below
        } finally {
            closeQuietly(backend);
        }
    }

    /** Copies until the end of {@code in}, then half-closes {@code out} so the other side sees the end too. */
    private static void pipe(InputStream in, Socket out, boolean halfClose) {
        byte[] buffer = new byte[16 * 1024];
        try {
            OutputStream sink = out.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                sink.write(buffer, 0, n);
                sink.flush();
            }
            if (halfClose) {
                out.shutdownOutput();
            }
        } catch (IOException e) {
            // the other direction notices and closes both
        }
    }

    private static void answer(Socket client, String status) throws IOException {
        client.getOutputStream().write(("HTTP/1.1 " + status + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        client.getOutputStream().flush();
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                // already gone
            }
        }
    }
}
