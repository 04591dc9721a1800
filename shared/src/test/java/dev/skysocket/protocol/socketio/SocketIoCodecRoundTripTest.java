package dev.skysocket.protocol.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.skysocket.protocol.CodecLimits;
import dev.skysocket.protocol.ProtocolError;
import dev.skysocket.protocol.ProtocolException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SocketIoCodecRoundTripTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final SocketIoDecoder decoder = new SocketIoDecoder(CodecLimits.DEFAULT);

    static Stream<SocketPacket> plainPackets() {
        return Stream.of(
                SocketPacket.of(SocketPacketType.CONNECT, "/", null),
                SocketPacket.of(SocketPacketType.CONNECT, "/admin", null),
                SocketPacket.of(SocketPacketType.CONNECT, "/admin", JSON.objectNode().put("token", "x")),
                SocketPacket.disconnect("/"),
                SocketPacket.disconnect("/admin"),
                SocketPacket.event("/", null, JSON.arrayNode().add("echo").add(1)),
                SocketPacket.event("/chat", 0L, JSON.arrayNode().add("msg").add(JSON.objectNode().put("text", "é😀"))),
                SocketPacket.event("/", CodecLimits.DEFAULT.maxAckId(), JSON.arrayNode().add("max ack id")),
                SocketPacket.ack("/", 12, JSON.arrayNode()),
                SocketPacket.ack("/admin", 7, JSON.arrayNode().add(JSON.objectNode().put("a", 1)).add(2.5)));
    }

    @ParameterizedTest
    @MethodSource("plainPackets")
    void everyClientPacketTypeSurvivesEncodeThenDecode(SocketPacket packet) {
        EncodedSocketPacket encoded = SocketIoEncoder.encode(packet);

        assertThat(encoded.attachments()).isEmpty();
        assertThat(decoder.decode(encoded.text())).isEqualTo(packet);
    }

    @Test
    void aBinaryEventSurvivesEncodeDecodeAndReconstruct() {
        ArrayNode data = JSON.arrayNode().add("upload")
                .add(JSON.objectNode().put("name", "a.bin").put("bytes", new byte[] {1, 2, 3}))
                .add(new byte[] {4, 5});
        SocketPacket packet = SocketPacket.event("/files", 3L, data);

        EncodedSocketPacket encoded = SocketIoEncoder.encode(packet);
        SocketPacket header = decoder.decode(encoded.text());
        SocketPacket rebuilt = decoder.reconstruct(header, encoded.attachments());

        assertThat(encoded.text()).isEqualTo("52-/files,3[\"upload\",{\"name\":\"a.bin\",\"bytes\":"
                + "{\"_placeholder\":true,\"num\":0}},{\"_placeholder\":true,\"num\":1}]");
        assertThat(encoded.attachments()).containsExactly(new byte[] {1, 2, 3}, new byte[] {4, 5});
        assertThat(header.type()).isEqualTo(SocketPacketType.BINARY_EVENT);
        assertThat(header.attachments()).isEqualTo(2);
        assertThat(rebuilt).isEqualTo(new SocketPacket(SocketPacketType.BINARY_EVENT, "/files", 3L, data, 2));
    }

    @Test
    void aBinaryAckSurvivesEncodeDecodeAndReconstruct() {
        ArrayNode data = JSON.arrayNode().add(new byte[0]);
        SocketPacket packet = SocketPacket.ack("/", 15, data);

        EncodedSocketPacket encoded = SocketIoEncoder.encode(packet);
        SocketPacket rebuilt = decoder.reconstruct(decoder.decode(encoded.text()), encoded.attachments());

        assertThat(encoded.text()).isEqualTo("61-15[{\"_placeholder\":true,\"num\":0}]");
        assertThat(rebuilt).isEqualTo(new SocketPacket(SocketPacketType.BINARY_ACK, "/", 15L, data, 1));
    }

    /** Frames as socket.io-parser v4 writes them (Socket.IO v5 spec, "Packet encoding" examples). */
    @ParameterizedTest
    @ValueSource(strings = {
            "0", "0/admin,", "0/admin,{\"token\":\"123\"}", "1", "1/admin,",
            "2[\"foo\"]", "2/admin,[\"bar\"]", "212[\"foo\"]", "2[\"echo\",1]", "2/admin,1[\"tellme\"]",
            "3/admin,13[\"bar\"]", "3/admin,7[{\"a\":1}]", "312[]",
            "2[\"echo\",{\"msg\":\"hello\",\"n\":-1.5,\"ok\":true,\"none\":null,\"list\":[1,\"two\"]}]",
            "2[\"esc\",\"quote\\\" backslash\\\\ newline\\n tab\\t ctl\\u0001 nul\\u0000\"]",
    })
    void referenceFramesReEncodeByteForByte(String frame) {
        assertThat(SocketIoEncoder.encode(decoder.decode(frame)).text()).isEqualTo(frame);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "51-[\"baz\",{\"_placeholder\":true,\"num\":0}]",
            "52-/admin,[\"baz\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]",
            "61-15[\"bar\",{\"_placeholder\":true,\"num\":0}]",
            "61-/admin,1[{\"_placeholder\":true,\"num\":0}]",
    })
    void referenceBinaryHeadersReEncodeByteForByte(String header) {
        SocketPacket decoded = decoder.decode(header);
        List<byte[]> attachments = Stream.generate(() -> new byte[] {1, 2, 3, 4})
                .limit(decoded.attachments()).toList();

        EncodedSocketPacket encoded = SocketIoEncoder.encode(decoder.reconstruct(decoded, attachments));

        assertThat(encoded.text()).isEqualTo(header);
        assertThat(encoded.attachments()).hasSize(decoded.attachments());
    }

    @Test
    void theServerConnectAnswerCarriesTheSid() {
        assertThat(SocketIoEncoder.encode(SocketPacket.connect("/", "wZX3oN0bSVIhsaknAAAI")).text())
                .isEqualTo("0{\"sid\":\"wZX3oN0bSVIhsaknAAAI\"}");
        assertThat(SocketIoEncoder.encode(SocketPacket.connect("/admin", "oSO0OpakMV_3jnilAAAA")).text())
                .isEqualTo("0/admin,{\"sid\":\"oSO0OpakMV_3jnilAAAA\"}");
    }

    @Test
    void aConnectErrorCarriesMessageAndOptionalData() {
        assertThat(SocketIoEncoder.encode(SocketPacket.connectError("/", "Not authorized", null)).text())
                .isEqualTo("4{\"message\":\"Not authorized\"}");
        assertThat(SocketIoEncoder.encode(SocketPacket.connectError("/admin", "refused",
                JSON.objectNode().put("retry", false))).text())
                .isEqualTo("4/admin,{\"message\":\"refused\",\"data\":{\"retry\":false}}");
    }

    @Test
    void theDecoderRefusesTheConnectErrorTheEncoderWrites() {
        String text = SocketIoEncoder.encode(SocketPacket.connectError("/", "x", null)).text();

        assertThatThrownBy(() -> decoder.decode(text)).isInstanceOf(ProtocolException.class)
                .extracting(e -> ((ProtocolException) e).error()).isEqualTo(ProtocolError.UNKNOWN_PACKET_TYPE);
    }

    @Test
    void aBinaryTypeWithoutBytesIsSentAsPlainEvent() {
        SocketPacket packet = new SocketPacket(SocketPacketType.BINARY_EVENT, "/", null,
                JSON.arrayNode().add("plain"), 0);

        assertThat(SocketIoEncoder.encode(packet).text()).isEqualTo("2[\"plain\"]");
    }

    @Test
    void anUnreconstructedBinaryHeaderIsNotEncoded() {
        SocketPacket header = decoder.decode("51-[\"a\",{\"_placeholder\":true,\"num\":0}]");

        assertThatThrownBy(() -> SocketIoEncoder.encode(header)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNamespaceWithACommaIsNotEncoded() {
        assertThatThrownBy(() -> SocketIoEncoder.encode(SocketPacket.disconnect("/a,b")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void placeholdersInAPlainEventStayPlainJson() {
        String text = "2[\"a\",{\"_placeholder\":true,\"num\":0}]";

        SocketPacket packet = decoder.decode(text);

        assertThat(packet.type()).isEqualTo(SocketPacketType.EVENT);
        assertThat(packet.data().get(1).get("_placeholder").booleanValue()).isTrue();
        assertThat(SocketIoEncoder.encode(packet).text()).isEqualTo(text);
    }

    @Test
    void aPacketPrintsWithoutItsPayload() {
        SocketPacket packet = decoder.decode("2[\"secret-event\",\"secret-value\"]");

        assertThat(packet.toString()).doesNotContain("secret").contains("EVENT");
    }
}
