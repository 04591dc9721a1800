package dev.skysocket.local.apigw;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class MessageRouteTest {

    private final RecordingIntegration integration = new RecordingIntegration();
    private ApiGatewayEmulator emulator;

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void eachTextMessageBecomesOneMessageEventOnTheDefaultRoute() {
        emulator = EmulatorFixture.start(EmulatorFixture.settings(), integration);
        TestClient client = TestClient.connect(emulator.websocketUrl());
        String id = integration.calls("$connect").get(0).connectionId();

        client.send("40{\"token\":\"abc\"}");

        await().atMost(Duration.ofSeconds(10)).until(() -> integration.calls("$default").size() == 1);
        JsonNode event = integration.calls("$default").get(0).event();
        JsonNode context = event.get("requestContext");
        assertThat(event.get("body").asText()).isEqualTo("40{\"token\":\"abc\"}");
        assertThat(event.get("isBase64Encoded").asBoolean(true)).isFalse();
        assertThat(event.has("headers")).isFalse();
        assertThat(context.get("routeKey").asText()).isEqualTo("$default");
        assertThat(context.get("eventType").asText()).isEqualTo("MESSAGE");
        assertThat(context.get("messageDirection").asText()).isEqualTo("IN");
        assertThat(context.get("connectionId").asText()).isEqualTo(id);
        assertThat(context.get("messageId").asText()).matches("[A-Za-z0-9+/]{15}=");
        assertThat(context.get("connectedAt").asLong())
                .isEqualTo(integration.calls("$connect").get(0).event().at("/requestContext/connectedAt").asLong());
        assertThat(emulator.stats().inboundMessages()).isEqualTo(1);
        assertThat(emulator.stats().inboundFrames()).isEqualTo(1);
    }

    @Test
    void aFragmentedMessageArrivesAsOneEvent() {
        emulator = EmulatorFixture.start(EmulatorFixture.settings(), integration);
        TestClient client = TestClient.connect(emulator.websocketUrl());

        client.sendFragments("42[\"chat\",", "\"hello\"", "]");

        await().atMost(Duration.ofSeconds(10)).until(() -> integration.calls("$default").size() == 1);
        assertThat(integration.calls("$default").get(0).event().get("body").asText())
                .isEqualTo("42[\"chat\",\"hello\"]");
        assertThat(emulator.stats().inboundFrames()).isEqualTo(3);
    }

    @Test
    void byDefaultOneConnectionsMessagesAreInvokedAtTheSameTime() {
        CountDownLatch bothInside = new CountDownLatch(2);
        integration.on("$default", event -> {
            bothInside.countDown();
            // One at a time, the first call would wait here alone and answer false.
            boolean overlapped = bothInside.await(10, TimeUnit.SECONDS);
            return "{\"statusCode\":200,\"body\":\"overlapped:" + overlapped + "\"}";
        });
        emulator = EmulatorFixture.start(EmulatorFixture.settings(), integration);
        TestClient client = TestClient.connect(emulator.websocketUrl());

        client.send("first");
        client.send("second");

        await().atMost(Duration.ofSeconds(20)).until(() -> client.texts().size() == 2);
        assertThat(client.texts()).containsExactly("overlapped:true", "overlapped:true");
    }

    @Test
    void byDefaultOneConnectionsMessagesReachTheIntegrationOutOfArrivalOrder() {
        emulator = EmulatorFixture.start(
                EmulatorFixture.settings().withMaxInvocationDelay(Duration.ofMillis(20)), integration);
        TestClient client = TestClient.connect(emulator.websocketUrl());
        List<String> sent = IntStream.range(0, 40).mapToObj(i -> "m" + i).toList();

        sent.forEach(client::send);

        await().atMost(Duration.ofSeconds(20)).until(() -> integration.calls("$default").size() == 40);
        List<String> invoked = integration.calls("$default").stream()
                .map(call -> call.event().get("body").asText()).toList();
        assertThat(invoked).containsExactlyInAnyOrderElementsOf(sent).isNotEqualTo(sent);
    }

    @Test
    void withSerialOrderOneConnectionsMessagesReachTheIntegrationOneAtATimeInArrivalOrderOffTheEventLoop() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger mostInFlight = new AtomicInteger();
        integration.on("$default", event -> {
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            Thread.sleep(5);
            inFlight.decrementAndGet();
            return RecordingIntegration.OK;
        });
        emulator = EmulatorFixture.start(EmulatorFixture.settings().withInvocationOrder(InvocationOrder.SERIAL), integration);
        TestClient client = TestClient.connect(emulator.websocketUrl());

        IntStream.range(0, 30).forEach(i -> client.send("m" + i));

        await().atMost(Duration.ofSeconds(20)).until(() -> integration.calls("$default").size() == 30);
        List<RecordingIntegration.Call> calls = integration.calls("$default");
        assertThat(calls).extracting(call -> call.event().get("body").asText())
                .containsExactlyElementsOf(IntStream.range(0, 30).mapToObj(i -> "m" + i).toList());
        assertThat(mostInFlight.get()).isEqualTo(1);
        assertThat(integration.calls()).extracting(RecordingIntegration.Call::thread)
                .allSatisfy(thread -> assertThat(thread).startsWith("apigw-integration-"));
    }

    /** Serial order: a connection's own messages wait behind its slow one, another connection's do not. */
    @Test
    void aSlowIntegrationOnOneConnectionDoesNotHoldUpAnother() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        integration.on("$default", event -> {
            String body = event.get("body").asText();
            if (body.equals("slow")) {
                release.await(20, TimeUnit.SECONDS);
            }
            return "{\"statusCode\":200,\"body\":\"done:" + body + "\"}";
        });
        emulator = EmulatorFixture.start(EmulatorFixture.settings().withInvocationOrder(InvocationOrder.SERIAL), integration);
        TestClient slow = TestClient.connect(emulator.websocketUrl());
        TestClient fast = TestClient.connect(emulator.websocketUrl());

        slow.send("slow");
        slow.send("after-slow");
        await().atMost(Duration.ofSeconds(10)).until(() -> !integration.calls("$default").isEmpty());
        fast.send("quick");

        await().atMost(Duration.ofSeconds(10)).until(() -> fast.texts().contains("done:quick"));
        assertThat(release.getCount()).isEqualTo(1);
        assertThat(slow.texts()).isEmpty();
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> slow.texts().size() == 2);
        assertThat(slow.texts()).containsExactly("done:slow", "done:after-slow");
    }

    @Test
    void aResponseBodyIsSentBackAsATextFrameAndNoBodySendsNothing() {
        integration.on("$default", event -> {
            String body = event.get("body").asText();
            return body.startsWith("quiet") ? "{\"statusCode\":200}"
                    : "{\"statusCode\":200,\"body\":\"echo:" + body + "\"}";
        });
        emulator = EmulatorFixture.start(EmulatorFixture.settings(), integration);
        TestClient client = TestClient.connect(emulator.websocketUrl());

        client.send("quiet-1");
        client.send("loud");

        await().atMost(Duration.ofSeconds(10)).until(() -> client.texts().contains("echo:loud"));
        assertThat(client.texts()).containsExactly("echo:loud");
        await().atMost(Duration.ofSeconds(10)).until(() -> emulator.stats().outboundMessages() == 1);
    }

    @Test
    void aFailingOrTimedOutIntegrationSendsApiGatewaysErrorMessageToTheClient() {
        integration.on("$default", event -> {
            if (event.get("body").asText().equals("fail")) {
                throw new IllegalStateException("boom");
            }
            Thread.sleep(2_000);
            return RecordingIntegration.OK;
        });
        emulator = EmulatorFixture.start(
                EmulatorFixture.settings().withIntegrationTimeout(Duration.ofMillis(300)), integration);
        TestClient client = TestClient.connect(emulator.websocketUrl());
        String id = integration.calls("$connect").get(0).connectionId();

        client.send("fail");
        client.send("slow");

        await().atMost(Duration.ofSeconds(10)).until(() -> client.texts().size() == 2);
        assertThat(client.texts().get(0))
                .startsWith("{\"message\": \"Internal server error\", \"connectionId\":\"" + id + "\", \"requestId\":\"");
        assertThat(client.texts().get(1))
                .startsWith("{\"message\": \"Endpoint request timed out\", \"connectionId\":\"" + id + "\"");
        assertThat(emulator.stats().integrationFailures()).isEqualTo(2);
    }
}
