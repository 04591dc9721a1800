package dev.skysocket.local.apigw;

import dev.skysocket.concurrent.Failures;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Calls the integration on a worker thread, never on an event loop, with API Gateway's integration timeout. A timed
 * out call is abandoned, not interrupted: a Lambda function also runs on after API Gateway stops waiting.
 */
final class IntegrationInvoker {

    private final ObjectMapper mapper = new ObjectMapper();
    private final WebSocketIntegration integration;
    private final ExecutorService workers;
    private final Duration timeout;
    private final EmulatorStats stats;

    IntegrationInvoker(WebSocketIntegration integration, ExecutorService workers, Duration timeout,
                       EmulatorStats stats) {
        this.integration = integration;
        this.workers = workers;
        this.timeout = timeout;
        this.stats = stats;
    }

    /** Never completes exceptionally: every ending is an {@link IntegrationOutcome}. */
    CompletableFuture<IntegrationOutcome> invoke(String routeKey, String eventJson) {
        CompletableFuture<IntegrationOutcome> call;
        stats.invocation(routeKey);
        try {
            call = CompletableFuture.supplyAsync(() -> call(routeKey, eventJson), workers);
        } catch (RuntimeException rejected) {
            call = CompletableFuture.completedFuture(new IntegrationOutcome.Failed(rejected));
        }
        return call.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionally(IntegrationInvoker::asOutcome)
                .whenComplete((outcome, ignored) -> {
                    if (!(outcome instanceof IntegrationOutcome.Responded)) {
                        stats.integrationFailure();
                    }
                });
    }

    private IntegrationOutcome call(String routeKey, String eventJson) {
        try {
            return parse(integration.invoke(routeKey, eventJson));
        } catch (Exception e) {
            throw new CompletionException(e);
        }
    }

    private IntegrationOutcome parse(String responseJson) throws IOException {
        if (responseJson == null || responseJson.isBlank()) {
            return new IntegrationOutcome.Responded(null, null);
        }
        JsonNode response = mapper.readTree(responseJson);
        if (response == null || response.isNull()) {
            return new IntegrationOutcome.Responded(null, null);
        }
        if (!response.isObject()) {
            throw new IOException("integration response is not a JSON object");
        }
        JsonNode status = response.get("statusCode");
        Integer statusCode = null;
        if (status != null && !status.isNull()) {
            if (!status.canConvertToInt() && !(status.isTextual() && status.asText().matches("\\d{3}"))) {
                throw new IOException("statusCode is not a number");
            }
            statusCode = status.asInt();
        }
        JsonNode body = response.get("body");
        String text = body == null || body.isNull() ? null : body.isTextual() ? body.asText() : body.toString();
        return new IntegrationOutcome.Responded(statusCode, text);
    }

    private static IntegrationOutcome asOutcome(Throwable error) {
        Throwable cause = Failures.unwrap(error);
        return cause instanceof TimeoutException
                ? new IntegrationOutcome.TimedOut() : new IntegrationOutcome.Failed(cause);
    }
}
