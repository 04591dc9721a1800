/**
 * A local emulator of an AWS API Gateway WebSocket API stage with Lambda proxy integrations, so that code tested on
 * a laptop meets the same rules it will meet on AWS (see DESIGN §4 and §7 and AWS-FACTS, API Gateway section).
 *
 * <p>Owns: the WebSocket listener on the stage path, the {@code $connect}/{@code $default}/{@code $disconnect}
 * events in AWS's JSON shape, the Management API ({@code POST}/{@code GET}/{@code DELETE @connections/{id}}) on the
 * same port, and AWS's limits (410 before {@code $connect} returns, 1003 on binary frames, 1009 over 32 KB frames or
 * 128 KB messages, 1008 past the gateway's 64 fragments of one message or its header timeout for finishing one,
 * 1001 after 10 idle minutes or 2 hours,
 * {@code $disconnect} exactly once), and what its front end refuses before any route runs (400 for a broken query
 * escape or websocket key, 408 and a cut-off when a request's headers take over 10 s; the guards are
 * {@code gateway.http}'s). Public API:
 * {@link dev.skysocket.local.apigw.ApiGatewayEmulator}, {@link dev.skysocket.local.apigw.EmulatorSettings},
 * {@link dev.skysocket.local.apigw.WebSocketIntegration}, {@link dev.skysocket.local.apigw.EmulatorStats}, and for a
 * {@code $connect} Lambda REQUEST authorizer {@link dev.skysocket.local.apigw.AuthorizerSettings} and
 * {@link dev.skysocket.local.apigw.RequestAuthorizer} (401 on a missing identity source, 403 unless the policy
 * allows the {@code methodArn}, 500 on a failure; what it allowed is every event's
 * {@code requestContext.authorizer}).
 *
 * <p>Local choices, where AWS leaves a value free: {@code domainName} is {@code 127.0.0.1:<port>} and the
 * {@code $connect} event says {@code X-Forwarded-Proto: http}, so a backend that builds its callback URL as
 * {@code <proto>://<domainName>/<stage>} reaches this emulator's Management API; SigV4 signatures are required in
 * form but not verified. As on AWS, one connection's {@code $default} invocations overlap and finish in any order
 * (with a small random delay before each so that they really do); {@link dev.skysocket.local.apigw.InvocationOrder#SERIAL}
 * runs them one at a time in arrival order instead, for tests that must not see reordering.
 *
 * <p>Ordered mode ({@link dev.skysocket.local.apigw.ApiGatewayEmulator#deliverInOrder}): {@code $default} sends
 * each frame to an in-process SQS FIFO queue grouped by connection id, consumed through a
 * {@link dev.skysocket.local.apigw.QueueIntegration} in SQS events, as template.yaml's {@code MessageDelivery=ordered}
 * deploys it; {@code FifoQueue} says what of SQS and the event source mapping is emulated.
 *
 * <p>Inside: {@code ApiGatewayEmulator} is the public face (settings, URLs, start and close); a run is a
 * {@code StageServer} (listener, workers, stop order). {@code UpgradeHandler} decides each upgrade (with
 * {@code AuthorizerCall} and {@code $connect}), {@code LiveConnections} turns accepted sockets into
 * {@code EmulatedConnection}s and drains them on shutdown, {@code ManagementRoutes} routes plain HTTP to
 * {@code gateway.http.management}'s {@code ManagementRoute} over {@code EmulatorTargets} (the live connections, with
 * {@code ManagementFaults}' scripted answers), {@code InvocationDispatch} starts {@code $default} calls (serial ones
 * through {@code gateway.concurrent.SerialExecutor}, concurrent ones in the connection's lane of {@code FairDispatch},
 * whose lanes take turns at the workers so that one connection's flood does not hold up the others'),
 * {@code LivenessSweep} enforces the idle and age limits,
 * and {@code OrderedMode} becomes the running {@code OrderedDelivery} once the port is known.
 *
 * <p>Must not import: anything Socket.IO or Engine.IO ({@code dev.skysocket.protocol}, {@code dev.skysocket.server},
 * {@code dev.skysocket.apigw}) — the integration sees only JSON events. It is this module's HTTP binding: Vert.x and
 * Netty are allowed here, and nowhere else in the module (enforced by {@code LocalArchitectureTest}).
 */
package dev.skysocket.local.apigw;
