package dev.skysocket.gateway.http;

import java.util.Objects;

/**
 * A fixed document served at one path of the public listener (the local stack's demo page and its client
 * bundle). Held in memory, so no request path is ever mapped onto the file system.
 *
 * @param contentType the Content-Type header
 * @param body        the bytes served
 */
public record StaticPage(String contentType, byte[] body) {
    public StaticPage {
        Objects.requireNonNull(contentType, "contentType");
        body = body.clone();
    }
}
