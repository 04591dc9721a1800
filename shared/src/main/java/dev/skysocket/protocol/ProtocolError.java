package dev.skysocket.protocol;

/** What was wrong with an inbound frame or packet (DESIGN §9). */
public enum ProtocolError {
    /** Empty frame or packet. */
    EMPTY,
    /** A packet type character that the protocol does not define, or one a client may not send. */
    UNKNOWN_PACKET_TYPE,
    /** The packet's framing is wrong: bad namespace, missing ack id, a payload where none belongs. */
    MALFORMED_PACKET,
    /** Frame, body or JSON larger than the configured limit. */
    TOO_LARGE,
    /** More packets in one polling payload than allowed. */
    TOO_MANY_PACKETS,
    /** A {@code b...} packet whose base64 does not decode. */
    BAD_BASE64,
    /** Not JSON, trailing garbage after it, or JSON over the depth, string or number limits. */
    BAD_JSON,
    /** An ack id that overflows or exceeds the cap. */
    BAD_ACK_ID,
    /** Attachment count over the cap, or placeholders of the wrong type or out of range. */
    BAD_ATTACHMENTS,
    /** An EVENT whose payload is not a non-empty array with a string name. */
    BAD_EVENT,
    /** An EVENT named like a reserved Socket.IO event. */
    RESERVED_EVENT,
    /** A packet arriving in the wrong state (an event before CONNECT, a second binary header, ...). */
    UNEXPECTED_PACKET
}
