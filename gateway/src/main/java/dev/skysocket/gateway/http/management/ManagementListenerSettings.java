package dev.skysocket.gateway.http.management;

/**
 * What the private {@code @connections} listener binds and enforces; the wiring reads them from the node's
 * settings ({@code skysocket.gateway-management-*}, {@code skysocket.http-header-timeout-ms}).
 *
 * @param host            the bind address
 * @param port            the port; 0 picks a free one
 * @param basePath        "" or a path starting with '/' and not ending with one, before {@code /@connections}
 * @param maxMessageBytes the largest POST body; over it, 413
 * @param headerTimeoutMs a request whose headers take longer than this closes its connection
 */
public record ManagementListenerSettings(String host, int port, String basePath, int maxMessageBytes,
                                         long headerTimeoutMs) {
}
