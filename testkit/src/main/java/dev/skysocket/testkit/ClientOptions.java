package dev.skysocket.testkit;

import io.socket.client.IO;
import io.socket.engineio.client.transports.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocketListener;
import okio.ByteString;

/**
 * The Java socket.io-client's options for each path, set as an app's own Java client would need them.
 *
 * <p>API Gateway sends binary to the client as the text message {@code b<base64>} (Engine.IO v4 §packet encoding),
 * as do polling payloads; the fallback gateway's websocket sends binary frames to a client that did not ask for
 * base64. The Java client 2.1.2's websocket transport does not read {@code b<base64>} text (its polling transport
 * does): the OkHttp WebSocket it is given on either path hands each such message to it as the bytes it stands for,
 * and binary frames as they are.
 *
 * <p>API Gateway: websocket only, the stage as the path, and no binary frames (API Gateway refuses them). The Java
 * client has no {@code addTrailingSlash} and no {@code forceBase64}, so its WebSocket also strips the trailing
 * slash the client adds to the path, and sends each binary message as {@code b<base64>}, as {@code forceBase64}
 * would.
 *
 * <p>Fallback gateway: the client's defaults (polling, then the upgrade to websocket), with a cookie jar per
 * client, as a browser has: its polling session locks to its secret cookie ({@code skysocket.polling-secret}).
 */
final class ClientOptions {
    private static final OkHttpClient HTTP = new OkHttpClient();

    private ClientOptions() {
    }

    static IO.Options apiGateway(String stage, Map<String, ?> auth) {
        IO.Options options = IO.Options.builder()
                .setPath("/" + stage)
                .setTransports(new String[] {WebSocket.NAME})
                .setReconnection(false)
                .setForceNew(true)
                .build();
        options.auth = ClientArgs.auth(auth);
        options.webSocketFactory = (request, listener) -> new TextFramesOnly(HTTP.newWebSocket(
                request.newBuilder().url(withoutTrailingSlash(request.url())).build(), new Base64Decoding(listener)));
        return options;
    }

    static IO.Options fallback(String enginePath, Map<String, ?> auth) {
        IO.Options options = IO.Options.builder()
                .setPath(enginePath)
                .setReconnection(false)
                .setForceNew(true)
                .build();
        options.auth = ClientArgs.auth(auth);
        OkHttpClient http = HTTP.newBuilder().cookieJar(new SessionCookies()).build();
        options.callFactory = http;
        options.webSocketFactory = (request, listener) -> http.newWebSocket(request, new Base64Decoding(listener));
        return options;
    }

    private static HttpUrl withoutTrailingSlash(HttpUrl url) {
        String path = url.encodedPath();
        return path.length() > 1 && path.endsWith("/")
                ? url.newBuilder().encodedPath(path.substring(0, path.length() - 1)).build()
                : url;
    }

    /** Sends binary messages as base64 text frames; everything else goes to the real WebSocket. */
    private record TextFramesOnly(okhttp3.WebSocket socket) implements okhttp3.WebSocket {
        @Override
        public boolean send(ByteString bytes) {
            return socket.send("b" + bytes.base64());
        }

        @Override
        public Request request() {
            return socket.request();
        }

        @Override
        public long queueSize() {
            return socket.queueSize();
        }

        @Override
        public boolean send(String text) {
            return socket.send(text);
        }

        @Override
        public boolean close(int code, String reason) {
            return socket.close(code, reason);
        }

        @Override
        public void cancel() {
            socket.cancel();
        }
    }

    /** Turns each {@code b<base64>} text message into the binary message it encodes; passes the rest on. */
    private static final class Base64Decoding extends WebSocketListener {
        private final WebSocketListener client;

        Base64Decoding(WebSocketListener client) {
            this.client = client;
        }

        @Override
        public void onOpen(okhttp3.WebSocket socket, Response response) {
            client.onOpen(socket, response);
        }

        @Override
        public void onMessage(okhttp3.WebSocket socket, String text) {
            // Other Engine.IO text packets start with their type digit; only a base64 message starts with 'b'.
            ByteString bytes = text.startsWith("b") ? ByteString.decodeBase64(text.substring(1)) : null;
            if (bytes != null) {
                client.onMessage(socket, bytes);
            } else {
                client.onMessage(socket, text);
            }
        }

        @Override
        public void onMessage(okhttp3.WebSocket socket, ByteString bytes) {
            client.onMessage(socket, bytes);
        }

        @Override
        public void onClosing(okhttp3.WebSocket socket, int code, String reason) {
            client.onClosing(socket, code, reason);
        }

        @Override
        public void onClosed(okhttp3.WebSocket socket, int code, String reason) {
            client.onClosed(socket, code, reason);
        }

        @Override
        public void onFailure(okhttp3.WebSocket socket, Throwable failure, Response response) {
            client.onFailure(socket, failure, response);
        }
    }

    /** One client's cookies: kept for the session, sent back to the host that set them, like a browser's. */
    private static final class SessionCookies implements CookieJar {
        private final List<Cookie> cookies = new ArrayList<>();

        @Override
        public synchronized void saveFromResponse(HttpUrl url, List<Cookie> received) {
            for (Cookie cookie : received) {
                cookies.removeIf(kept -> kept.name().equals(cookie.name()) && kept.domain().equals(cookie.domain())
                        && kept.path().equals(cookie.path()));
                cookies.add(cookie);
            }
        }

        @Override
        public synchronized List<Cookie> loadForRequest(HttpUrl url) {
            return cookies.stream().filter(cookie -> cookie.matches(url)).toList();
        }
    }
}
