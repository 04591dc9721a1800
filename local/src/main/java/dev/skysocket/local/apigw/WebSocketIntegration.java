package dev.skysocket.local.apigw;

/** The backend behind the routes, called like Lambda: event JSON in, response JSON out (may be null). */
public interface WebSocketIntegration {

    /**
     * Handles one route invocation, as a Lambda proxy integration would.
     *
     * @param routeKey  {@code "$connect"}, {@code "$default"} or {@code "$disconnect"}
     * @param eventJson the API Gateway WebSocket event, shaped as AWS sends it to Lambda
     * @return the proxy response JSON ({@code {"statusCode":200,"body":"..."}}), or null for no response
     */
    String invoke(String routeKey, String eventJson) throws Exception;
}
