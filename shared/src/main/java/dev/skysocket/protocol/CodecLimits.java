package dev.skysocket.protocol;

/**
 * Limits every decoder enforces before it allocates (DESIGN §9).
 *
 * @param maxFrameChars        longest text frame or packet accepted (API Gateway: 32 KB per frame)
 * @param maxPacketsPerPayload most packets in one polling payload
 * @param maxJsonDepth         deepest JSON nesting
 * @param maxStringLength      longest JSON string
 * @param maxNumberLength      longest JSON number literal
 * @param maxAttachments       most binary attachments one packet may announce
 * @param maxAckId             largest ack id accepted; 2^31−1 by default, the largest a client produces (the
 *                             reference client's ids are a counter the server answers as a 32-bit value)
 */
public record CodecLimits(int maxFrameChars, int maxPacketsPerPayload, int maxJsonDepth, int maxStringLength,
                          int maxNumberLength, int maxAttachments, long maxAckId) {

    public static final CodecLimits DEFAULT = new CodecLimits(1_000_000, 256, 32, 1_000_000, 100, 16,
            Integer.MAX_VALUE);

    public CodecLimits {
        if (maxFrameChars < 1 || maxPacketsPerPayload < 1 || maxJsonDepth < 1 || maxStringLength < 1
                || maxNumberLength < 1 || maxAttachments < 0 || maxAckId < 1) {
            throw new IllegalArgumentException("codec limits must be positive");
        }
    }

    public CodecLimits withMaxFrameChars(int chars) {
        return new CodecLimits(chars, maxPacketsPerPayload, maxJsonDepth, maxStringLength, maxNumberLength,
                maxAttachments, maxAckId);
    }
}
