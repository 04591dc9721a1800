package dev.skysocket.protocol.socketio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skysocket.protocol.CodecLimits;
import dev.skysocket.protocol.ProtocolError;
import dev.skysocket.protocol.ProtocolException;
import java.util.List;
import java.util.Set;

/**
 * Decodes Socket.IO v5 packets sent by a client. Strict: reserved event names, client-impossible types,
 * oversized ack ids and attachment counts are refused before anything is allocated for them. Thread-safe.
 */
public final class SocketIoDecoder {
    /** Longest namespace accepted, "/" included; the protocol sets none, so this is ours. */
    public static final int MAX_NAMESPACE_CHARS = 256;

    /** Names the Socket.IO API keeps for itself; a client may not emit them (socket.io-parser RESERVED_EVENTS). */
    public static final Set<String> RESERVED_EVENTS = Set.of(
            "connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener");

    private final CodecLimits limits;
    private final SocketIoJson json;
    private final int ackIdDigits;
    private final int attachmentDigits;

    public SocketIoDecoder(CodecLimits limits) {
        this.limits = limits;
        this.json = new SocketIoJson(limits);
        this.ackIdDigits = Long.toString(limits.maxAckId()).length();
        this.attachmentDigits = Integer.toString(limits.maxAttachments()).length();
    }

