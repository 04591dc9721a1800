package dev.skysocket.local.apigw;

/** How one route invocation ended, as API Gateway sees it. */
sealed interface IntegrationOutcome {

    /**
     * The integration returned. A null response JSON gives both fields null.
     *
     * @param statusCode the proxy response's {@code statusCode}, or null when absent
     * @param body       the proxy response's {@code body}, or null when absent
     */
    record Responded(Integer statusCode, String body) implements IntegrationOutcome {
    }

    /** The integration threw, or returned something that is not a proxy response. */
    record Failed(Throwable error) implements IntegrationOutcome {
    }

    /** The integration did not answer within the integration timeout; it may still be running. */
    record TimedOut() implements IntegrationOutcome {
    }
}
