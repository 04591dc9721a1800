/**
 * Test fixtures other modules reuse through the shared test-jar: DynamoDB Local on a loopback port
 * ({@link dev.skysocket.testing.DynamoDbLocalServer}) and an SDK interceptor that records operation names.
 *
 * <p>Real parts only; must not import the Socket.IO layer or the API Gateway path, so every module can use it.
 */
package dev.skysocket.testing;
