package dev.skysocket.protocol.socketio;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.skysocket.protocol.CodecLimits;
import dev.skysocket.protocol.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Jazzer targets for both decoder entry points. Without JAZZER_FUZZ they replay the seeds under
 * {@code SocketIoDecoderFuzzTestInputs}; with JAZZER_FUZZ=1 they fuzz for maxDuration. Any exception other than
 * ProtocolException, or a packet that does not survive encode, decode and reconstruct, is a finding.
 */
class SocketIoDecoderFuzzTest {
    private static final SocketIoDecoder DECODER = new SocketIoDecoder(CodecLimits.DEFAULT);

    @FuzzTest(maxDuration = "10s")
    void aPacketDecodesOrIsRefusedWithAProtocolException(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        SocketPacket packet;
        try {
            packet = DECODER.decode(text);
        } catch (ProtocolException refused) {
            if (text.length() > 8) {
                assertThat(refused.getMessage()).doesNotContain(text);
            }
            return;
        }
        if (packet.type().isBinary()) {
            assertSurvivesReEncoding(DECODER.reconstruct(packet, distinctAttachments(packet.attachments())));
        } else {
            assertSurvivesReEncoding(packet);
        }
    }

    @FuzzTest(maxDuration = "10s")
    void attachmentsReconstructOrAreRefusedWithAProtocolException(FuzzedDataProvider data) {
        List<byte[]> attachments = new ArrayList<>();
        int count = data.consumeInt(0, 4);
        for (int i = 0; i < count; i++) {
            attachments.add(data.consumeBytes(data.consumeInt(0, 16)));
        }
        String text = data.consumeRemainingAsString();
        SocketPacket full;
        try {
            full = DECODER.reconstruct(DECODER.decode(text), attachments);
        } catch (ProtocolException refused) {
            return;
        }
        assertThat(full.attachments()).isEqualTo(attachments.size());
        assertSurvivesReEncoding(full);
    }

    private static void assertSurvivesReEncoding(SocketPacket packet) {
        EncodedSocketPacket encoded = SocketIoEncoder.encode(packet);
        SocketPacket decoded = DECODER.decode(encoded.text());
        SocketPacket again = decoded.type().isBinary() ? DECODER.reconstruct(decoded, encoded.attachments()) : decoded;
        assertThat(again).isEqualTo(packet);
    }

    private static List<byte[]> distinctAttachments(int count) {
        List<byte[]> attachments = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            attachments.add(new byte[] {(byte) i, 42});
        }
        return attachments;
    }
}
