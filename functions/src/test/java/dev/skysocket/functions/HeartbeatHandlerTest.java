package dev.skysocket.functions;

import static org.assertj.core.api.Assertions.assertThat;

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

        var report = FunctionInvoker.invoke(WebSocketEvents.scheduled());

        assertThat(report.path("pinged").asInt()).isEqualTo(1);  // the profile's table holds only these two
        assertThat(report.fieldNames()).toIterable()
                .contains("pinged", "timedOut", "rotated", "gone");
        assertThat(LambdaBackends.stub().postsTo(due)).containsExactly("2");
        assertThat(LambdaBackends.stub().postsTo(notDue)).isEmpty();
        assertThat(runtime.context().connections().find(due))
                .hasValueSatisfying(c -> assertThat(c.awaitingPong()).isTrue());
    }
}
