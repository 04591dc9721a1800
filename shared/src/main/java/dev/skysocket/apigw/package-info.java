/**
 * The API Gateway WebSocket path in plain Java: {@code $connect}, {@code $default}, {@code $disconnect}, the
 * deferred open-packet step and the heartbeat sweep (several passes per scheduled invocation), wired by
 * {@link dev.skysocket.apigw.ApiGatewayRuntime} (built from settings in one place,
 * {@code ApiGatewayRuntime.fromSettings}, for the Lambda functions and the local stack); and the Lambda REQUEST authorizer on {@code $connect}
 * ({@link dev.skysocket.apigw.ApiGatewayAuthorizer}, around a {@code dev.skysocket.api.auth.ConnectAuthorizer});
 * and the ordered mode's consumer of client frames from an SQS FIFO queue
 * ({@link dev.skysocket.apigw.OrderedMessageRoute}, {@link dev.skysocket.apigw.QueuedFrame}).
 * Lambda handlers (module {@code functions}) and the local emulator (module {@code local}) both call these
 * classes, so one code path runs locally and on AWS. Handles Engine.IO control packets (pong, close) itself and
 * hands messages to {@code dev.skysocket.server}. Must not import Quarkus or HTTP server types.
 */
package dev.skysocket.apigw;
