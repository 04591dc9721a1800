package dev.skysocket.gateway.fallback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skysocket.config.Settings;
import dev.skysocket.fanout.ManagementApiClients;
import dev.skysocket.server.DeclaredServer;
import dev.skysocket.store.dynamodb.DynamoRoomStore;
import dev.skysocket.testing.DynamoDbLocalServer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Priming a started gateway against DynamoDB Local: its loopback sessions receive every broadcast and frame,
 * the app never sees a connection, and nothing it stored stays behind (sessions, sockets, room members).
 */
class PrimingTest {
    private static final ManagementApiClients CLIENTS = new ManagementApiClients(Region.US_EAST_1,
            StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")), 16, Duration.ofSeconds(5));

    private final List<String> connections = new CopyOnWriteArrayList<>();
    private final DynamoDbClient dynamo = DynamoDbLocalServer.client();
    private final String table = DynamoDbLocalServer.freshTable(dynamo, "priming");
    private final FallbackGateway gateway = FallbackGateway.start(Settings.of(Map.of("skysocket.table", table,
                    "skysocket.gateway-port", "0", "skysocket.gateway-management-port", "0")),
            DeclaredServer.configuredBy(io -> io.of("/").onConnection(socket -> connections.add(socket.id()))),
            dynamo, CLIENTS);

    @AfterEach
    void close() {
        gateway.close();
        dynamo.close();
    }

    @Test
    void primingRunsTheBroadcastPathToLoopbackSessionsAndLeavesNothingBehind() {
        Priming.Result result = new Priming(gateway.node().context(), gateway.managementUrl(), gateway.port(), 1_500)
                .run();

        assertThat(result.outcome()).isEqualTo("done");
        assertThat(result.rounds()).isPositive();
        // Each round: one broadcast to the room and one direct frame, to each of the 8 sessions.
        assertThat(result.frames()).isEqualTo(result.rounds() * 8L * 2);
        assertThat(connections).isEmpty();
        DynamoRoomStore rooms = new DynamoRoomStore(dynamo, table, gateway.node().context().config().roomShards(),
                Clock.systemUTC());
        assertThat(rooms.members(Priming.TENANT, "/", Priming.ROOM)).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> gateway.node().sessions().size() == 0);
    }

    @Test
    void aSettingTurnsItOff() {
        assertThat(Priming.runIfEnabled(gateway, Settings.of(Map.of("skysocket.gateway-priming", "false"))))
                .isEmpty();
        assertThat(Priming.runIfEnabled(gateway, Settings.of(Map.of("skysocket.gateway-priming-ms", "200"))))
                .hasValueSatisfying(r -> assertThat(r.outcome()).isEqualTo("done"));
    }
}