    /**
     * Decodes one packet's text. For BINARY_EVENT/BINARY_ACK the result is a header: {@code attachments() > 0}
     * and {@code data()} still holds {@code {"_placeholder":true,"num":n}} objects; pass it to
     * {@link #reconstruct} once every attachment has arrived.
     */
    public SocketPacket decode(String text) {
        try {
            return parse(text);
        } catch (ProtocolException e) {
            throw e;
        } catch (RuntimeException e) {
            // The one choke point: nothing but ProtocolException leaves a decoder (STYLE §4).
            throw new ProtocolException(ProtocolError.MALFORMED_PACKET, "undecodable packet ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /** Replaces each placeholder by its attachment; refuses placeholders of the wrong type or out of range. */
    public SocketPacket reconstruct(SocketPacket header, List<byte[]> attachments) {
        if (header == null || !header.type().isBinary()) {
            throw new ProtocolException(ProtocolError.UNEXPECTED_PACKET, "attachments for a non-binary packet");
        }
        if (attachments == null || attachments.size() != header.attachments() || header.attachments() < 1) {
            throw new ProtocolException(ProtocolError.BAD_ATTACHMENTS, "attachment count differs from the header");
        }
        for (byte[] attachment : attachments) {
            if (attachment == null) {
                throw new ProtocolException(ProtocolError.BAD_ATTACHMENTS, "missing attachment");
            }
        }
        if (header.data() == null) {
            throw new ProtocolException(ProtocolError.BAD_ATTACHMENTS, "binary packet without data");
        }
        try {
            JsonNode data = Placeholders.resolve(header.data(), header.attachments(), attachments);
            return new SocketPacket(header.type(), header.namespace(), header.ackId(), data, header.attachments());
        } catch (ProtocolException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ProtocolException(ProtocolError.BAD_ATTACHMENTS, "unusable attachments ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private SocketPacket parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new ProtocolException(ProtocolError.EMPTY, "empty packet");
        }
        if (text.length() > limits.maxFrameChars()) {
            throw new ProtocolException(ProtocolError.TOO_LARGE, "packet of " + text.length() + " chars");
        }
        int length = text.length();
        SocketPacketType type = clientType(text.charAt(0));
        int i = 1;

        // [<attachments>-]: only binary types, at least one, counted in digits before any number is made.
        int attachments = 0;
        int digitsEnd = digitsEnd(text, i, Math.max(attachmentDigits, ackIdDigits) + 1);
        boolean dash = digitsEnd > i && digitsEnd < length && text.charAt(digitsEnd) == '-';
        if (type.isBinary()) {
            if (digitsEnd - i > attachmentDigits) {
                throw new ProtocolException(ProtocolError.BAD_ATTACHMENTS, "attachment count has too many digits");
            }
            if (!dash) {
                throw new ProtocolException(ProtocolError.MALFORMED_PACKET, "binary packet without attachment count");
            }
            attachments = (int) boundedNumber(text, i, digitsEnd, attachmentDigits, limits.maxAttachments(),
                    ProtocolError.BAD_ATTACHMENTS, "attachment count");
            if (attachments < 1) {
                throw new ProtocolException(ProtocolError.BAD_ATTACHMENTS, "binary packet announces no attachment");
            }
            i = digitsEnd + 1;
        } else if (dash) {
            throw new ProtocolException(ProtocolError.BAD_ATTACHMENTS, "non-binary packet announces attachments");
        }

        // [<nsp>,]: present when the next char is '/', up to ',' or the end (as the reference decoder reads it).
        String namespace = "/";
        if (i < length && text.charAt(i) == '/') {
            int end = namespaceEnd(text, i);
            namespace = text.substring(i, end);
            i = end < length ? end + 1 : end;
        }

        // [<ackId>]
        Long ackId = null;
        if (i < length && isDigit(text.charAt(i))) {
            int end = digitsEnd(text, i, ackIdDigits + 1);
            ackId = boundedNumber(text, i, end, ackIdDigits, limits.maxAckId(), ProtocolError.BAD_ACK_ID, "ack id");
            i = end;
        }
        if (ackId != null && (type == SocketPacketType.CONNECT || type == SocketPacketType.DISCONNECT)) {
            throw new ProtocolException(ProtocolError.MALFORMED_PACKET, type + " carries no ack id");
        }
        if (ackId == null && (type == SocketPacketType.ACK || type == SocketPacketType.BINARY_ACK)) {
            throw new ProtocolException(ProtocolError.MALFORMED_PACKET, type + " without ack id");
        }

        // [JSON]
        JsonNode data = null;
        if (i < length) {
            if (type == SocketPacketType.DISCONNECT) {
                throw new ProtocolException(ProtocolError.MALFORMED_PACKET, "DISCONNECT carries no payload");
            }
            data = json.parse(text.substring(i));
        }
        checkPayload(type, data);
        if (type.isBinary()) {
            Placeholders.resolve(data, attachments, null);
        }
        return new SocketPacket(type, namespace, ackId, data, attachments);
    }

    private static SocketPacketType clientType(char c) {
        return switch (c) {
            case '0' -> SocketPacketType.CONNECT;
            case '1' -> SocketPacketType.DISCONNECT;
            case '2' -> SocketPacketType.EVENT;
            case '3' -> SocketPacketType.ACK;
            case '5' -> SocketPacketType.BINARY_EVENT;
            case '6' -> SocketPacketType.BINARY_ACK;
            // '4' is CONNECT_ERROR: only a server sends it.
            default -> throw new ProtocolException(ProtocolError.UNKNOWN_PACKET_TYPE, "packet type not accepted");
        };
    }

    /** Payload rules of socket.io-parser's isPayloadValid, with string event names only. */
    private static void checkPayload(SocketPacketType type, JsonNode data) {
        switch (type) {
            case CONNECT -> {
                if (data != null && !data.isObject()) {
                    throw new ProtocolException(ProtocolError.MALFORMED_PACKET, "CONNECT payload is not an object");
                }
            }
            case EVENT, BINARY_EVENT -> {
                if (data == null || !data.isArray() || data.isEmpty() || !data.get(0).isTextual()) {
                    throw new ProtocolException(ProtocolError.BAD_EVENT, "event is not [name, ...args]");
                }
                if (RESERVED_EVENTS.contains(data.get(0).textValue())) {
                    throw new ProtocolException(ProtocolError.RESERVED_EVENT, "reserved event name");
                }
            }
            case ACK, BINARY_ACK -> {
                if (data == null || !data.isArray()) {
                    throw new ProtocolException(ProtocolError.MALFORMED_PACKET, "ack payload is not an array");
                }
            }
            default -> {
                // DISCONNECT was checked before parsing; CONNECT_ERROR never gets here.
            }
        }
    }

    /** Namespace end (exclusive): the ',' or the end of text. Refuses control chars, lone surrogates, length. */
    private static int namespaceEnd(String text, int start) {
        int length = text.length();
        int j = start;
        while (j < length) {
            char c = text.charAt(j);
            if (c == ',') {
                break;
            }
            if (j - start >= MAX_NAMESPACE_CHARS) {
                throw new ProtocolException(ProtocolError.MALFORMED_PACKET, "namespace too long");
            }
            if (Character.isISOControl(c)) {
                throw new ProtocolException(ProtocolError.MALFORMED_PACKET, "control character in namespace");
            }
            if (Character.isHighSurrogate(c)) {
                if (j + 1 >= length || !Character.isLowSurrogate(text.charAt(j + 1))) {
                    throw new ProtocolException(ProtocolError.MALFORMED_PACKET, "lone surrogate in namespace");
                }
                j++;
            } else if (Character.isLowSurrogate(c)) {
                throw new ProtocolException(ProtocolError.MALFORMED_PACKET, "lone surrogate in namespace");
            }
            j++;
        }
        return j;
    }

    /** End (exclusive) of the run of ASCII digits at {@code start}, scanning at most {@code cap} of them. */
    private static int digitsEnd(String text, int start, int cap) {
        int end = start;
        int stop = Math.min(text.length(), start + cap);
        while (end < stop && isDigit(text.charAt(end))) {
            end++;
        }
        return end;
    }

    /**
     * A decimal number from {@code text[start, end)}, refused by digit count before it is parsed, so an
     * overflowing value never becomes a number. No leading zeros: the reference encoder never writes them.
     */
    private static long boundedNumber(String text, int start, int end, int maxDigits, long max,
                                      ProtocolError error, String what) {
        int digits = end - start;
        if (digits > maxDigits) {
            throw new ProtocolException(error, what + " has too many digits");
        }
        if (digits > 1 && text.charAt(start) == '0') {
            throw new ProtocolException(error, what + " has a leading zero");
        }
        long value;
        try {
            value = Long.parseLong(text, start, end, 10);
        } catch (NumberFormatException e) {
            // Only reachable with a cap of 19 digits (Long.MAX_VALUE) and a 19-digit value above it.
            throw new ProtocolException(error, what + " overflows");
        }
        if (value > max) {
            throw new ProtocolException(error, what + " over the limit");
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
