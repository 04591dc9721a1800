package dev.skysocket.server;

import dev.skysocket.protocol.ProtocolError;
import dev.skysocket.protocol.ProtocolException;
import dev.skysocket.protocol.socketio.SocketIoDecoder;
import dev.skysocket.store.PendingBinary;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts binary packets together from parts that may arrive in any order (API Gateway runs one connection's frames
 * concurrently): a header waits for its attachments, an attachment for its header; the first header waiting
 * takes the first attachments waiting. Pure: the caller stores what is left with a conditional write.
 *
 * <p>What this cannot do without an order the transport does not give: an attachment frame carries no packet and
 * no position, so when parts of two binary packets are in flight at once, or one packet has several attachments,
 * parts that overtook each other are matched as they arrived. One binary packet with one attachment at a time is
 * always put together right; strict order needs the ordered mode.
 */
final class BinaryAssembly {
    /** Headers that may wait: a client sends one header per binary packet, and a packet announces at most 16. */
    static final int MAX_WAITING_HEADERS = 16;
    static final int MAX_WAITING_ATTACHMENTS = 256;
    /** Characters of waiting parts; keeps the connection item well under DynamoDB's 400 KB item limit. */
    static final int MAX_WAITING_CHARS = 256 * 1024;

    /** One packet's parts, put together: its header text and attachments (base64) in order. */
    record Complete(String header, List<String> attachments) {
    }

    /** What the new part completed, and what still waits (to be stored). */
    record Step(List<Complete> complete, PendingBinary waiting) {
    }

    private final SocketIoDecoder decoder;

    BinaryAssembly(SocketIoDecoder decoder) {
        this.decoder = decoder;
    }

    Step withHeader(PendingBinary read, String header) {
        List<String> headers = new ArrayList<>(read.headers());
        headers.add(header);
        return settle(headers, new ArrayList<>(read.attachments()), read.version());
    }

    Step withAttachment(PendingBinary read, String base64) {
        List<String> attachments = new ArrayList<>(read.attachments());
        attachments.add(base64);
        return settle(new ArrayList<>(read.headers()), attachments, read.version());
    }

    private Step settle(List<String> headers, List<String> attachments, long version) {
        List<Complete> complete = new ArrayList<>();
        while (!headers.isEmpty()) {
            int expected = decoder.decode(headers.get(0)).attachments();
            if (attachments.size() < expected) {
                break;
            }
            List<String> taken = List.copyOf(attachments.subList(0, expected));
            attachments.subList(0, expected).clear();
            complete.add(new Complete(headers.remove(0), taken));
        }
        long chars = headers.stream().mapToLong(String::length).sum()
                + attachments.stream().mapToLong(String::length).sum();
        if (headers.size() > MAX_WAITING_HEADERS || attachments.size() > MAX_WAITING_ATTACHMENTS
                || chars > MAX_WAITING_CHARS) {
            throw new ProtocolException(ProtocolError.TOO_LARGE, "too many binary parts waiting for each other");
        }
        return new Step(complete, new PendingBinary(headers, attachments, version));
    }
}
