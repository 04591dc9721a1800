package dev.skysocket.apigw;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;

/**
 * The Management API base URL for a connection: {@code https://<api id>.execute-api.<region>.<suffix>/<stage>},
 * built from the event's API id and the function's Region, unless configured (the local emulator's plain-HTTP
 * address, or a custom domain's mapping where the execute-api endpoint is disabled). Not from
 * {@code requestContext.domainName}: behind a custom domain that is the custom domain, whose
 * {@code /@connections} answers 403 (AWS-FACTS, custom domains).
 */
public final class CallbackEndpoint {
    private final String override;
    private final String region;

    /**
     * @param override the configured base URL ({@code skysocket.management-endpoint}), or null
     * @param region   the Region the API is in (the function's own), or null where only the override is used
     */
    public CallbackEndpoint(String override, String region) {
        this.override = override == null || override.isBlank() ? null : stripSlash(override);
        this.region = region == null || region.isBlank() ? null : region;
    }

    public String of(APIGatewayV2WebSocketEvent event) {
        if (override != null) {
            return override;
        }
        var context = event.getRequestContext();
        String apiId = context.getApiId();
        if (region != null && apiId != null && apiId.matches("[a-z0-9]{1,32}")) {
            return "https://" + apiId + ".execute-api." + region + "." + dnsSuffix(region) + "/" + context.getStage();
        }
        // No API id (or no Region): the domain the client used, right for the default endpoint only.
        return "https://" + context.getDomainName() + "/" + context.getStage();
    }

    /** The partition's DNS suffix: China Regions have their own. */
    private static String dnsSuffix(String region) {
        return region.startsWith("cn-") ? "amazonaws.com.cn" : "amazonaws.com";
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
