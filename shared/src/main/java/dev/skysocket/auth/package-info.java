/**
 * Who may open a connection: the {@link dev.skysocket.api.auth.ConnectAuthorizer} SPI (in the API) asked once per
 * {@code $connect}, its one built-in JWT implementation ({@link dev.skysocket.auth.JwtAuthorizer}, RS256/ES256
 * against the issuer's JWKS), the anonymous fallback, and the ServiceLoader lookup that picks one
 * ({@link dev.skysocket.auth.ConnectAuthorizers}).
 * API Gateway WebSocket APIs run only Lambda REQUEST authorizers on {@code $connect}, and browsers cannot set
 * headers on a WebSocket, so the token travels in the query string. The Lambda authorizer and the local emulator
 * run these same classes through {@code dev.skysocket.apigw.ApiGatewayAuthorizer}.
 * Imports only the JDK, {@code dev.skysocket.config} and Nimbus JOSE+JWT: no AWS, Quarkus or HTTP server types.
 */
package dev.skysocket.auth;
