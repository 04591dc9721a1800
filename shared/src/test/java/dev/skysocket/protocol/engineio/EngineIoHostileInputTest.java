package dev.skysocket.protocol.engineio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.skysocket.protocol.CodecLimits;
import dev.skysocket.protocol.ProtocolError;
import dev.skysocket.protocol.ProtocolException;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** DESIGN §9 at the Engine.IO layer: frames and polling bodies a client must not get through. */
class EngineIoHostileInputTest {
    static final CodecLimits LIMITS = new CodecLimits(64 * 1024, 16, 32, 4096, 100, 16, Integer.MAX_VALUE);
    private static final EngineIoDecoder DECODER = new EngineIoDecoder(LIMITS);
    private static final Function<String, Object> FRAME = DECODER::decode;
    private static final Function<String, Object> PAYLOAD = DECODER::decodePayload;

    static Stream<Arguments> hostileInput() {
        String big = "4" + "x".repeat(LIMITS.maxFrameChars());
        return Stream.of(
                arguments("empty frame", FRAME, "", ProtocolError.EMPTY),
                arguments("open from a client", FRAME, "0", ProtocolError.UNKNOWN_PACKET_TYPE),
                arguments("open with handshake data from a client", FRAME, "0{\"sid\":\"x\"}",
                        ProtocolError.UNKNOWN_PACKET_TYPE),
                arguments("type 7", FRAME, "7", ProtocolError.UNKNOWN_PACKET_TYPE),
                arguments("type 9", FRAME, "9abc", ProtocolError.UNKNOWN_PACKET_TYPE),
                arguments("upper-case B", FRAME, "BAQID", ProtocolError.UNKNOWN_PACKET_TYPE),
                arguments("NUL type", FRAME, "\u0000", ProtocolError.UNKNOWN_PACKET_TYPE),
                arguments("leading space", FRAME, " 4hello", ProtocolError.UNKNOWN_PACKET_TYPE),
                arguments("record separator in a websocket frame", FRAME, "\u001e4a", ProtocolError.UNKNOWN_PACKET_TYPE),
                arguments("lone surrogate type", FRAME, "\ud800", ProtocolError.UNKNOWN_PACKET_TYPE),
                arguments("oversized frame", FRAME, big, ProtocolError.TOO_LARGE),
                arguments("oversized frame of an unknown type", FRAME, "9" + big, ProtocolError.TOO_LARGE),
                arguments("base64 with illegal chars", FRAME, "bnot base64!", ProtocolError.BAD_BASE64),
                arguments("base64 of one char", FRAME, "bQ", ProtocolError.BAD_BASE64),
                arguments("base64 with a newline", FRAME, "bAQID\nBA==", ProtocolError.BAD_BASE64),
                arguments("base64 url alphabet", FRAME, "b-_-_", ProtocolError.BAD_BASE64),
                arguments("base64 padding in the middle", FRAME, "bAQ==AQ==", ProtocolError.BAD_BASE64),
                arguments("ping with data", FRAME, "2hello", ProtocolError.MALFORMED_PACKET),
                arguments("pong with data", FRAME, "3probe3", ProtocolError.MALFORMED_PACKET),
                arguments("close with data", FRAME, "1x", ProtocolError.MALFORMED_PACKET),
                arguments("upgrade with data", FRAME, "5x", ProtocolError.MALFORMED_PACKET),
                arguments("noop with data", FRAME, "6x", ProtocolError.MALFORMED_PACKET),
                arguments("empty body", PAYLOAD, "", ProtocolError.EMPTY),
                arguments("separator flood", PAYLOAD, "\u001e".repeat(10_000), ProtocolError.TOO_MANY_PACKETS),
                arguments("one packet too many", PAYLOAD, "6\u001e".repeat(16) + "6", ProtocolError.TOO_MANY_PACKETS),
                arguments("oversized body", PAYLOAD, big, ProtocolError.TOO_LARGE),
                arguments("oversized separator flood", PAYLOAD, "\u001e".repeat(LIMITS.maxFrameChars() + 1),
                        ProtocolError.TOO_LARGE),
                arguments("lone separator", PAYLOAD, "\u001e", ProtocolError.EMPTY),
                arguments("trailing separator", PAYLOAD, "4a\u001e", ProtocolError.EMPTY),
                arguments("empty packet inside", PAYLOAD, "4a\u001e\u001e4b", ProtocolError.EMPTY),
                arguments("open inside a body", PAYLOAD, "4a\u001e0", ProtocolError.UNKNOWN_PACKET_TYPE),
                arguments("bad base64 inside a body", PAYLOAD, "4a\u001ebnope!", ProtocolError.BAD_BASE64),
                arguments("ping with data inside a body", PAYLOAD, "4a\u001e2x", ProtocolError.MALFORMED_PACKET));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileInput")
    void hostileInputIsRefusedWithItsError(String description, Function<String, Object> entry, String input,
                                           ProtocolError expected) {
        ProtocolException refused = catchThrowableOfType(ProtocolException.class, () -> entry.apply(input));

        assertThat(refused).as(description).isNotNull();
        assertThat(refused.error()).as(description).isEqualTo(expected);
        if (input.length() > 8) {
            assertThat(refused.getMessage()).as("message must not echo the payload").doesNotContain(input);
        }
    }

    @Test
    void anOversizedBinaryFrameIsRefused() {
        byte[] frame = new byte[LIMITS.maxFrameChars() + 1];

        assertThat(catchThrowableOfType(ProtocolException.class, () -> DECODER.decode(frame)).error())
                .isEqualTo(ProtocolError.TOO_LARGE);
    }

    @Test
    void nullInputIsEmpty() {
        assertThat(catchThrowableOfType(ProtocolException.class, () -> DECODER.decode((String) null)).error())
                .isEqualTo(ProtocolError.EMPTY);
        assertThat(catchThrowableOfType(ProtocolException.class, () -> DECODER.decode((byte[]) null)).error())
                .isEqualTo(ProtocolError.EMPTY);
        assertThat(catchThrowableOfType(ProtocolException.class, () -> DECODER.decodePayload(null)).error())
                .isEqualTo(ProtocolError.EMPTY);
    }

    @Test
    void aFullPayloadAtTheLimitIsAccepted() {
        String body = "6\u001e".repeat(15) + "6";

        assertThat(DECODER.decodePayload(body)).hasSize(16);
    }
}
