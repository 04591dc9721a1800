/**
 * Fan-out through the API Gateway Management API ({@code @connections}: POST, GET, DELETE), DESIGN §6.
 *
 * <p>Owns the Management API clients (one per endpoint base URL, one shared Netty HTTP client, SDK retries off),
 * {@code PostToConnection} as one SigV4-signed request on keep-alive connections of its own (Netty, TLS with host
 * name checks; the signature is checked byte for byte against the SDK's signer in tests; the paths it was measured
 * against, the SDK's HTTP client and the SDK client, are in the shared test jar for tests and benchmarks only),
 * bounded-concurrency
 * delivery of already-encoded frames with per-recipient order, retries of 429 and 5xx with
 * capped exponential backoff and full jitter, and the delivered / gone / failed report. A 410 is reported for
 * that recipient alone through {@link dev.skysocket.fanout.GoneListener}; pruning store items is the listener's
 * job, not this package's.
 *
 * <p>Must not import {@code dev.skysocket.store}, {@code dev.skysocket.server}, {@code dev.skysocket.apigw},
 * the protocol codecs, DynamoDB or Quarkus: it moves opaque frames to connection ids and knows nothing of rooms
 * or Socket.IO. Netty appears only in its own {@code PostToConnection} client ({@code PooledFramePoster},
 * {@code PostTransport}, {@code PostExchange}), which the rest sees through {@code FramePoster}; enforced by
 * {@code SharedArchitectureTest}.
 */
package dev.skysocket.fanout;
