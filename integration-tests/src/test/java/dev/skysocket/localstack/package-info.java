/**
 * Tests against LocalStack in a container, only with {@code -Plocalstack} (the profile adds Testcontainers and
 * compiles this package) and only where a Docker engine answers; elsewhere they skip. LocalStack's community
 * edition has DynamoDB but not API Gateway WebSocket APIs or ECS, so only the table is covered here.
 * Must not import gateway code: the stores under test are the shared module's.
 */
package dev.skysocket.localstack;
