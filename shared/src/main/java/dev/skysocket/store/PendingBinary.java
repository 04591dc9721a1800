package dev.skysocket.store;

import java.util.List;

/**
 * A binary Socket.IO packet whose header arrived but not all of its attachments. On API Gateway every frame is
 * its own invocation, so the parts wait in the connection item.
 *
 * @param header      the packet text, as received
 * @param attachments the attachments received so far, base64
 * @param expected    how many attachments the header announced
 */
public record PendingBinary(String header, List<String> attachments, int expected) {
    public PendingBinary {
        attachments = List.copyOf(attachments);
    }
}
