/**
 * A test kit for Skysocket apps: {@link dev.skysocket.testkit.SkysocketTest} starts the local stack (DynamoDB
 * Local, the API Gateway emulator running the Lambda code path, the fallback gateway) with the app, once per test
 * class, and {@link dev.skysocket.testkit.LocalStack} connects the stock Java socket.io-client to either path as a
 * {@link dev.skysocket.testkit.TestClient} that blocks until what the test waits for has arrived.
 *
 * <p>Owns only test-side glue: it starts {@code dev.skysocket.local.LocalRunner} and drives
 * {@code io.socket.client}; it never reaches into the stack's store, codecs or sessions, so a test sees the app
 * exactly as a client does.
 */
package dev.skysocket.testkit;
