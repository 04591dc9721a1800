package dev.skysocket.local.apigw;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static dev.skysocket.local.apigw.DisconnectAssertions.assertDisconnect;
import static dev.skysocket.local.apigw.DisconnectAssertions.awaitDisconnect;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * As on the gateway, a fragmented message must be finished within the header timeout: one left open past it closes
 * the connection with 1008, while a message finished in time leaves no timer behind.
 */
class FragmentedMessageTimeoutTest {

    private final RecordingIntegration integration = new RecordingIntegration();
    private ApiGatewayEmulator emulator;
    private URI uri;

    @BeforeEach
    void start() {
        emulator = new ApiGatewayEmulator(EmulatorFixture.settings(), integration)
                .withHeaderTimeout(Duration.ofMillis(300));
        emulator.start();
        uri = URI.create(emulator.websocketUrl());
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void aFragmentedMessageLeftUnfinishedClosesWith1008WithoutCallingDefault() throws Exception {
        // Read timeout far past the bound: a connection left open fails the read, not the clock.
        try (RawWebSocket raw = RawWebSocket.connect(uri, Duration.ofSeconds(10))) {
            raw.sendRaw(RawWebSocket.maskedFrame(0x01, "a".getBytes(StandardCharsets.US_ASCII)));

            RawWebSocket.Closed closed = raw.awaitClose();

            assertThat(closed.status()).isEqualTo(1008);
            assertThat(closed.reason()).isEqualTo("Policy violation");
        }
        String id = integration.calls("$connect").get(0).connectionId();
        assertDisconnect(awaitDisconnect(integration, id), 1008, "Policy violation");
        assertThat(integration.calls("$default")).isEmpty();
    }

    @Test
    void aFragmentedMessageFinishedInTimeIsDeliveredAndTheConnectionOutlivesTheBound() throws Exception {
        try (RawWebSocket prompt = RawWebSocket.connect(uri, Duration.ofSeconds(10))) {
            ByteArrayOutputStream frames = new ByteArrayOutputStream();
            frames.writeBytes(RawWebSocket.maskedFrame(0x01, "a".getBytes(StandardCharsets.US_ASCII)));
            frames.writeBytes(RawWebSocket.maskedFrame(0x80, "z".getBytes(StandardCharsets.US_ASCII)));
            prompt.sendRaw(frames.toByteArray());
            await().atMost(Duration.ofSeconds(10)).until(() -> integration.calls("$default").size() == 1);

            // Cut off after the bound, so the prompt connection has sat past it too; a timer left running would have
            // closed it, and its next message would be dropped.
            try (RawWebSocket slow = RawWebSocket.connect(uri, Duration.ofSeconds(10))) {
                slow.sendRaw(RawWebSocket.maskedFrame(0x01, "b".getBytes(StandardCharsets.US_ASCII)));
                assertThat(slow.awaitClose().status()).isEqualTo(1008);
            }

            prompt.sendRaw(RawWebSocket.maskedFrame(0x81, "again".getBytes(StandardCharsets.US_ASCII)));
            await().atMost(Duration.ofSeconds(10)).until(() -> integration.calls("$default").size() == 2);
            assertThat(integration.calls("$default")).extracting(call -> call.event().get("body").asText())
                    .containsExactly("az", "again");
        }
    }
}
