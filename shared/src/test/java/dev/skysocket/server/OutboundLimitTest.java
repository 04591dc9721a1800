package dev.skysocket.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skysocket.api.EmitTooLargeException;
import dev.skysocket.protocol.socketio.SocketPacket;
import dev.skysocket.protocol.socketio.SocketPacketType;
import org.junit.jupiter.api.Test;

/** Every emit is encoded once, here, and refused before any post when a frame exceeds API Gateway's 128 KB. */
class OutboundLimitTest {
    private static final int LIMIT = OutboundLimit.MAX_FRAME_BYTES;

    @Test
    void anEventJustUnderTheLimitIsEncoded() {
        SocketPacket event = event("news", "x".repeat(LIMIT - 100));

        assertThat(PacketFrames.of(event)).hasSize(1).allSatisfy(frame -> assertThat(frame.length()).isLessThan(LIMIT));
    }

    @Test
    void anEventOverTheLimitIsRefusedNamingItsSizeAndTheLimit() {
        SocketPacket event = event("news", "x".repeat(LIMIT + 1));

        assertThatThrownBy(() -> PacketFrames.of(event))
                .isInstanceOfSatisfying(EmitTooLargeException.class, e -> {
                    assertThat(e.bytes()).isGreaterThan(LIMIT);
                    assertThat(e.limit()).isEqualTo(LIMIT);
                })
                .hasMessageContaining("event 'news'").hasMessageContaining(Integer.toString(LIMIT));
    }

    @Test
    void multiByteTextIsCountedInUtf8Bytes() {
        // 50,000 three-byte characters: 150,000 bytes on the wire though only 50,000 chars.
        SocketPacket event = event("news", "\u20ac".repeat(50_000));

        assertThatThrownBy(() -> PacketFrames.of(event)).isInstanceOf(EmitTooLargeException.class);
    }

    @Test
    void aBinaryAttachmentCountsAsTheBase64ItTravelsAs() {
        // 100,000 bytes become about 133,336 characters of base64: over the limit.
        SocketPacket binary = SocketPacket.of(SocketPacketType.EVENT, "/",
                JsonValues.eventPayload("file", new byte[100_000]));

        assertThatThrownBy(() -> PacketFrames.of(binary)).isInstanceOf(EmitTooLargeException.class);
    }

    @Test
    void anAckIsNamedAsOne() {
        SocketPacket ack = new SocketPacket(SocketPacketType.ACK, "/", 7L, JsonValues.array("x".repeat(LIMIT)), 0);

        assertThatThrownBy(() -> PacketFrames.of(ack)).hasMessageStartingWith("an ack");
    }

    private static SocketPacket event(String name, String payload) {
        return SocketPacket.of(SocketPacketType.EVENT, "/", JsonValues.eventPayload(name, payload));
    }
}
