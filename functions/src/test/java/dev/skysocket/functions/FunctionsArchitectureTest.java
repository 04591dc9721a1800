package dev.skysocket.functions;

import static dev.skysocket.testing.ImportRules.importsMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Lambda handlers own no protocol or storage logic (package note): the codecs and the DynamoDB model stay
 * behind {@code dev.skysocket.apigw}; and nothing of the gateway, the local stack or an HTTP server reaches the
 * Lambda zip.
 */
class FunctionsArchitectureTest {

    @Test
    void handlersImportNoCodecsAndNoDynamoDbModel() {
        assertThat(importsMatching("dev.skysocket.functions", true, List.of("dev.skysocket.protocol.",
                "dev.skysocket.store.dynamodb."))).isEmpty();
    }

    @Test
    void handlersImportNoGatewayLocalStackBenchmarksOrHttpLibrary() {
        assertThat(importsMatching("dev.skysocket.functions", true, List.of("dev.skysocket.gateway.",
                "dev.skysocket.local.", "dev.skysocket.benchmarks.", "io.vertx.", "io.netty.",
                "com.amazonaws.services.dynamodbv2."))).isEmpty();
    }

    /** Only XRayCallTracer names X-Ray, so that with tracing off none of its classes is loaded (CallTracersTest). */
    @Test
    void onlyXRayCallTracerImportsXRay() {
        assertThat(importsMatching("dev.skysocket.functions", true, List.of("com.amazonaws.xray.")))
                .isNotEmpty().allSatisfy(i -> assertThat(i).startsWith("XRayCallTracer.java imports "));
    }
}
