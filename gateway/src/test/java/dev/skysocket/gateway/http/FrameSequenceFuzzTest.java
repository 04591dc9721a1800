package dev.skysocket.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket13FrameDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Jazzer target for the inbound websocket frame path: the fuzz bytes are what a client writes after the 101 (frame
 * headers with any FIN, RSV, opcode, mask bit and 7/16/64-bit length, then mask key and payload), fed frame by frame
 * to Netty's decoder configured as Vert.x configures it for the gateway, then {@link CloseHandshakeGuard}, then
 * {@link MessageAssembly} (what {@code InboundFrames} runs), with the close status {@code InboundFrames} would send.
 * {@link FrameModel} says independently what each frame must cause. A finding: any exception but the decoder's
 * corrupt-frame one, another close status (1002, 1007, 1008, 1009 as the model says), a message delivered that the
 * model does not deliver (or the reverse), or one over the limits. Without JAZZER_FUZZ it replays the seeds under
 * {@code FrameSequenceFuzzTestInputs}.
 */
class FrameSequenceFuzzTest {
    /** Small, so fuzzing reaches the frame and message bounds. */
    private static final int MAX_PAYLOAD = 256;
    /** Enough to pass the fragment bound; bounds the work of one input. */
    private static final int MAX_FRAMES = 300;
    /** As Vert.x builds it from the gateway's options (compression off, unmasked frames refused). */
    private static final WebSocketDecoderConfig DECODER = WebSocketDecoderConfig.newBuilder()
            .allowExtensions(false).maxFramePayloadLength(MAX_PAYLOAD).allowMaskMismatch(false)
            .closeOnProtocolViolation(false).build();

    @FuzzTest(maxDuration = "60s")
    void aFrameSequenceIsAcceptedWithinTheLimitsOrClosedWithTheRightStatus(byte[] input) {
        EmbeddedChannel channel = new EmbeddedChannel(new WebSocket13FrameDecoder(DECODER), new CloseHandshakeGuard());
        MessageAssembly assembly = new MessageAssembly(MAX_PAYLOAD, MessageAssembly.MAX_FRAGMENTS);
        FrameModel model = new FrameModel(MAX_PAYLOAD);
        ByteBuffer wire = ByteBuffer.wrap(input);
        try {
            for (int frames = 0; wire.hasRemaining() && frames < MAX_FRAMES; frames++) {
                int start = wire.position();
                FrameModel.Verdict expected = model.next(wire);
                Outcome actual = feed(channel, assembly, Arrays.copyOfRange(input, start, wire.position()));
                assertThat(actual.delivered()).as("delivered").isEqualTo(
                        expected.kind() == FrameModel.Kind.DELIVERED ? List.of(expected.message()) : List.of());
                if (expected.kind() == FrameModel.Kind.REFUSED) {
                    assertThat(actual.status()).as("close status").isIn(expected.statuses());
                    return;
                }
                assertThat(actual.status()).as("close status").isNull();
                assertThat(actual.closed()).as("closed by the client")
                        .isEqualTo(expected.kind() == FrameModel.Kind.CLOSED);
                if (actual.closed() || expected.kind() == FrameModel.Kind.INCOMPLETE) {
                    return; // Netty ignores what follows a close; a cut-short frame ends the input
                }
            }
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    /** What one frame's bytes did: messages delivered, the status the socket closes with, the client's close. */
    private record Outcome(List<String> delivered, Integer status, boolean closed) {
    }

    private static Outcome feed(EmbeddedChannel channel, MessageAssembly assembly, byte[] chunk) {
        Integer status = null;
        try {
            channel.writeInbound(Unpooled.wrappedBuffer(chunk));
        } catch (CorruptedWebSocketFrameException corrupt) {
            status = refusal(assembly.refuse(InboundFrames.closeFor(corrupt), "corrupt_frame"));
        }
        List<String> delivered = new ArrayList<>();
        boolean closed = false;
        for (Object read = channel.readInbound(); read != null; read = channel.readInbound()) {
            try {
                WebSocketFrame frame = (WebSocketFrame) read;
                closed |= frame instanceof CloseWebSocketFrame;
                boolean data = frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame
                        || frame instanceof ContinuationWebSocketFrame;
                if (!data || assembly.refused()) {
                    continue; // ping, pong and close are answered by Vert.x
                }
                MessageAssembly.Step step = assembly.add(frame instanceof ContinuationWebSocketFrame,
                        frame instanceof TextWebSocketFrame, frame.isFinalFragment(), bytes(frame.content()));
                if (step instanceof MessageAssembly.Refused refused) {
                    status = refusal(refused);
                } else if (step instanceof MessageAssembly.Complete message) {
                    byte[] binary = message.binary();
                    assertThat(binary == null ? message.text().length() : binary.length).isLessThanOrEqualTo(
                            MAX_PAYLOAD);
                    delivered.add(binary == null ? "text:" + message.text() : FrameModel.binary(binary));
                }
            } finally {
                ReferenceCountUtil.release(read);
            }
        }
        return new Outcome(delivered, status, closed);
    }

    private static int refusal(MessageAssembly.Refused refused) {
        assertThat(refused.code().code()).isIn(Set.of(1002, 1007, 1008, 1009));
        return refused.code().code();
    }

    private static byte[] bytes(ByteBuf content) {
        byte[] bytes = new byte[content.readableBytes()];
        content.getBytes(content.readerIndex(), bytes);
        return bytes;
    }
}
