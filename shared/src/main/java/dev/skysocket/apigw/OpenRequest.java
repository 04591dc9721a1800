package dev.skysocket.apigw;

/** The deferred open step's input: which connection, and the Management API endpoint that reaches it. */
public record OpenRequest(String connectionId, String endpoint) {
}
