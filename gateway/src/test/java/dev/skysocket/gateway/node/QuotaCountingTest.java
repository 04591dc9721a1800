package dev.skysocket.gateway.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skysocket.gateway.engine.HandshakeRefused;
import dev.skysocket.limits.InboundLimits;
import dev.skysocket.store.dynamodb.DynamoSchema;
import dev.skysocket.testing.DynamoDbLocalServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * A gateway node counts the tenant quota off its events' path: at the default quota one event in 20 is counted
 * in the store, and that write runs on the node's quota threads, never on the thread handling the event (which
 * here is the test's own: the harness calls the listener directly). Before, every 20th event of a tenant waited
 * for its count, and those events were the gateway's room latency tail.
 */
class QuotaCountingTest {
    private static final int EVENTS = 60;

    private final List<String> countingThreads = new CopyOnWriteArrayList<>();
    private final NodeHarness h = new NodeHarness(DynamoDbLocalServer.client(new ExecutionInterceptor() {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            if (context.request() instanceof UpdateItemRequest update
                    && update.key().get(DynamoSchema.PK).s().startsWith("EQ#")) {
                countingThreads.add(Thread.currentThread().getName());
            }
        }
    }), InboundLimits.defaults());

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void theSampledCountsAreWrittenOnTheQuotaThreadsNotOnTheEventsOwn() throws HandshakeRefused {
        FakeSession sender = h.open();
        h.send(sender, "0");
        for (int i = 0; i < EVENTS; i++) {
            h.send(sender, "2" + (100 + i) + "[\"echo\"," + i + "]");
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> countingThreads.size() >= EVENTS / 20);
        assertThat(sender.sent()).contains("43" + (100 + EVENTS - 1) + "[" + (EVENTS - 1) + "]");
        assertThat(countingThreads).as("one event in 20 counted")
                .hasSizeBetween(EVENTS / 20, EVENTS / 20 + 1)
                .allSatisfy(thread -> assertThat(thread).startsWith("skysocket-quota-count-"));
    }
}
