package dev.skysocket.store;

import java.util.List;

/**
 * Parts of binary Socket.IO packets still waiting for each other, kept in the connection item: on API Gateway every
 * frame is its own invocation, and one connection's invocations may run at the same time and in any order, so a
 * packet's header may come after its attachments and other packets may come between them. Parts are matched in
 * the order they were stored: the first header waiting takes the first attachments waiting.
 *
 * @param headers     binary packet texts whose attachments have not all arrived, as received
 * @param attachments attachments no header has taken yet, base64
 * @param version     the stored version this was read at (0 when none was ever stored); a replacement is written
 *                    only while the stored version is still this one
 */
public record PendingBinary(List<String> headers, List<String> attachments, long version) {
    public static final PendingBinary NONE = new PendingBinary(List.of(), List.of(), 0);

    public PendingBinary {
        headers = List.copyOf(headers);
        attachments = List.copyOf(attachments);
    }

    public boolean isEmpty() {
        return headers.isEmpty() && attachments.isEmpty();
    }
}
