package dev.skysocket.local.apigw;

/**
 * What the client's upgrade request gets once {@code $connect} has run. A 2xx {@code statusCode} accepts (101); any
 * other status is sent back as the refusal. An integration that throws, or returns no {@code statusCode}, gives 502
 * like a failed Lambda proxy integration; one that misses the integration timeout gives 504.
 */
final class ConnectVerdict {

    static final int SWITCHING_PROTOCOLS = 101;
    static final int BAD_GATEWAY = 502;
    static final int GATEWAY_TIMEOUT = 504;

    private ConnectVerdict() {
    }

    static int status(IntegrationOutcome outcome) {
        if (outcome instanceof IntegrationOutcome.TimedOut) {
            return GATEWAY_TIMEOUT;
        }
        if (!(outcome instanceof IntegrationOutcome.Responded responded) || responded.statusCode() == null) {
            return BAD_GATEWAY;
        }
        int status = responded.statusCode();
        if (status >= 200 && status < 300) {
            return SWITCHING_PROTOCOLS;
        }
        return status >= 300 && status < 600 ? status : BAD_GATEWAY;
    }
}
