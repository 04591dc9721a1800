package dev.skysocket.apigw;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;

/**
 * The Management API base URL for a connection: {@code https://<domainName>/<stage>} as AWS documents, unless
 * configured (a custom domain's mapping, or the local emulator's plain-HTTP address).
 */
public final class CallbackEndpoint {
    private final String override;

    public CallbackEndpoint(String override) {
        this.override = override == null || override.isBlank() ? null : stripSlash(override);
    }

    public String of(APIGatewayV2WebSocketEvent event) {
        if (override != null) {
            return override;
        }
        var context = event.getRequestContext();
        return "https://" + context.getDomainName() + "/" + context.getStage();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
