package dev.skysocket.gateway.http.management;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The room notice header's four parts (tenant, namespace, room, endpoint): base64url UTF-8 joined by '.'. */
final class RoomNoticeParts {
    private static final int PARTS = 4;

    private RoomNoticeParts() {
    }

    /** The four parts, or null when the header is not four well-formed, non-empty-endpoint parts. */
    static String[] decode(String header) {
        String[] encoded = header.split("\\.", -1);
        if (encoded.length != PARTS) {
            return null;
        }
        String[] parts = new String[PARTS];
        try {
            for (int i = 0; i < PARTS; i++) {
                byte[] bytes = Base64.getUrlDecoder().decode(encoded[i]);
                parts[i] = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            }
        } catch (IllegalArgumentException | CharacterCodingException malformed) {
            return null;
        }
        return parts[2].isEmpty() || parts[3].isEmpty() ? null : parts;
    }
}
