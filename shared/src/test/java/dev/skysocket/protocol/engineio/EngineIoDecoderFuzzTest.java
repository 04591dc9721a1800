package dev.skysocket.protocol.engineio;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.skysocket.protocol.CodecLimits;
import dev.skysocket.protocol.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Jazzer targets, one per decoder entry point. Without JAZZER_FUZZ they replay the seeds under
 * {@code EngineIoDecoderFuzzTestInputs}; with JAZZER_FUZZ=1 they fuzz for maxDuration. Any exception other than
 * ProtocolException, or a packet that does not survive re-encoding, is a finding.
 */
class EngineIoDecoderFuzzTest {
    private static final EngineIoDecoder DECODER = new EngineIoDecoder(CodecLimits.DEFAULT);

    @FuzzTest(maxDuration = "10s")
    void aTextFrameDecodesOrIsRefusedWithAProtocolException(byte[] input) {
        String frame = new String(input, StandardCharsets.UTF_8);
        EnginePacket packet;
        try {
            packet = DECODER.decode(frame);
        } catch (ProtocolException refused) {
            assertMessageOmits(refused, frame);
            return;
        }
        assertThat(DECODER.decode(EngineIoEncoder.encode(packet))).isEqualTo(packet);
    }

    @FuzzTest(maxDuration = "10s")
    void aBinaryFrameDecodesOrIsRefusedWithAProtocolException(byte[] input) {
        EnginePacket packet;
        try {
            packet = DECODER.decode(input);
        } catch (ProtocolException refused) {
            return;
        }
        assertThat(packet).isEqualTo(new EnginePacket.BinaryMessage(input));
        assertThat(DECODER.decode(EngineIoEncoder.encode(packet))).isEqualTo(packet);
    }

    @FuzzTest(maxDuration = "10s")
    void aPollingPayloadDecodesOrIsRefusedWithAProtocolException(byte[] input) {
        String body = new String(input, StandardCharsets.UTF_8);
        List<EnginePacket> packets;
        try {
            packets = DECODER.decodePayload(body);
        } catch (ProtocolException refused) {
            assertMessageOmits(refused, body);
            return;
        }
        assertThat(DECODER.decodePayload(EngineIoEncoder.encodePayload(packets))).isEqualTo(packets);
    }

    /** Short inputs may occur in any message by chance; longer ones must never be echoed. */
    private static void assertMessageOmits(ProtocolException refused, String input) {
        if (input.length() > 8) {
            assertThat(refused.getMessage()).doesNotContain(input);
        }
    }
}
