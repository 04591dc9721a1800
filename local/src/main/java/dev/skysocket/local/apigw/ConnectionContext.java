package dev.skysocket.local.apigw;

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
 */
record ConnectionContext(String connectionId, long connectedAtMillis, String sourceIp, String userAgent,
                         List<Map.Entry<String, String>> headers, String rawQuery) {

    ConnectionContext {
        headers = List.copyOf(headers);
    }
}
