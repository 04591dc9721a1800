package dev.skysocket.protocol.engineio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skysocket.protocol.CodecLimits;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class EngineIoCodecRoundTripTest {
    private final EngineIoDecoder decoder = new EngineIoDecoder(CodecLimits.DEFAULT);

    static Stream<EnginePacket> clientPackets() {
        return Stream.of(
                new EnginePacket.Close(),
                new EnginePacket.Ping(""),
                new EnginePacket.Ping("probe"),
                new EnginePacket.Pong(""),
                new EnginePacket.Pong("probe"),
                new EnginePacket.Message(""),
                new EnginePacket.Message("2[\"echo\",{\"msg\":\"hello é😀\"}]"),
                new EnginePacket.BinaryMessage(new byte[] {0, 1, 2, (byte) 0xff}),
                new EnginePacket.BinaryMessage(new byte[0]),
                new EnginePacket.Upgrade(),
                new EnginePacket.Noop());
    }

    @ParameterizedTest
    @MethodSource("clientPackets")
    void everyClientPacketTypeSurvivesEncodeThenDecode(EnginePacket packet) {
        assertThat(decoder.decode(EngineIoEncoder.encode(packet))).isEqualTo(packet);
    }

    @Test
    void aPollingPayloadOfEveryTypeSurvivesEncodeThenDecode() {
        List<EnginePacket> packets = clientPackets().toList();

        String body = EngineIoEncoder.encodePayload(packets);

        assertThat(decoder.decodePayload(body)).containsExactlyElementsOf(packets);
    }

    @Test
    void aBinaryFrameIsABinaryMessage() {
        byte[] frame = {4, 2, 42};

        EnginePacket packet = decoder.decode(frame);
        frame[0] = 9;

        assertThat(packet).isEqualTo(new EnginePacket.BinaryMessage(new byte[] {4, 2, 42}));
        assertThat(decoder.decode(EngineIoEncoder.encode(packet))).isEqualTo(packet);
    }

    /** Frames as engine.io-parser v5 writes them (Engine.IO v4 spec examples). */
    @ParameterizedTest
    @ValueSource(strings = {"1", "2", "2probe", "3", "3probe", "4hello", "42[\"echo\",1]", "5", "6", "bAQIDBA=="})
    void referenceFramesReEncodeByteForByte(String frame) {
        assertThat(EngineIoEncoder.encode(decoder.decode(frame))).isEqualTo(frame);
    }

    @Test
    void referencePollingPayloadReEncodesByteForByte() {
        String body = "4hello\u001e42[\"world\"]\u001ebAQIDBA==\u001e2";

        assertThat(EngineIoEncoder.encodePayload(decoder.decodePayload(body))).isEqualTo(body);
    }

    @Test
    void theOpenPacketListsItsFieldsInTheReferenceOrder() {
        EnginePacket.Open open = new EnginePacket.Open("lv_VI97HAXpY6yYWAAAC", List.of("websocket"), 25000, 5000,
                1000000);

        assertThat(EngineIoEncoder.encode(open)).isEqualTo("0{\"sid\":\"lv_VI97HAXpY6yYWAAAC\","
                + "\"upgrades\":[\"websocket\"],\"pingInterval\":25000,\"pingTimeout\":5000,\"maxPayload\":1000000}");
    }

    @Test
    void theOpenPacketEscapesItsSidAsJson() throws Exception {
        String sid = "a\"b\\c";

        String text = EngineIoEncoder.encode(new EnginePacket.Open(sid, List.of(), 1, 2, 3));
        JsonNode json = new ObjectMapper().readTree(text.substring(1));

        assertThat(json.get("sid").textValue()).isEqualTo(sid);
        assertThat(json.get("upgrades").isArray()).isTrue();
        assertThat(json.get("upgrades")).isEmpty();
    }

    @Test
    void aMessagePrintsWithoutItsPayload() {
        assertThat(decoder.decode("4secret").toString()).doesNotContain("secret");
        assertThat(decoder.decode("bc2VjcmV0").toString()).doesNotContain("secret").doesNotContain("c2VjcmV0");
    }
}
