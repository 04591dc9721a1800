package dev.skysocket.apigw;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;

/** Route answers. API Gateway only looks at the status code of $connect; other routes just return 200. */
final class Responses {
    private Responses() {
    }

    static APIGatewayV2WebSocketResponse status(int code) {
        APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
        response.setStatusCode(code);
        return response;
    }

    static APIGatewayV2WebSocketResponse ok() {
        return status(200);
    }
}
