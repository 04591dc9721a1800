/**
 * The open-packet latency benchmark, run by hand through {@code bench/open-latency.sh}, never by the test suite:
 * on the local stack (API Gateway emulator, the Lambda-style routes, DynamoDB Local), how long a raw WebSocket
 * client waits between the 101 of its upgrade and the Engine.IO open packet {@code 0{...}}.
 *
 * <p>Owns: the raw client that timestamps the 101 and the first frame, the driver and its Markdown report. It
 * prints figures and asserts no timing; a connection that never gets its open packet is counted and fails the run.
 *
 * <p>Must not import: emulator internals (only the public {@code gateway.apigw} and {@code gateway.local} API).
 */
package dev.skysocket.gateway.bench.open;
