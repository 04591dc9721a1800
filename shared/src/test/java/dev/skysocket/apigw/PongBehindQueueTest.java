package dev.skysocket.apigw;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.skysocket.server.ServerAcks;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ordered mode's heartbeat on a simulated clock (ping interval 25 s, timeout 20 s) against DynamoDB Local and a
 * loopback Management API: the client answers the ping at once, but its pong is queued behind frames it sent before
 * the ping, so it is handed over late. The sweep waits for it while those frames are being handled, and pings again
 * so the client's own timer does not run out; a client whose queue holds nothing older than the ping is timed out
 * as before.
 */
class PongBehindQueueTest {
    private final RouteHarness routes = new RouteHarness(new RecordingApp(), Map.of());
    private final OrderedMessageRoute queue = new OrderedMessageRoute(
            event -> routes.runtime.message().handleQueued(event, ServerAcks.DEFAULT_INVOCATION_MS));
    private String id;
    private long pingAt;

    @BeforeEach
    void pinged() {
        id = routes.connect();
        routes.send(id, "40");
        routes.clock.advance(Duration.ofSeconds(25));
        routes.runtime.heartbeat().run();
        assertThat(routes.posts(id)).last().isEqualTo("2");
        pingAt = routes.clock.millis();
    }

    @AfterEach
    void close() {
        routes.close();
    }

    @Test
    void framesSentBeforeThePingKeepTheConnectionWhileTheirPongWaitsBehindThem() {
        routes.clock.advance(Duration.ofSeconds(5));
        queued("42[\"note\",1]", pingAt - 1_000);  // the deadline is 15 s away: nothing to do yet
        assertThat(pings()).isEqualTo(1);

        routes.clock.advance(Duration.ofSeconds(10));
        queued("42[\"note\",2]", pingAt - 900);  // 5 s away and still before the ping in the queue
        assertThat(pings()).as("pinged again, so the client's timer restarts").isEqualTo(2);

        routes.clock.advance(Duration.ofSeconds(6));  // past the first deadline
        assertThat(routes.runtime.heartbeat().run().timedOut()).isZero();
        assertThat(routes.closedByServer(id)).isFalse();

        queued("3", pingAt + 50);  // the pong, right behind them
        routes.clock.advance(Duration.ofSeconds(15));  // past the moved deadline too
        routes.runtime.heartbeat().run();
        assertThat(routes.closedByServer(id)).isFalse();
        assertThat(routes.stored(id)).isTrue();
    }

    @Test
    void framesTheClientSentJustAfterThePingWasPostedMayStillBeAheadOfItsPong() {
        routes.clock.advance(Duration.ofSeconds(15));
        queued("42[\"note\",1]", pingAt + 90);  // a burst the client sent before it read the ping
        assertThat(pings()).isEqualTo(2);
        routes.clock.advance(Duration.ofSeconds(6));  // past the first deadline
        assertThat(routes.runtime.heartbeat().run().timedOut()).isZero();
    }

    @Test
    void aClientThatNeverAnswersIsTimedOutOncePastItsQueuedFrames() {
        routes.clock.advance(Duration.ofSeconds(15));
        queued("42[\"note\",1]", pingAt - 1_000);
        routes.clock.advance(Duration.ofSeconds(21));  // no pong, no other frame: past the moved deadline
        assertThat(routes.runtime.heartbeat().run().timedOut()).isEqualTo(1);
        assertThat(routes.closedByServer(id)).isTrue();
    }

    @Test
    void aFrameSentAfterThePingDoesNotDelayTheTimeout() {
        routes.clock.advance(Duration.ofSeconds(15));
        // half a ping timeout after the ping: had the client answered, its pong would have come first
        queued("42[\"note\",1]", pingAt + 10_500);
        assertThat(pings()).isEqualTo(1);
        routes.clock.advance(Duration.ofSeconds(6));
        assertThat(routes.runtime.heartbeat().run().timedOut()).isEqualTo(1);
        assertThat(routes.closedByServer(id)).isTrue();
    }

    @Test
    void directDeliveryIsNotAQueueAndKeepsTheTimeout() {
        routes.clock.advance(Duration.ofSeconds(15));
        routes.runtime.message().handle(RouteHarness.event(id, "$default", "MESSAGE", "42[\"note\",1]", null, null));
        routes.clock.advance(Duration.ofSeconds(6));
        assertThat(routes.runtime.heartbeat().run().timedOut()).isEqualTo(1);
    }

    private void queued(String frame, long receivedAt) {
        SQSEvent.SQSMessage message = OrderedMessageRouteTest.message("m" + receivedAt, id, frame);
        message.getMessageAttributes().get(QueuedFrame.REQUEST_TIME_EPOCH).setStringValue(Long.toString(receivedAt));
        SQSEvent batch = new SQSEvent();
        batch.setRecords(List.of(message));
        assertThat(queue.handle(batch).getBatchItemFailures()).isEmpty();
    }

    private long pings() {
        return routes.posts(id).stream().filter("2"::equals).count();
    }
}
