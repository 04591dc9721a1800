package dev.skysocket.functions;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skysocket.apigw.ApiGatewayRuntime;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The {@code open} function, invoked with the payload {@code LambdaAsyncInvoker} sends. */
@QuarkusTest
@TestProfile(HandlerProfiles.Open.class)
class OpenHandlerTest {
    @Inject
    ApiGatewayRuntime runtime;

    @Test
    void theOpenPacketIsSentOnceEvenWhenTheInvocationIsRepeated() {
        String id = StoredConnections.create(runtime, false, System.currentTimeMillis() + 60_000);

        var first = invokeOpen(id);
        var repeated = invokeOpen(id);

        assertThat(first.path("delivered").asBoolean()).isTrue();
        assertThat(first.path("connectionId").asText()).isEqualTo(id);
        assertThat(repeated.path("delivered").isBoolean()).isTrue();
        assertThat(repeated.path("delivered").asBoolean()).isFalse();
        assertThat(LambdaBackends.stub().postsTo(id)).singleElement().asString()
                .startsWith("0{\"sid\":\"" + id + "\"");
    }

    @Test
    void theOpenPacketIsRetriedWhileApiGatewayStillAnswersGone() {
        String id = StoredConnections.create(runtime, false, System.currentTimeMillis() + 60_000);
        // Until $connect has returned and the upgrade is done, API Gateway answers a post with 410.
        LambdaBackends.stub().failNext(id, 410, 2);

        assertThat(invokeOpen(id).path("delivered").asBoolean()).isTrue();

        assertThat(LambdaBackends.stub().postsTo(id)).hasSize(3)
                .allSatisfy(post -> assertThat(post).startsWith("0{\"sid\":\"" + id + "\""));
    }

    /** The payload exactly as {@code LambdaAsyncInvoker} sends it. */
    private static JsonNode invokeOpen(String connectionId) {
        return FunctionInvoker.invoke("{\"connectionId\":\"" + connectionId + "\",\"endpoint\":\""
                + LambdaBackends.stub().endpoint() + "\"}");
    }
}
