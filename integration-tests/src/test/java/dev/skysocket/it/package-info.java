/**
 * Integration tests: the stock socket.io-client v4 (Node scenarios in {@code js/scenarios}), the Java
 * socket.io-client and bare WebSockets against the local stack — the API Gateway emulator, the same route classes
 * Lambda runs, and DynamoDB Local, all in the test JVM. Tests reach the server only through the wire, the
 * Management API and the stores' public interfaces; they never import {@code gateway} internals beyond
 * {@code LocalRunner}, the emulator it exposes and {@code FallbackGateway}. The gateway drain and forwarding tests
 * run nodes in their own JVMs ({@code GatewayProcess}) or in this one, behind a test balancer ({@code AlbProxy}).
 * With {@code -Dskysocket.it.wss-url} the client tests run against a deployed stack instead
 * ({@link dev.skysocket.it.TestStack#target()}); local-only tests then skip.
 */
package dev.skysocket.it;
