package dev.skysocket.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.gateway.engine.EngineOptions;
import dev.skysocket.gateway.engine.EngineServer;
import dev.skysocket.gateway.engine.RecordingListener;
import dev.skysocket.protocol.engineio.EnginePacket;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * RFC 6455 §5 and §7.4.1 on the gateway's websockets: every class of hostile frame ends that connection with the
 * status the RFC names (1002, 1007, 1008, 1009), and a canary client on the same node carries on.
 */
class HostileFramesHttpTest {
    private static final int MAX_PAYLOAD = SkysocketConfig.defaults().maxPayload();
    private static final long FRAGMENT_PATIENCE_MS = 300;
    private static final String WS = "/socket.io/?EIO=4&transport=websocket";

    private final RecordingListener listener = new RecordingListener();
    private EngineServer engine;
    private EngineHttpServer server;

    @BeforeEach
    void start() {
        engine = new EngineServer(EngineOptions.of(SkysocketConfig.defaults()), listener);
        server = new EngineHttpServer(EngineHttpSettings.defaults().withPort(0).withEventLoops(1)
                .withHeaderTimeoutMs(FRAGMENT_PATIENCE_MS), engine).start();
    }

    @AfterEach
    void stop() {
        server.close();
        engine.close();
    }

    static Stream<Arguments> hostileFrames() {
        byte[] big = new byte[MAX_PAYLOAD + 1];
        java.util.Arrays.fill(big, (byte) 'x');
        byte[] half = new byte[MAX_PAYLOAD / 2 + 1];
        java.util.Arrays.fill(half, (byte) 'x');
        ByteArrayOutputStream emptyFragments = new ByteArrayOutputStream();
        emptyFragments.writeBytes(frame(0x01, true, text("4")));
        for (int i = 0; i < WebSocketLimits.MAX_FRAGMENTS + 5; i++) {
            emptyFragments.writeBytes(frame(0x00, true, new byte[0]));
        }
        return Stream.of(
                arguments("RSV1 without an extension", frame(0xC1, true, text("4x")), 1002),
                arguments("RSV2", frame(0xA1, true, text("4x")), 1002),
                arguments("RSV3", frame(0x91, true, text("4x")), 1002),
                arguments("reserved data opcode 3", frame(0x83, true, text("4x")), 1002),
                arguments("reserved control opcode 11", frame(0x8B, true, new byte[0]), 1002),
                arguments("unmasked client frame", frame(0x81, false, text("4x")), 1002),
                arguments("ping over 125 bytes", frame(0x89, true, new byte[126]), 1002),
                arguments("fragmented ping", frame(0x09, true, new byte[0]), 1002),
                arguments("continuation without a start", frame(0x80, true, text("x")), 1002),
                arguments("data frame inside a fragmented message",
                        concat(frame(0x01, true, text("4a")), frame(0x81, true, text("b"))), 1002),
                arguments("close code 999", frame(0x88, true, closeBody(999, new byte[0])), 1002),
                arguments("close code 1005 (never on the wire)", frame(0x88, true, closeBody(1005, new byte[0])),
                        1002),
                arguments("close code 5000", frame(0x88, true, closeBody(5000, new byte[0])), 1002),
                arguments("close code 1004 (reserved)", frame(0x88, true, closeBody(1004, new byte[0])), 1002),
                arguments("close code 2999 (reserved)", frame(0x88, true, closeBody(2999, new byte[0])), 1002),
                arguments("one-byte close payload", frame(0x88, true, new byte[] {3}), 1002),
                arguments("close reason not UTF-8", frame(0x88, true, closeBody(1000, new byte[] {(byte) 0xC0})),
                        1007),
                arguments("close reason ending inside a UTF-8 sequence",
                        frame(0x88, true, closeBody(4096, new byte[] {'o', 'k', (byte) 0xDD})), 1007),
                arguments("text not UTF-8", frame(0x81, true, new byte[] {'4', (byte) 0xFF}), 1007),
                arguments("text split inside a UTF-8 sequence, left broken",
                        concat(frame(0x01, true, new byte[] {'4', (byte) 0xE2}), frame(0x80, true, text("!"))), 1007),
                arguments("frame declaring more than maxPayload", frame(0x81, true, big), 1009),
                arguments("frame declaring 2^40 bytes, none sent", declaredOnly(1L << 40), 1009),
                arguments("message over maxPayload in legal frames",
                        concat(frame(0x01, true, half), frame(0x80, true, half)), 1009),
                arguments("a flood of empty fragments", emptyFragments.toByteArray(), 1008),
                arguments("a frame RFC 6455 refuses, read together with a good one",
                        concat(frame(0x81, true, text("4ok")), frame(0xC1, true, text("4x"))), 1002),
                arguments("a fragmented message left open", frame(0x01, true, text("4")), 1008));
    }

