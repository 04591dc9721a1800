package dev.skysocket.local.apigw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With its one integration worker busy and one {@code $connect} waiting, the emulator refuses further upgrades
 * with 429 (API Gateway's answer over its throttle) without invoking anything, and upgrades again once the
 * worker is free.
 */
class ThrottledUpgradeTest {
    private final CountDownLatch functionReturns = new CountDownLatch(1);
    private final AtomicInteger connects = new AtomicInteger();
    private final HttpClient http = HttpClient.newHttpClient();
    private ApiGatewayEmulator emulator;

    @AfterEach
    void stop() {
        functionReturns.countDown();
        if (emulator != null) {
            emulator.close();
        }
    }

    private CompletableFuture<WebSocket> upgrade() {
        return http.newWebSocketBuilder().buildAsync(URI.create(emulator.websocketUrl()), new WebSocket.Listener() {
        });
    }

    @Test
    void upgradesGet429WhileInvocationsAreBackedUpAndSucceedAfterwards() throws Exception {
        WebSocketIntegration slow = (routeKey, event) -> {
            if ("$connect".equals(routeKey)) {
                connects.incrementAndGet();
                functionReturns.await(30, TimeUnit.SECONDS); // as a function stuck on a saturated store
            }
            return "{\"statusCode\":200}";
        };
        emulator = new ApiGatewayEmulator(EmulatorFixture.settings().withIntegrationTimeout(Duration.ofSeconds(29)),
                slow).withInvocationLimits(new InvocationLimits(1, 1));
        emulator.start();

        CompletableFuture<WebSocket> first = upgrade();
        await().atMost(Duration.ofSeconds(10)).until(() -> connects.get() == 1);
        CompletableFuture<WebSocket> second = upgrade(); // its $connect waits for the worker: the queue is full
        await().atMost(Duration.ofSeconds(10)).until(() -> emulator.stats().connectInvocations() == 2);

        assertThat(TestClient.refusedStatus(emulator.websocketUrl())).isEqualTo(429);
        assertThat(emulator.stats().connectInvocations()).isEqualTo(2);

        functionReturns.countDown();
        WebSocket a = first.get(10, TimeUnit.SECONDS);
        WebSocket b = second.get(10, TimeUnit.SECONDS);
        WebSocket c = upgrade().get(10, TimeUnit.SECONDS); // nothing waits any more: admitted
        assertThat(connects).hasValue(3);
        for (WebSocket socket : new WebSocket[] {a, b, c}) {
            socket.sendClose(1000, "");
        }
    }
}
