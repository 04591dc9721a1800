package dev.skysocket.local.apigw;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * What API Gateway remembers about a connection from its upgrade request and repeats in every event.
 *
 * @param connectionId      the AWS-style connection id
 * @param connectedAtMillis epoch milliseconds of the upgrade request ({@code requestContext.connectedAt})
 * @param sourceIp          the client's address ({@code identity.sourceIp})
 * @param userAgent         the client's User-Agent header, or null
 * @param headers           the upgrade request's headers as they appear in the {@code $connect} event, in order
 * @param rawQuery          the upgrade request's query string, undecoded, or null
 * @param authorizer        {@code requestContext.authorizer} of every event: what the {@code $connect} Lambda
 *                          authorizer allowed ({@code principalId}, its context, {@code integrationLatency}), or
 *                          null when no authorizer is configured; never modified once set
 */
record ConnectionContext(String connectionId, long connectedAtMillis, String sourceIp, String userAgent,
                         List<Map.Entry<String, String>> headers, String rawQuery, ObjectNode authorizer) {

    ConnectionContext {
        headers = List.copyOf(headers);
        authorizer = authorizer == null ? null : authorizer.deepCopy();
    }

    /** A connection no authorizer has seen. */
    ConnectionContext(String connectionId, long connectedAtMillis, String sourceIp, String userAgent,
                      List<Map.Entry<String, String>> headers, String rawQuery) {
        this(connectionId, connectedAtMillis, sourceIp, userAgent, headers, rawQuery, null);
    }

    /** This connection as its authorizer allowed it. */
    ConnectionContext withAuthorizer(ObjectNode allowed) {
        return new ConnectionContext(connectionId, connectedAtMillis, sourceIp, userAgent, headers, rawQuery, allowed);
    }

    /** The upgrade request's last value of query parameter {@code name} (as the event shows it), or null. */
    String queryParameter(String name) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        List<String> values = WebSocketEvents.QueryStrings.parse(rawQuery).get(name);
        return values == null ? null : values.get(values.size() - 1);
    }
}