    @ParameterizedTest(name = "{0} closes {2}")
    @MethodSource("hostileFrames")
    void aHostileFrameClosesThatConnectionWithItsStatusAndTheCanaryCarriesOn(String name, byte[] bytes, int status)
            throws IOException {
        try (RawSocket canary = RawSocket.open(server.port(), WS, null);
             RawSocket hostile = RawSocket.open(server.port(), WS, null)) {
            assertThat(canary.readText()).startsWith("0{");
            assertThat(hostile.readText()).startsWith("0{");

            hostile.sendRaw(bytes);

            assertThat(closeStatus(hostile)).isEqualTo(status);
            canary.sendText("4still here");
            await().atMost(Duration.ofSeconds(10)).until(() -> listener.messages.contains(
                    new EnginePacket.Message("still here")));
        }
        assertThat(listener.messages).doesNotContain(new EnginePacket.Message("x"), new EnginePacket.Message("ab"));
    }

    @Test
    void aMessageOfExactlyMaxPayloadInTwoFragmentsIsDelivered() throws IOException {
        byte[] first = new byte[MAX_PAYLOAD / 2];
        byte[] second = new byte[MAX_PAYLOAD - first.length];
        java.util.Arrays.fill(first, (byte) 'y');
        java.util.Arrays.fill(second, (byte) 'y');
        first[0] = '4';
        try (RawSocket client = RawSocket.open(server.port(), WS, null)) {
            assertThat(client.readText()).startsWith("0{");
            client.sendRaw(concat(frame(0x01, true, first), frame(0x80, true, second)));
            await().atMost(Duration.ofSeconds(10)).until(() -> listener.messages.stream()
                    .anyMatch(m -> m instanceof EnginePacket.Message t && t.text().length() == MAX_PAYLOAD - 1));
        }
    }

    /** The status of the server's close frame; data frames before it are skipped. */
    private static int closeStatus(RawSocket socket) throws IOException {
        for (int i = 0; i < 100; i++) {
            RawSocket.Frame frame;
            try {
                frame = socket.readFrame();
            } catch (EOFException ended) {
                return -1; // closed without a close frame
            }
            if (frame.opcode() == 0x8) {
                byte[] p = frame.payload();
                return p.length < 2 ? 1005 : ((p[0] & 0xFF) << 8) | (p[1] & 0xFF);
            }
        }
        return -2;
    }

    static byte[] frame(int firstByte, boolean masked, byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(firstByte);
        int maskBit = masked ? 0x80 : 0;
        if (payload.length < 126) {
            out.write(maskBit | payload.length);
        } else if (payload.length <= 0xFFFF) {
            out.write(maskBit | 126);
            out.write(payload.length >> 8);
            out.write(payload.length & 0xFF);
        } else {
            out.write(maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) payload.length >>> shift) & 0xFF);
            }
        }
        byte[] mask = {1, 2, 3, 4};
        if (masked) {
            out.writeBytes(mask);
        }
        for (int i = 0; i < payload.length; i++) {
            out.write(masked ? payload[i] ^ mask[i % 4] : payload[i]);
        }
        return out.toByteArray();
    }

    /** A masked text frame header announcing {@code length} bytes, and nothing after it. */
    private static byte[] declaredOnly(long length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x81);
        out.write(0x80 | 127);
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (length >>> shift) & 0xFF);
        }
        out.writeBytes(new byte[] {1, 2, 3, 4});
        return out.toByteArray();
    }

    private static byte[] closeBody(int code, byte[] reason) {
        byte[] body = new byte[2 + reason.length];
        body[0] = (byte) (code >> 8);
        body[1] = (byte) code;
        System.arraycopy(reason, 0, body, 2, reason.length);
        return body;
    }

    private static byte[] text(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List.of(parts).forEach(out::writeBytes);
        return out.toByteArray();
    }
}
