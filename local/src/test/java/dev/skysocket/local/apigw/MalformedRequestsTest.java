package dev.skysocket.local.apigw;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the emulator refuses before any route runs, as API Gateway's front end does: a broken query escape or
 * websocket key (400), headers never finished (408, then the connection is cut off); and a bad frame read together with a
 * good one still gets its 1002 close frame.
 */
class MalformedRequestsTest {

    private final RecordingIntegration integration = new RecordingIntegration();
    private ApiGatewayEmulator emulator;

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    private int start() {
        emulator = new ApiGatewayEmulator(EmulatorFixture.settings(), integration)
                .withHeaderTimeout(Duration.ofMillis(300));
        emulator.start();
        return emulator.port();
    }

    @ParameterizedTest
    @ValueSource(strings = {"not a key", "AAAAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAAA==AA", ""})
    void anUpgradeWithAnInvalidKeyIsAnswered400WithoutConnect(String key) throws Exception {
        int port = start();
        assertThat(status(port, upgrade("/dev", key))).startsWith("HTTP/1.1 400");
        assertThat(integration.calls("$connect")).isEmpty();
    }

    @Test
    void anUpgradeWithABrokenQueryEscapeIsAnswered400WithoutConnect() throws Exception {
        int port = start();
        assertThat(status(port, upgrade("/dev?token=%zz", validKey()))).startsWith("HTTP/1.1 400");
        assertThat(status(port, upgrade("/dev?token=%", validKey()))).startsWith("HTTP/1.1 400");
        assertThat(integration.calls("$connect")).isEmpty();
        assertThat(status(port, upgrade("/dev?token=%41", validKey()))).startsWith("HTTP/1.1 101");
    }

    @Test
    void aManagementRequestWithABrokenQueryEscapeIsAnswered400() throws Exception {
        int port = start();
        assertThat(status(port, "GET /dev/@connections/abc?x=%g1 HTTP/1.1\r\nHost: x")).startsWith("HTTP/1.1 400");
    }

    @Test
    void headersNeverFinishedAreAnswered408AndCutOff() throws Exception {
        int port = start();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000); // far past the bound: a connection still open fails the read
            socket.getOutputStream().write("GET /dev HTTP/1.1\r\nHost: 12".getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 408 Request Timeout\r\n");
            assertThat(answer.toLowerCase(java.util.Locale.ROOT)).contains("\r\nconnection: close\r\n");
        }
        assertThat(integration.calls("$connect")).isEmpty();
    }

    @Test
    void unfinishedHeadersSentWithTheRequestBeforeThemAreAnswered408() throws Exception {
        int port = start();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000); // far past the bound: a connection still open fails the read
            // One write: a whole request, then part of the next one's headers that never finish (pipelined).
            socket.getOutputStream().write(("GET /dev/@connections/abc HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /dev HTTP/1.1\r\nHost: 12").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 4")
                    .endsWith("HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
        }
        assertThat(integration.calls("$connect")).isEmpty();
    }

    @Test
    void aBadFrameReadTogetherWithAGoodOneStillGetsItsCloseFrame() throws Exception {
        start();
        TestClient canary = TestClient.connect(emulator.websocketUrl());
        try (RawWebSocket raw = RawWebSocket.connect(URI.create(emulator.websocketUrl()), Duration.ofSeconds(10))) {
            ByteArrayOutputStream both = new ByteArrayOutputStream();
            both.writeBytes(RawWebSocket.maskedFrame(0x81, "good".getBytes(StandardCharsets.UTF_8)));
            both.writeBytes(RawWebSocket.maskedFrame(0xC1, "rsv1".getBytes(StandardCharsets.UTF_8)));
            raw.sendRaw(both.toByteArray());

            assertThat(raw.awaitClose().status()).isEqualTo(1002);
        }
        canary.send("still here");
        await().atMost(Duration.ofSeconds(10)).until(() -> integration.calls("$default").stream()
                .anyMatch(call -> call.event().get("body").asText().equals("still here")));
    }

    @Test
    void aCloseStatusFrom5000IsAProtocolError() throws Exception {
        start();
        try (RawWebSocket raw = RawWebSocket.connect(URI.create(emulator.websocketUrl()), Duration.ofSeconds(10))) {
            raw.sendRaw(RawWebSocket.maskedFrame(0x88, new byte[] {(byte) (5000 >> 8), (byte) 5000}));
            assertThat(raw.awaitClose().status()).isEqualTo(1002);
        }
    }

    @Test
    void aCloseReasonEndingInsideAUtf8SequenceIsInvalidPayload() throws Exception {
        start();
        try (RawWebSocket raw = RawWebSocket.connect(URI.create(emulator.websocketUrl()), Duration.ofSeconds(10))) {
            raw.sendRaw(RawWebSocket.maskedFrame(0x88, new byte[] {(byte) (1000 >> 8), (byte) 1000, 'o', 'k',
                    (byte) 0xDD}));
            assertThat(raw.awaitClose().status()).isEqualTo(1007);
        }
    }

    private static String upgrade(String pathAndQuery, String key) {
        return "GET " + pathAndQuery + " HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " + key;
    }

    private static String validKey() {
        return Base64.getEncoder().encodeToString(new byte[16]);
    }

    /** Sends the head (no blank line) and returns the status line. */
    private static String status(int port, String head) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((head + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
                line.write(b);
            }
            return line.toString(StandardCharsets.US_ASCII).trim();
        }
    }
}
