package dev.skysocket.functions;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.skysocket.apigw.ApiGatewayRuntime;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** The {@code heartbeat} function, invoked with an EventBridge scheduled event. */
@QuarkusTest
@TestProfile(HandlerProfiles.Heartbeat.class)
class HeartbeatHandlerTest {
    @Inject
    ApiGatewayRuntime runtime;

    @Test
    void aScheduledEventPingsTheConnectionsThatAreDueAndReportsWhatItDid() {
        long now = System.currentTimeMillis();
        String due = StoredConnections.create(runtime, true, now - 1_000);
        String notDue = StoredConnections.create(runtime, true, now + 300_000);

        given().contentType("application/json").body(WebSocketEvents.scheduled())
                .when().post()
                .then().statusCode(200)
                .body("pinged", greaterThanOrEqualTo(1))
                .body("timedOut", notNullValue())
                .body("rotated", notNullValue())
                .body("gone", notNullValue())
                .body("durationMs", notNullValue());

        assertThat(LambdaBackends.stub().postsTo(due)).containsExactly("2");
        assertThat(LambdaBackends.stub().postsTo(notDue)).isEmpty();
        assertThat(runtime.context().connections().find(due))
                .hasValueSatisfying(c -> assertThat(c.awaitingPong()).isTrue());
    }
}
