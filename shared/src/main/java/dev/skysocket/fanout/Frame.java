package dev.skysocket.fanout;

import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.SdkBytes;

/**
 * One encoded frame, prepared once per fan-out and shared by every recipient: its UTF-8 bytes and their SHA-256,
 * which every recipient's signature needs (SigV4 hashes the body).
 *
 * @param bytes  never modified after construction
 * @param sha256 lower-case hex
 */
record Frame(byte[] bytes, String sha256) {

    static Frame of(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new Frame(bytes, PostSigner.sha256Hex(bytes));
    }

    /** The same bytes for the SDK client, without a copy. */
    SdkBytes sdkBytes() {
        return SdkBytes.fromByteArrayUnsafe(bytes);
    }
}
