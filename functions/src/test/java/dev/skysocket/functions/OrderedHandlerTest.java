package dev.skysocket.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skysocket.apigw.ApiGatewayRuntime;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code ordered} function: FIFO batches of client frames in real SQS events, answers at the stub in order. */
@QuarkusTest
@TestProfile(HandlerProfiles.Ordered.class)
class OrderedHandlerTest {
    @Inject
    ApiGatewayRuntime runtime;

    @Test
    void aBatchOfFramesIsHandledInOrderAndReportsNoFailures() {
        String id = OpenedConnections.connectedToMainNamespace(runtime);
        List<String> frames = new ArrayList<>();
        List<String> acks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            frames.add("42" + i + "[\"echo\"," + i + "]");
            acks.add("43" + i + "[" + i + "]");
        }

        JsonNode response = FunctionInvoker.invoke(SqsFifoEvents.batch(id, frames));

        assertThat(response.path("batchItemFailures").isArray()).isTrue();
        assertThat(response.path("batchItemFailures")).isEmpty();
        await().atMost(OpenedConnections.WAIT).untilAsserted(() -> assertThat(LambdaBackends.stub().postsTo(id)
                .stream().filter(post -> post.startsWith("43")).toList()).containsExactlyElementsOf(acks));
    }
}
