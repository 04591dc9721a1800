package dev.skysocket.functions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

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

        invokeOpen(id).body("delivered", equalTo(true)).body("connectionId", equalTo(id));
        invokeOpen(id).body("delivered", equalTo(false));

        assertThat(LambdaBackends.stub().postsTo(id)).singleElement().asString()
                .startsWith("0{\"sid\":\"" + id + "\"");
    }

    @Test
    void theOpenPacketIsRetriedWhileApiGatewayStillAnswersGone() {
        String id = StoredConnections.create(runtime, false, System.currentTimeMillis() + 60_000);
        // Until $connect has returned and the upgrade is done, API Gateway answers a post with 410.
        LambdaBackends.stub().failNext(id, 410, 2);

        invokeOpen(id).body("delivered", equalTo(true));

        assertThat(LambdaBackends.stub().postsTo(id)).hasSize(3)
                .allSatisfy(post -> assertThat(post).startsWith("0{\"sid\":\"" + id + "\""));
    }

    private static io.restassured.response.ValidatableResponse invokeOpen(String connectionId) {
        String payload = "{\"connectionId\":\"" + connectionId + "\",\"endpoint\":\""
                + LambdaBackends.stub().endpoint() + "\"}";
        return given().contentType("application/json").body(payload)
                .when().post()
                .then().statusCode(200);
    }
}
