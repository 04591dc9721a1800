package dev.skysocket.local.apigw;

import dev.skysocket.gateway.http.MessageAssembly;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

import static dev.skysocket.local.apigw.DisconnectAssertions.assertDisconnect;
import static dev.skysocket.local.apigw.DisconnectAssertions.assertDisconnectedOnce;
import static dev.skysocket.local.apigw.DisconnectAssertions.awaitDisconnect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * API Gateway's frame rules: no binary from clients (1003), 32 KB frames and 128 KB messages (1009); and, as on the
 * fallback gateway, at most 64 fragments per message (1008), so a flood of empty continuations cannot hold one open.
 */
class FrameRulesTest {

    private final RecordingIntegration integration = new RecordingIntegration();
    private ApiGatewayEmulator emulator;

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void aBinaryFrameClosesTheConnectionWith1003WithoutCallingDefault() {
        emulator = EmulatorFixture.start(EmulatorFixture.settings(), integration);
        TestClient client = TestClient.connect(emulator.websocketUrl());
        String id = integration.calls("$connect").get(0).connectionId();

        client.sendBinary(new byte[] {1, 2, 3});

        assertThat(client.awaitClose().code()).isEqualTo(1003);
        assertDisconnect(awaitDisconnect(integration, id), 1003, "Unsupported data");
        assertThat(integration.calls("$default")).isEmpty();
        emulator.close();
        assertDisconnectedOnce(integration, id);
    }

    @Test
    void aFrameOfExactlyTheLimitIsAcceptedAndOneByteMoreClosesWith1009() throws Exception {
        emulator = EmulatorFixture.start(EmulatorFixture.settings(), integration);
        URI uri = URI.create(emulator.websocketUrl());

        try (RawWebSocket atLimit = RawWebSocket.connect(uri, Duration.ofSeconds(10))) {
            atLimit.sendFrame(1, true, text(32 * 1024));
            await().atMost(Duration.ofSeconds(10)).until(() -> integration.calls("$default").size() == 1);
        }
        try (RawWebSocket overLimit = RawWebSocket.connect(uri, Duration.ofSeconds(10))) {
            assertThat(overLimit.statusLine()).contains("101");
            overLimit.sendFrame(1, true, text(32 * 1024 + 1));

            RawWebSocket.Closed closed = overLimit.awaitClose();

            assertThat(closed.status()).isEqualTo(1009);
            assertThat(closed.reason()).isEqualTo("Message too big");
        }
        String overId = integration.calls("$connect").get(1).connectionId();
        assertDisconnect(awaitDisconnect(integration, overId), 1009, "Message too big");
        assertThat(integration.calls("$default")).hasSize(1);
    }

    @Test
    void aMessageOverTheLimitClosesWith1009WhenTheJdkClientSendsIt() {
        emulator = EmulatorFixture.start(EmulatorFixture.settings(), integration);
        TestClient client = TestClient.connect(emulator.websocketUrl());
        String id = integration.calls("$connect").get(0).connectionId();

        // Five fragments of 30,000 bytes: every frame is legal, the 150,000-byte message is not.
        String part = "y".repeat(30_000);
        client.sendFragments(part, part, part, part, part);

        TestClient.Close close = client.awaitClose();
        assertThat(close.code()).isEqualTo(1009);
        assertThat(close.reason()).isEqualTo("Message too big");
        assertDisconnect(awaitDisconnect(integration, id), 1009, "Message too big");
        assertThat(integration.calls("$default")).isEmpty();
    }

    @Test
    void aMessageOfExactlyTheLimitIsDelivered() {
        emulator = EmulatorFixture.start(EmulatorFixture.settings(), integration);
        TestClient client = TestClient.connect(emulator.websocketUrl());

        client.send("z".repeat(128 * 1024));

        await().atMost(Duration.ofSeconds(10)).until(() -> integration.calls("$default").size() == 1);
        assertThat(integration.calls("$default").get(0).event().get("body").asText()).hasSize(128 * 1024);
        assertThat(client.closed()).isNotDone();
    }

    @Test
    void aTextMessageThatIsNotUtf8ClosesWith1007() throws Exception {
        emulator = EmulatorFixture.start(EmulatorFixture.settings(), integration);

        try (RawWebSocket raw = RawWebSocket.connect(URI.create(emulator.websocketUrl()), Duration.ofSeconds(10))) {
            raw.sendFrame(1, true, new byte[] {'o', 'k', (byte) 0xFF});

            assertThat(raw.awaitClose().status()).isEqualTo(1007);
        }
        assertThat(integration.calls("$default")).isEmpty();
    }

    @Test
    void aMessageOfSixtyFourFragmentsIsDeliveredAndAFloodOfEmptyContinuationsClosesWith1008() throws Exception {
        emulator = EmulatorFixture.start(EmulatorFixture.settings(), integration);
        URI uri = URI.create(emulator.websocketUrl());

        try (RawWebSocket atBound = RawWebSocket.connect(uri, Duration.ofSeconds(10))) {
            ByteArrayOutputStream frames = new ByteArrayOutputStream();
            frames.writeBytes(RawWebSocket.maskedFrame(0x01, "a".getBytes(StandardCharsets.US_ASCII)));
            for (int i = 0; i < MessageAssembly.MAX_FRAGMENTS - 2; i++) {
                frames.writeBytes(RawWebSocket.maskedFrame(0x00, new byte[0]));
            }
            frames.writeBytes(RawWebSocket.maskedFrame(0x80, "z".getBytes(StandardCharsets.US_ASCII)));
            atBound.sendRaw(frames.toByteArray());
            await().atMost(Duration.ofSeconds(10)).until(() -> integration.calls("$default").size() == 1);
            assertThat(integration.calls("$default").get(0).event().get("body").asText()).isEqualTo("az");
        }
        try (RawWebSocket flood = RawWebSocket.connect(uri, Duration.ofSeconds(10))) {
            ByteArrayOutputStream frames = new ByteArrayOutputStream();
            frames.writeBytes(RawWebSocket.maskedFrame(0x01, "a".getBytes(StandardCharsets.US_ASCII)));
            // Bounded: a few past the bound, and never a final fragment.
            for (int i = 0; i < MessageAssembly.MAX_FRAGMENTS + 5; i++) {
                frames.writeBytes(RawWebSocket.maskedFrame(0x00, new byte[0]));
            }
            flood.sendRaw(frames.toByteArray());

            RawWebSocket.Closed closed = flood.awaitClose();

            assertThat(closed.status()).isEqualTo(1008);
            assertThat(closed.reason()).isEqualTo("Policy violation");
        }
        String floodId = integration.calls("$connect").get(1).connectionId();
        assertDisconnect(awaitDisconnect(integration, floodId), 1008, "Policy violation");
        assertThat(integration.calls("$default")).hasSize(1);
    }

    private static byte[] text(int length) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) 'x');
        return new String(bytes, StandardCharsets.US_ASCII).getBytes(StandardCharsets.US_ASCII);
    }
}
