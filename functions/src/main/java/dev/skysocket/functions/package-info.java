/**
 * The Lambda functions of the API Gateway path: thin Quarkus handlers that map an event to one call on
 * {@link dev.skysocket.apigw.ApiGatewayRuntime} and back, plus the wiring that builds that runtime once per process
 * (through {@code ApiGatewayRuntime.fromSettings}, as the local stack does) and owns its clients.
 *
 * <p>All handlers ship in one {@code function.zip}. Each function picks its handler with
 * {@code QUARKUS_LAMBDA_HANDLER} ({@code connect}, {@code default}, {@code disconnect}, {@code open},
 * {@code heartbeat}, {@code publish}); Quarkus silently picks one of several {@code @Named} handlers when it is
 * unset, so {@link dev.skysocket.functions.RuntimeProducer} refuses to start without it.
 *
 * <p>Owns no protocol or storage logic: it must not import the codecs ({@code dev.skysocket.protocol.*}) or the
 * DynamoDB model ({@code dev.skysocket.store.dynamodb}); those stay behind {@code dev.skysocket.apigw}.
 */
package dev.skysocket.functions;
