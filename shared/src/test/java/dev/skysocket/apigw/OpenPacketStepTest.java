package dev.skysocket.apigw;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.config.Settings;
import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.fanout.ManagementApiClients;
import dev.skysocket.server.DeclaredServer;
import dev.skysocket.testing.ApiGatewayEvents;
import dev.skysocket.testing.DynamoDbLocalServer;
import dev.skysocket.testing.ManagementApiStub;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The open step against DynamoDB Local and a loopback Management API that answers 410 until "the upgrade is
 * done". $connect only records the step's request here, so each test runs the step itself.
 */
class OpenPacketStepTest {
    private static final ManagementApiClients CLIENTS = new ManagementApiClients(Region.US_EAST_1,
            StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")), 4, Duration.ofSeconds(5));

    private final ManagementApiStub api = ManagementApiStub.start();
    private final DynamoDbClient dynamo = DynamoDbLocalServer.client();
    private final List<OpenRequest> requested = new CopyOnWriteArrayList<>();
    private final ApiGatewayRuntime runtime = new ApiGatewayRuntime(
            SkysocketConfig.from(Settings.of(Map.of("skysocket.table", DynamoDbLocalServer.freshTable(dynamo, "open")))),
            DeclaredServer.configuredBy(new RecordingApp()), dynamo, CLIENTS, step -> requested::add, api.endpoint(),
            Clock.systemUTC());

    @AfterEach
    void close() {
        dynamo.close();
        api.close();
    }

    @Test
    void theOpenPacketIsSentOnceTheUpgradeIsDoneAfterAnswersOf410() throws InterruptedException {
        OpenRequest request = connect();
        api.failNext(request.connectionId(), 410, 3);

        assertThat(runtime.openStep().run(request)).isTrue();

        // Three answers of 410, then the post that got through: the stub records the frame of each.
        assertThat(api.postsTo(request.connectionId())).hasSize(4)
                .allSatisfy(frame -> assertThat(frame).startsWith("0{\"sid\":\"" + request.connectionId()));
    }

    @Test
    void aSecondRunOfTheSameRequestSendsNothing() throws InterruptedException {
        OpenRequest request = connect();

        assertThat(runtime.openStep().run(request)).isTrue();
        assertThat(runtime.openStep().run(request)).isFalse();

        assertThat(api.postsTo(request.connectionId())).hasSize(1);
    }

    @Test
    void pausesStayShortWhileAnUpgradeNormallyCompletesAndGrowAfter() {
        assertThat(OpenPacketStep.nextPause(5, 10)).isEqualTo(10);
        assertThat(OpenPacketStep.nextPause(40, 75)).isEqualTo(OpenPacketStep.FAST_MAX_PAUSE_MS);
        assertThat(OpenPacketStep.nextPause(OpenPacketStep.FAST_MAX_PAUSE_MS, OpenPacketStep.FAST_WINDOW_MS - 1))
                .isEqualTo(OpenPacketStep.FAST_MAX_PAUSE_MS);
        assertThat(OpenPacketStep.nextPause(OpenPacketStep.FAST_MAX_PAUSE_MS, OpenPacketStep.FAST_WINDOW_MS))
                .isEqualTo(2 * OpenPacketStep.FAST_MAX_PAUSE_MS);
        assertThat(OpenPacketStep.nextPause(200, 5_000)).isEqualTo(OpenPacketStep.MAX_PAUSE_MS);
    }

    private OpenRequest connect() {
        String id = UUID.randomUUID().toString().substring(0, 15) + "=";
        var response = runtime.connect().handle(ApiGatewayEvents.event(id, "$connect", "CONNECT", null,
                Map.of("EIO", "4", "transport", "websocket"), Map.of()));
        assertThat(response.getStatusCode()).isEqualTo(200);
        return requested.stream().filter(r -> r.connectionId().equals(id)).findFirst().orElseThrow();
    }
}
