package dev.skysocket.protocol.socketio;

import java.util.Arrays;
import java.util.List;

/** A packet's text form plus the binary attachments that follow it, in order. */
public record EncodedSocketPacket(String text, List<byte[]> attachments) {
    public EncodedSocketPacket {
        attachments = List.copyOf(attachments);
    }

    /** Equal when the text and every attachment's bytes are equal (a record compares arrays by identity). */
    @Override
    public boolean equals(Object other) {
        if (!(other instanceof EncodedSocketPacket that) || !text.equals(that.text)
                || attachments.size() != that.attachments.size()) {
            return false;
        }
        for (int i = 0; i < attachments.size(); i++) {
            if (!Arrays.equals(attachments.get(i), that.attachments.get(i))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        int hash = text.hashCode();
        for (byte[] attachment : attachments) {
            hash = 31 * hash + Arrays.hashCode(attachment);
        }
        return hash;
    }

    /** Sizes only: a packet's content never goes into logs. */
    @Override
    public String toString() {
        return "EncodedSocketPacket[chars=" + text.length() + ", attachments=" + attachments.size() + "]";
    }
}
