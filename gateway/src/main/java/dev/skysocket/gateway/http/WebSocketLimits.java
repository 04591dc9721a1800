package dev.skysocket.gateway.http;

/**
 * What one inbound websocket message may cost the gateway. Frames and messages are bounded by Engine.IO's
 * {@code maxPayload} (one message is one packet, and the open packet tells clients the bound); the frame bound
 * is checked by Netty against the declared length before the payload is read, the message bound before a
 * fragment is added. Fragments are bounded too ({@link MessageAssembly#MAX_FRAGMENTS}), so a flood of empty or
 * tiny ones cannot hold a message open; a message's fragments must all arrive within the listener's header timeout
 * (10 s by default), the same patience a request's headers get.
 *
 * @param maxMessageBytes        largest message; 1009 above it
 * @param maxFragments           most frames one message may span; 1008 above it
 * @param maxFragmentedMessageMs longest a fragmented message may stay unfinished; 1008 past it
 */
record WebSocketLimits(int maxMessageBytes, int maxFragments, long maxFragmentedMessageMs) {
    static final int MAX_FRAGMENTS = MessageAssembly.MAX_FRAGMENTS;

    WebSocketLimits {
        if (maxMessageBytes < 1 || maxFragments < 1 || maxFragmentedMessageMs < 1) {
            throw new IllegalArgumentException("websocket limits must be positive");
        }
    }

    static WebSocketLimits of(int maxPayload, long fragmentedMessageMs) {
        return new WebSocketLimits(maxPayload, MAX_FRAGMENTS, fragmentedMessageMs);
    }
}
