package dev.skysocket.local.apigw;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of what crossed the emulator, thread-safe and cheap to update. AWS bills WebSocket messages in 32 KB
 * units in both directions, so benchmarks read frames and messages per delivered event from here.
 */
public final class EmulatorStats {

    private final LongAdder inboundFrames = new LongAdder();
    private final LongAdder inboundMessages = new LongAdder();
    private final LongAdder outboundFrames = new LongAdder();
    private final LongAdder outboundMessages = new LongAdder();
    private final LongAdder posts = new LongAdder();
    private final LongAdder connectionsOpened = new LongAdder();
    private final LongAdder connectionsClosed = new LongAdder();
    private final LongAdder connectsRefused = new LongAdder();
    private final LongAdder goneResponses = new LongAdder();
    private final LongAdder integrationFailures = new LongAdder();
    private final LongAdder connectInvocations = new LongAdder();
    private final LongAdder defaultInvocations = new LongAdder();
    private final LongAdder disconnectInvocations = new LongAdder();
    private final LongAdder authorizerInvocations = new LongAdder();
    private final LongAdder throttledInvocations = new LongAdder();
    private final LongAdder droppedInvocations = new LongAdder();

    /** Inbound data frames (text, binary, continuation), control frames excluded. */
    public long inboundFrames() {
        return inboundFrames.sum();
    }

    /** Complete inbound text messages handed to {@code $default}. */
    public long inboundMessages() {
        return inboundMessages.sum();
    }

    /** Frames sent to clients: Management API posts and route responses, split at the frame limit. */
    public long outboundFrames() {
        return outboundFrames.sum();
    }

    /** Messages sent to clients: Management API posts and route responses. */
    public long outboundMessages() {
        return outboundMessages.sum();
    }

    /** Management API posts that reached a connection (answered 200). */
    public long posts() {
        return posts.sum();
    }

    /** Connections whose {@code $connect} succeeded and whose 101 was sent. */
    public long connectionsOpened() {
        return connectionsOpened.sum();
    }

    /** Opened connections that have since closed, for whatever reason. */
    public long connectionsClosed() {
        return connectionsClosed.sum();
    }

    /** Upgrade requests refused: wrong path, or {@code $connect} failed, timed out or answered non-2xx. */
    public long connectsRefused() {
        return connectsRefused.sum();
    }

    /** Management API requests answered 410 GoneException. */
    public long goneResponses() {
        return goneResponses.sum();
    }

    /** Route invocations that threw, timed out or answered something that is not a proxy response. */
    public long integrationFailures() {
        return integrationFailures.sum();
    }

    /** Integration invocations of {@code $connect} (each one a Lambda invocation on AWS). */
    public long connectInvocations() {
        return connectInvocations.sum();
    }

    /** Integration invocations of {@code $default}: one per complete inbound message. */
    public long defaultInvocations() {
        return defaultInvocations.sum();
    }

    /** Integration invocations of {@code $disconnect}. */
    public long disconnectInvocations() {
        return disconnectInvocations.sum();
    }

    /** Invocations of the {@code $connect} route's Lambda authorizer, when one is configured. */
    public long authorizerInvocations() {
        return authorizerInvocations.sum();
    }

    /** Messages AWS bills: inbound and outbound, each counted per 32 KB frame. */
    public long billedMessages() {
        return inboundFrames() + outboundFrames();
    }

    /** Connections open right now. */
    public long openConnections() {
        return connectionsOpened.sum() - connectionsClosed.sum();
    }

    void inboundFrame() {
        inboundFrames.increment();
    }

    void inboundMessage() {
        inboundMessages.increment();
    }

    void outboundMessage(int frames) {
        outboundMessages.increment();
        outboundFrames.add(frames);
    }

    void post() {
        posts.increment();
    }

    void connectionOpened() {
        connectionsOpened.increment();
    }

    void connectionClosed() {
        connectionsClosed.increment();
    }

    void connectRefused() {
        connectsRefused.increment();
    }

    void gone() {
        goneResponses.increment();
    }

    void invocation(String routeKey) {
        switch (routeKey) {
            case "$connect" -> connectInvocations.increment();
            case "$disconnect" -> disconnectInvocations.increment();
            default -> defaultInvocations.increment();
        }
    }

    /** {@code $default} and {@code $disconnect} invocations refused because the backlog was full. */
    public long throttledInvocations() {
        return throttledInvocations.sum();
    }

    void throttled() {
        throttledInvocations.increment();
    }

    /**
     * {@code $default} invocations admitted but dropped before they started, because the gateway closed their
     * connection meanwhile (a Management API {@code DELETE}, a limit, shutdown); a client's own close drops none.
     */
    public long droppedInvocations() {
        return droppedInvocations.sum();
    }

    void droppedInvocation() {
        droppedInvocations.increment();
    }

    void authorizerInvocation() {
        authorizerInvocations.increment();
    }

    void integrationFailure() {
        integrationFailures.increment();
    }

    @Override
    public String toString() {
        return "EmulatorStats{inboundFrames=" + inboundFrames() + ", inboundMessages=" + inboundMessages()
                + ", outboundFrames=" + outboundFrames() + ", outboundMessages=" + outboundMessages()
                + ", posts=" + posts() + ", opened=" + connectionsOpened() + ", closed=" + connectionsClosed()
                + ", refused=" + connectsRefused() + ", gone=" + goneResponses()
                + ", integrationFailures=" + integrationFailures() + ", invocations=" + connectInvocations() + "/"
                + defaultInvocations() + "/" + disconnectInvocations() + ", authorizerInvocations="
                + authorizerInvocations() + ", throttled=" + throttledInvocations() + ", dropped=" + droppedInvocations()
                + "}";
    }
}
