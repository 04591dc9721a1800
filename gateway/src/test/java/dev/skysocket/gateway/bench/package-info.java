/**
 * A fan-out load benchmark, run by hand through {@code bench/fanout.sh}, never by the test suite: how many signed
 * {@code PostToConnection} calls per second one {@code ManagementApiFanout} gets through against the local API
 * Gateway emulator, beside what a plain HTTP load tool (wrk) gets from the same endpoint in the same run.
 *
 * <p>Owns: the load driver ({@link dev.skysocket.gateway.bench.FanoutLoad}), the WebSocket client swarm that runs in
 * a child JVM (so client and server sockets each fit under the per-process file-descriptor limit), the wrk run and
 * the Markdown report. It prints figures and asserts no timing; the only check is that every client got every
 * frame (a count).
 *
 * <p>Must not import: emulator internals (only the public {@code gateway.apigw} API) or Socket.IO types.
 */
package dev.skysocket.gateway.bench;
