package dev.skysocket.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skysocket.apigw.ApiGatewayRuntime;
import dev.skysocket.store.dynamodb.DynamoSchema;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The {@code disconnect} function: a real {@code $disconnect} event removes everything of the connection. */
@QuarkusTest
@TestProfile(HandlerProfiles.Disconnect.class)
class DisconnectHandlerTest {
    @Inject
    ApiGatewayRuntime runtime;

    @Test
    void aDisconnectRemovesTheConnectionItsSocketsAndItsRoomMemberships() {
        String id = OpenedConnections.connectedToMainNamespace(runtime);
        runtime.message().handle(WebSocketEvents.parse(WebSocketEvents.message(id, "421[\"join\",\"lobby\"]")));
        await().atMost(OpenedConnections.WAIT).until(() -> LambdaBackends.stub().postsTo(id).contains("431[\"lobby\"]"));
        // Connection, socket, and memberships of the socket's own room and of "lobby".
        assertThat(itemsOf(id)).hasSizeGreaterThanOrEqualTo(3);

        var response = FunctionInvoker.invoke(WebSocketEvents.disconnect(id));

        assertThat(response.path("statusCode").asInt()).isEqualTo(200);
        assertThat(itemsOf(id)).isEmpty();
        assertThat(runtime.context().connections().find(id)).isEmpty();
    }

    /** Every item of the connection, whatever its key: each one carries the connection id (a test may Scan). */
    private static List<Map<String, AttributeValue>> itemsOf(String connectionId) {
        AttributeValue id = AttributeValue.fromS(connectionId);
        return LambdaBackends.dynamo().scanPaginator(r -> r.tableName(LambdaBackends.table())).items().stream()
                .filter(item -> id.equals(item.get(DynamoSchema.CONNECTION_ID)))
                .toList();
    }
}
