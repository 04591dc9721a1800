/**
 * Who may connect: a {@link dev.skysocket.api.auth.ConnectAuthorizer} sees each connection's query string and
 * headers at {@code $connect} (before any Socket.IO packet) and answers with the tenant and user the connection
 * belongs to, or a refusal. Skysocket ships a JWT authorizer; an app may list its own in
 * {@code META-INF/services/dev.skysocket.api.auth.ConnectAuthorizer}. The same code runs as the API Gateway
 * Lambda authorizer and in the local emulator.
 */
package dev.skysocket.api.auth;
