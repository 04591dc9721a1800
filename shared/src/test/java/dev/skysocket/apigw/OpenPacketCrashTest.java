package dev.skysocket.apigw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skysocket.config.Settings;
import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.fanout.ConnectionControl;
import dev.skysocket.fanout.ConnectionInfo;
import dev.skysocket.fanout.ManagementApiClients;
import dev.skysocket.fanout.Recipient;
import dev.skysocket.server.DeclaredServer;
import dev.skysocket.store.ConnectionStore;
import dev.skysocket.testing.ApiGatewayEvents;
import dev.skysocket.testing.DynamoDbLocalServer;
import dev.skysocket.testing.ManagementApiStub;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The open step crashing at each point and run again, against DynamoDB Local and a loopback Management API. A
 * crash is an exception thrown from the store or the Management API client at the chosen point, as a Lambda
 * killed there would leave things. Then: a duplicate delivery of the same event at once (the async queue may
 * deliver twice), and Lambda's retry of a function error, which comes a minute later (AWS Lambda developer guide,
 * "error handling and automatic retries in asynchronous invocation"). The client answers the open packet with its
 * CONNECT as soon as it has it, as socket.io-client does. Exactly one open packet must reach the connection.
 */
class OpenPacketCrashTest {
    private static final ManagementApiClients CLIENTS = new ManagementApiClients(Region.US_EAST_1,
            StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")), 4, Duration.ofSeconds(5));
    private static final Duration LAMBDA_RETRY_DELAY = Duration.ofMinutes(1);

    /** Where the first run dies. */
    enum CrashPoint { BEFORE_CLAIM, AFTER_CLAIM_BEFORE_POST, AFTER_POST_BEFORE_MARK, IN_THE_MARK }

    static final class Crash extends RuntimeException {
        Crash(CrashPoint point) {
            super("crashed " + point);
        }
    }

    private final ManagementApiStub api = ManagementApiStub.start();
    private final DynamoDbClient dynamo = DynamoDbLocalServer.client();
    private final MutableClock clock = new MutableClock();
    private final List<OpenRequest> requested = new CopyOnWriteArrayList<>();
    private final SkysocketConfig config = SkysocketConfig.from(Settings.of(Map.of(
            "skysocket.table", DynamoDbLocalServer.freshTable(dynamo, "open-crash"))));
    private final ApiGatewayRuntime runtime = new ApiGatewayRuntime(config,
            DeclaredServer.configuredBy(new RecordingApp()), dynamo, CLIENTS, step -> requested::add, api.endpoint(),
            clock);

    @AfterEach
    void close() {
        dynamo.close();
        api.close();
    }

    @ParameterizedTest
    @EnumSource(CrashPoint.class)
    void aRunThatCrashesAnywhereAndIsRunAgainDeliversExactlyOneOpenPacket(CrashPoint point)
            throws InterruptedException {
        OpenRequest request = connect();

        assertThatThrownBy(() -> crashingAt(point).run(request)).isInstanceOf(Crash.class);
        clientAnswersWhatItGot(request.connectionId());
        boolean duplicate = step().run(request);      // the same event again, at once
        clientAnswersWhatItGot(request.connectionId());
        clock.advance(LAMBDA_RETRY_DELAY);
        boolean retry = step().run(request);          // Lambda's retry of the failed invocation
        clientAnswersWhatItGot(request.connectionId());
        boolean late = step().run(request);           // and one more, for good measure

        assertThat(openPackets(request.connectionId())).hasSize(1);
        assertThat(late).isFalse();
        switch (point) {
            // Nothing was claimed: the duplicate is simply the first run that got through.
            case BEFORE_CLAIM -> assertThat(List.of(duplicate, retry)).containsExactly(true, false);
            // The dead run's claim keeps the duplicate away until it lapses; the retry then delivers.
            case AFTER_CLAIM_BEFORE_POST -> assertThat(List.of(duplicate, retry)).containsExactly(false, true);
            // The client's CONNECT marked it opened: nobody posts again.
            case AFTER_POST_BEFORE_MARK, IN_THE_MARK ->
                    assertThat(List.of(duplicate, retry)).containsExactly(false, false);
        }
        assertThat(runtime.context().connections().find(request.connectionId()).orElseThrow().opened()).isTrue();
    }

    @Test
    void aRunThatDeliveredButWhoseClientHasNotAnsweredYetIsNotRepeatedWhileItsClaimHolds()
            throws InterruptedException {
        OpenRequest request = connect();
        assertThatThrownBy(() -> crashingAt(CrashPoint.IN_THE_MARK).run(request)).isInstanceOf(Crash.class);

        clock.advance(Duration.ofMillis(ApiGatewayRuntime.OPEN_LEASE_MS - 1));
        assertThat(step().run(request)).isFalse();

        assertThat(openPackets(request.connectionId())).hasSize(1);
    }

    @Test
    void theStepMarksTheConnectionOpenedAfterItsPost() throws InterruptedException {
        OpenRequest request = connect();

        assertThat(step().run(request)).isTrue();

        assertThat(runtime.context().connections().find(request.connectionId()).orElseThrow().opened()).isTrue();
        clock.advance(LAMBDA_RETRY_DELAY);
        assertThat(step().run(request)).isFalse();
        assertThat(openPackets(request.connectionId())).hasSize(1);
    }

    private OpenPacketStep step() {
        return step(runtime.context().connections(), runtime.context().control());
    }

    private OpenPacketStep step(ConnectionStore store, ConnectionControl control) {
        return new OpenPacketStep(config, store, control, clock, ApiGatewayRuntime.OPEN_DEADLINE_MS,
                ApiGatewayRuntime.OPEN_LEASE_MS);
    }

    private OpenPacketStep crashingAt(CrashPoint point) {
        ConnectionStore store = runtime.context().connections();
        ConnectionControl control = runtime.context().control();
        return switch (point) {
            case BEFORE_CLAIM -> step(storeFailingOn("claimOpen", point), control);
            case IN_THE_MARK -> step(storeFailingOn("markOpened", point), control);
            case AFTER_CLAIM_BEFORE_POST -> step(store, controlFailing(control, point, false));
            case AFTER_POST_BEFORE_MARK -> step(store, controlFailing(control, point, true));
        };
    }

    /** The real store, except that {@code method} throws before it writes anything. */
    private ConnectionStore storeFailingOn(String method, CrashPoint point) {
        ConnectionStore real = runtime.context().connections();
        return (ConnectionStore) Proxy.newProxyInstance(ConnectionStore.class.getClassLoader(),
                new Class<?>[] {ConnectionStore.class}, (proxy, m, args) -> {
                    if (m.getName().equals(method)) {
                        throw new Crash(point);
                    }
                    try {
                        return m.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** The real Management API client, crashing just before a post or just after it went through. */
    private static ConnectionControl controlFailing(ConnectionControl real, CrashPoint point, boolean afterPost) {
        return new ConnectionControl() {
            @Override
            public boolean post(Recipient recipient, String frame) {
                if (afterPost) {
                    real.post(recipient, frame);
                }
                throw new Crash(point);
            }

            @Override
            public Optional<ConnectionInfo> get(Recipient recipient) {
                return real.get(recipient);
            }

            @Override
            public boolean close(Recipient recipient) {
                return real.close(recipient);
            }
        };
    }

    /** socket.io-client sends its CONNECT the moment the open packet lands, and never before. */
    private void clientAnswersWhatItGot(String connectionId) {
        long answered = api.postsTo(connectionId).stream().filter(frame -> frame.startsWith("40")).count();
        if (!openPackets(connectionId).isEmpty() && answered == 0) {
            runtime.message().handle(ApiGatewayEvents.event(connectionId, "$default", "MESSAGE", "40", null, null));
        }
    }

    private List<String> openPackets(String connectionId) {
        return api.postsTo(connectionId).stream().filter(frame -> frame.startsWith("0{")).toList();
    }

    private OpenRequest connect() {
        String id = UUID.randomUUID().toString().substring(0, 15) + "=";
        var response = runtime.connect().handle(ApiGatewayEvents.event(id, "$connect", "CONNECT", null,
                Map.of("EIO", "4", "transport", "websocket"), Map.of()));
        assertThat(response.getStatusCode()).isEqualTo(200);
        return requested.stream().filter(r -> r.connectionId().equals(id)).findFirst().orElseThrow();
    }
}
