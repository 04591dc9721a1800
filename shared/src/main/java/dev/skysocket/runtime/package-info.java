/**
 * What every path that serves connections is built from, whatever carries its frames: the AWS clients and the
 * stores and fan-out over one DynamoDB table ({@link dev.skysocket.runtime.AwsClients},
 * {@link dev.skysocket.runtime.DynamoBackend}), and the bound on a stored handshake
 * ({@link dev.skysocket.runtime.HandshakeFields}). The Lambda functions, the Fargate gateway and the local stack
 * build theirs here, so both paths share rooms, prune alike and read the same settings. Must not import
 * {@code dev.skysocket.apigw} or any HTTP server type.
 */
package dev.skysocket.runtime;
