/**
 * Load benchmarks, run by hand through {@code bench/*.sh}, never by the test suite. Two of them:
 * <ul>
 *   <li>Fan-out ({@code bench/fanout.sh}, {@link dev.skysocket.gateway.bench.FanoutLoad}): how many signed
 *   {@code PostToConnection} calls per second one {@code ManagementApiFanout} gets through against the local API
 *   Gateway emulator, beside what a plain HTTP load tool (wrk) gets from the same endpoint in the same run.</li>
 *   <li>The reference comparison ({@code bench/reference.sh}, {@link dev.skysocket.gateway.bench.ReferenceComparison}):
 *   the fallback gateway and stock socket.io running the same example app, one after the other in one run, each in
 *   its own process, against the same raw Engine.IO client swarm: memory per idle connection, the largest room a
 *   broadcast reaches within a p95 limit, and emit-to-receive latency in a busy room (also on the local stack's API
 *   Gateway path).</li>
 * </ul>
 *
 * <p>Owns: the load drivers, the client swarms (a child JVM of {@code java.net.http} clients for fan-out; raw
 * Engine.IO websockets on Vert.x for the comparison), the server processes they start and the Markdown reports.
 * They print figures and assert no timing; the only checks are counts (every client got every frame).
 *
 * <p>Must not import: emulator or gateway internals (only public entry points: the emulator's API,
 * {@code LocalDynamo}, {@code TableBootstrap}) or Socket.IO server types: the servers under test run in their own
 * processes and are reached over the wire.
 */
package dev.skysocket.gateway.bench;
