package dev.skysocket.protocol.socketio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.skysocket.protocol.CodecLimits;
import dev.skysocket.protocol.ProtocolError;
import dev.skysocket.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** DESIGN §9: every class of malformed client packet, with the error it must produce. */
class SocketIoHostileInputTest {
    /** Tight enough that the limit cases stay small; depth and number limits as in production. */
    static final CodecLimits LIMITS = new CodecLimits(64 * 1024, 16, 32, 4096, 100, 16, Integer.MAX_VALUE);
    private final SocketIoDecoder decoder = new SocketIoDecoder(LIMITS);

    private static final String PH0 = "{\"_placeholder\":true,\"num\":0}";

    static Stream<Arguments> hostilePackets() {
        List<Arguments> cases = new ArrayList<>(List.of(
                arguments("empty packet", "", ProtocolError.EMPTY),
                arguments("type 7", "7[\"a\"]", ProtocolError.UNKNOWN_PACKET_TYPE),
                arguments("type 9", "9", ProtocolError.UNKNOWN_PACKET_TYPE),
                arguments("letter type", "x[\"a\"]", ProtocolError.UNKNOWN_PACKET_TYPE),
                arguments("negative type", "-1[\"a\"]", ProtocolError.UNKNOWN_PACKET_TYPE),
                arguments("NUL type", "\u0000[\"a\"]", ProtocolError.UNKNOWN_PACKET_TYPE),
                arguments("CONNECT_ERROR from a client", "4{\"message\":\"x\"}", ProtocolError.UNKNOWN_PACKET_TYPE),
                arguments("oversized event", "2[\"a\",\"" + "x".repeat(LIMITS.maxFrameChars()) + "\"]",
                        ProtocolError.TOO_LARGE),
                arguments("event without payload", "2", ProtocolError.BAD_EVENT),
                arguments("event with empty array", "2[]", ProtocolError.BAD_EVENT),
                arguments("event with object payload", "2{\"a\":1}", ProtocolError.BAD_EVENT),
                arguments("event with string payload", "2\"hello\"", ProtocolError.BAD_EVENT),
                arguments("event named 42", "2[42]", ProtocolError.BAD_EVENT),
                arguments("event named null", "2[null]", ProtocolError.BAD_EVENT),
                arguments("event named by an array", "2[[\"a\"]]", ProtocolError.BAD_EVENT),
                arguments("event named by an object", "2[{\"a\":1}]", ProtocolError.BAD_EVENT),
                arguments("namespace without comma swallows the payload", "2/admin[\"a\"]", ProtocolError.BAD_EVENT),
                arguments("trailing garbage", "2[\"a\"]x", ProtocolError.BAD_JSON),
                arguments("two JSON values", "2[\"a\"][\"b\"]", ProtocolError.BAD_JSON),
                arguments("unterminated JSON", "2[\"a\"", ProtocolError.BAD_JSON),
                arguments("whitespace payload", "2   ", ProtocolError.BAD_JSON),
                arguments("10k-deep arrays", "2[\"a\"," + "[".repeat(10_000), ProtocolError.BAD_JSON),
                arguments("10k-deep objects", "2[\"a\"," + "{\"a\":".repeat(10_000), ProtocolError.BAD_JSON),
                arguments("one level too deep", "2[\"a\"," + "[".repeat(32) + "]".repeat(32) + "]",
                        ProtocolError.BAD_JSON),
                arguments("200-digit number", "2[\"a\",1" + "0".repeat(200) + "]", ProtocolError.BAD_JSON),
                arguments("number that overflows a double", "2[\"a\",1e999]", ProtocolError.BAD_JSON),
                arguments("NaN", "2[\"a\",NaN]", ProtocolError.BAD_JSON),
                arguments("string over the limit", "2[\"a\",\"" + "x".repeat(4097) + "\"]", ProtocolError.BAD_JSON),
                arguments("raw NUL inside a JSON string", "2[\"a\",\"\u0000\"]", ProtocolError.BAD_JSON),
                arguments("NUL before the payload", "2\u0000[\"a\"]", ProtocolError.BAD_JSON),
                arguments("single-quoted JSON", "2['a']", ProtocolError.BAD_JSON),
                arguments("20-digit ack id", "212345678901234567890[\"a\"]", ProtocolError.BAD_ACK_ID),
                arguments("ack id over the cap", "22147483649[\"a\"]", ProtocolError.BAD_ACK_ID),
                arguments("ack id 2^31", "22147483648[\"a\"]", ProtocolError.BAD_ACK_ID),
                arguments("ACK with id 2^31", "32147483648[]", ProtocolError.BAD_ACK_ID),
                arguments("ten-digit ack id", "29999999999[\"a\"]", ProtocolError.BAD_ACK_ID),
                arguments("ack id with a leading zero", "2007[\"a\"]", ProtocolError.BAD_ACK_ID),
                arguments("ack id overflowing a long", "29223372036854775808[\"a\"]", ProtocolError.BAD_ACK_ID),
                arguments("ACK without id", "3[\"a\"]", ProtocolError.MALFORMED_PACKET),
                arguments("ACK with object payload", "31{\"a\":1}", ProtocolError.MALFORMED_PACKET),
                arguments("ACK without payload", "31", ProtocolError.MALFORMED_PACKET),
                arguments("BINARY_ACK without id", "61-[" + PH0 + "]", ProtocolError.MALFORMED_PACKET),
                arguments("ten-digit attachment count", "5999999999-[\"a\"," + PH0 + "]", ProtocolError.BAD_ATTACHMENTS),
                arguments("attachment count over the cap", "517-[\"a\"," + PH0 + "]", ProtocolError.BAD_ATTACHMENTS),
                arguments("zero attachments", "50-[\"a\"]", ProtocolError.BAD_ATTACHMENTS),
                arguments("attachment count with a leading zero", "501-[\"a\"," + PH0 + "]",
                        ProtocolError.BAD_ATTACHMENTS),
                arguments("binary event without count", "5[\"a\"," + PH0 + "]", ProtocolError.MALFORMED_PACKET),
                arguments("binary event without dash", "51[\"a\"," + PH0 + "]", ProtocolError.MALFORMED_PACKET),
                arguments("binary event with bare dash", "5-[\"a\"," + PH0 + "]", ProtocolError.MALFORMED_PACKET),
                arguments("plain event announcing attachments", "21-[\"a\"]", ProtocolError.BAD_ATTACHMENTS),
                arguments("placeholder num -1", "51-[\"a\",{\"_placeholder\":true,\"num\":-1}]",
                        ProtocolError.BAD_ATTACHMENTS),
                arguments("placeholder num 99", "51-[\"a\",{\"_placeholder\":true,\"num\":99}]",
                        ProtocolError.BAD_ATTACHMENTS),
                arguments("placeholder num as string", "51-[\"a\",{\"_placeholder\":true,\"num\":\"0\"}]",
                        ProtocolError.BAD_ATTACHMENTS),
                arguments("placeholder num as fraction", "51-[\"a\",{\"_placeholder\":true,\"num\":0.5}]",
                        ProtocolError.BAD_ATTACHMENTS),
                arguments("placeholder num huge", "51-[\"a\",{\"_placeholder\":true,\"num\":99999999999999}]",
                        ProtocolError.BAD_ATTACHMENTS),
                arguments("placeholder without num", "51-[\"a\",{\"_placeholder\":true,\"n\":0}]",
                        ProtocolError.BAD_ATTACHMENTS),
                arguments("placeholder marker as string", "51-[\"a\",{\"_placeholder\":\"true\",\"num\":0}]",
                        ProtocolError.BAD_ATTACHMENTS),
                arguments("placeholder with extra field", "51-[\"a\",{\"_placeholder\":true,\"num\":0,\"x\":1}]",
                        ProtocolError.BAD_ATTACHMENTS),
                arguments("duplicate placeholder", "52-[\"a\"," + PH0 + "," + PH0 + "]", ProtocolError.BAD_ATTACHMENTS),
                arguments("fewer placeholders than announced", "52-[\"a\"," + PH0 + "]", ProtocolError.BAD_ATTACHMENTS),
                arguments("binary event without placeholder", "51-[\"a\"]", ProtocolError.BAD_ATTACHMENTS),
                arguments("binary event named by a placeholder", "51-[" + PH0 + "]", ProtocolError.BAD_EVENT),
                arguments("reserved name in a binary event", "51-[\"connect\"," + PH0 + "]",
                        ProtocolError.RESERVED_EVENT),
                arguments("CONNECT with array payload", "0[\"a\"]", ProtocolError.MALFORMED_PACKET),
                arguments("CONNECT with string payload", "0\"token\"", ProtocolError.MALFORMED_PACKET),
                arguments("CONNECT with null payload", "0null", ProtocolError.MALFORMED_PACKET),
                arguments("CONNECT with ack id", "01{}", ProtocolError.MALFORMED_PACKET),
                arguments("DISCONNECT with payload", "1{}", ProtocolError.MALFORMED_PACKET),
                arguments("DISCONNECT with garbage after the namespace", "1/admin,x", ProtocolError.MALFORMED_PACKET),
                arguments("NUL in namespace", "2/adm\u0000in,[\"a\"]", ProtocolError.MALFORMED_PACKET),
                arguments("newline in namespace", "2/a\nb,[\"a\"]", ProtocolError.MALFORMED_PACKET),
                arguments("lone high surrogate in namespace", "2/\ud800,[\"a\"]", ProtocolError.MALFORMED_PACKET),
                arguments("lone low surrogate in namespace", "2/\udc00x,[\"a\"]", ProtocolError.MALFORMED_PACKET),
                arguments("namespace over 256 chars", "2/" + "a".repeat(300) + ",[\"a\"]",
                        ProtocolError.MALFORMED_PACKET),
                arguments("namespace of 60k chars without comma", "2/" + "a".repeat(60_000),
                        ProtocolError.MALFORMED_PACKET)));
        for (String reserved : SocketIoDecoder.RESERVED_EVENTS) {
            cases.add(arguments("reserved event " + reserved, "2[\"" + reserved + "\",1]", ProtocolError.RESERVED_EVENT));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostilePackets")
    void aHostilePacketIsRefusedWithItsError(String description, String packet, ProtocolError expected) {
        ProtocolException refused = catchThrowableOfType(ProtocolException.class, () -> decoder.decode(packet));

        assertThat(refused).as(description).isNotNull();
        assertThat(refused.error()).as(description).isEqualTo(expected);
        if (packet.length() > 8) {
            assertThat(refused.getMessage()).as("message must not echo the payload").doesNotContain(packet);
        }
    }

    @Test
    void aNullPacketIsEmpty() {
        assertThat(catchThrowableOfType(ProtocolException.class, () -> decoder.decode(null)).error())
                .isEqualTo(ProtocolError.EMPTY);
    }

    /** Odd but legal: JavaScript clients can send these, and in Java they are plain data. */
    @ParameterizedTest
    @ValueSource(strings = {
            "2[\"__proto__\",{\"__proto__\":{\"polluted\":true}}]",
            "2[\"constructor\"]",
            "2[\"hasOwnProperty\"]",
            "2[\"a\",\"escaped NUL \\u0000\"]",
            "2[\"a\",\"escaped lone surrogate \\ud800\"]",
            "2[\"\"]",
            "2[\"😀\"]",
            "2 [\"leading whitespace\"]",
            "2/,[\"explicit root namespace\"]",
            "0/admin",
            "20[\"ack id zero\"]",
            "22147483647[\"ack id 2^31-1, the largest a client produces\"]",
            "32147483647[]",
            "2[\"a\",{\"k\":1,\"k\":2}]",
            "2[\"a\",123456789012345678901234567890]",
    })
    void oddButLegalPacketsAreAccepted(String packet) {
        assertThatCode(() -> decoder.decode(packet)).doesNotThrowAnyException();
    }

    static Stream<Arguments> hostileAttachments() {
        String header = "52-[\"a\"," + PH0 + ",{\"_placeholder\":true,\"num\":1}]";
        return Stream.of(
                arguments("no attachments", header, List.of(), ProtocolError.BAD_ATTACHMENTS),
                arguments("one too few", header, List.of(new byte[1]), ProtocolError.BAD_ATTACHMENTS),
                arguments("one too many", header, List.of(new byte[1], new byte[1], new byte[1]),
                        ProtocolError.BAD_ATTACHMENTS),
                arguments("null attachment", header, Arrays.asList(new byte[1], null), ProtocolError.BAD_ATTACHMENTS),
                arguments("null list", header, null, ProtocolError.BAD_ATTACHMENTS),
                arguments("attachments for a plain event", "2[\"a\"]", List.of(new byte[1]),
                        ProtocolError.UNEXPECTED_PACKET));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileAttachments")
    void attachmentsThatDoNotFitTheHeaderAreRefused(String description, String header, List<byte[]> attachments,
                                                    ProtocolError expected) {
        SocketPacket decoded = decoder.decode(header);

        ProtocolException refused = catchThrowableOfType(ProtocolException.class,
                () -> decoder.reconstruct(decoded, attachments));

        assertThat(refused).as(description).isNotNull();
        assertThat(refused.error()).as(description).isEqualTo(expected);
    }

    @Test
    void anAckIdAboveTheLargestLongIsRefusedEvenWhenTheCapIsTheLargestLong() {
        SocketIoDecoder uncapped = new SocketIoDecoder(new CodecLimits(64 * 1024, 16, 32, 4096, 100, 16,
                Long.MAX_VALUE));

        assertThat(uncapped.decode("2" + Long.MAX_VALUE + "[\"a\"]").ackId()).isEqualTo(Long.MAX_VALUE);
        assertThat(catchThrowableOfType(ProtocolException.class,
                () -> uncapped.decode("29999999999999999999[\"a\"]")).error()).isEqualTo(ProtocolError.BAD_ACK_ID);
    }

    @Test
    void aHandBuiltHeaderWithBadPlaceholdersIsRefusedAtReconstruct() {
        SocketPacket forged = new SocketPacket(SocketPacketType.BINARY_EVENT, "/", null,
                decoder.decode("2[\"a\",{\"_placeholder\":true,\"num\":5}]").data(), 1);

        assertThat(catchThrowableOfType(ProtocolException.class,
                () -> decoder.reconstruct(forged, List.of(new byte[1]))).error())
                .isEqualTo(ProtocolError.BAD_ATTACHMENTS);
    }
}
