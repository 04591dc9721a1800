package dev.skysocket.gateway.node;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.skysocket.gateway.engine.EngineCloseReason;
import dev.skysocket.gateway.engine.HandshakeRefused;
import dev.skysocket.testing.DynamoDbLocalServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Throttling and 5xx from DynamoDB inside a session's callbacks (after the client's own retries): not retried
 * again, only that session ends, with one log line; nothing reaches the engine's worker.
 */
class StoreFaultTest {
    private final FaultyStore faults = new FaultyStore();
    private final NodeHarness h = new NodeHarness(false, DynamoDbLocalServer.client(faults));
    /** Held, so the handler stays on the logger GatewaySessions writes to. */
    private final Logger log = Logger.getLogger(GatewaySessions.class.getName());
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        private final SimpleFormatter format = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            lines.add(format.formatMessage(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        log.addHandler(capture);
    }

    @AfterEach
    void close() {
        log.removeHandler(capture);
        h.close();
    }

    private List<String> linesAbout(String sid) {
        return lines.stream().filter(line -> line.contains("sid=" + sid)).toList();
    }

    @Test
    void aThrottledReadIsNotRetriedOnTopOfTheClientAndEndsOnlyThatSession() throws HandshakeRefused {
        FakeSession session = h.open();
        faults.failReads(session.sid(), FaultyStore.Fault.THROTTLE, 1);

        h.send(session, "0");

        assertThat(faults.injected).hasValue(1);
        assertThat(session.closed()).isTrue();
        assertThat(linesAbout(session.sid())).singleElement().asString()
                .contains("event=session_store_failed", "step=read_connection", "transient=true");
    }

    @Test
    void readsThatKeepFailingCloseOnlyThatSessionWithOneLogLine() throws HandshakeRefused {
        FakeSession bad = h.open();
        FakeSession good = h.open();
        h.send(good, "0");
        faults.failReads(bad.sid(), FaultyStore.Fault.SERVER_ERROR, -1);

        assertThatCode(() -> h.send(bad, "0")).doesNotThrowAnyException();

        assertThat(bad.closed()).isTrue();
        assertThat(bad.sent()).isEmpty();
        assertThat(faults.injected).hasValue(1);
        assertThat(linesAbout(bad.sid())).singleElement().asString()
                .contains("event=session_store_failed", "step=read_connection", "InternalServerErrorException",
                        "transient=true");
        h.send(good, "23[\"echo\",1]");
        assertThat(good.closed()).isFalse();
        assertThat(good.sent()).last().isEqualTo("433[1]");
        assertThat(linesAbout(good.sid())).isEmpty();
    }

    @Test
    void aWriteThatFailsWhileRoutingClosesTheSessionAndItsCloseStillCleansUp() throws HandshakeRefused {
        FakeSession bad = h.open();
        faults.failWrites(bad.sid(), FaultyStore.Fault.THROTTLE, -1);

        assertThatCode(() -> h.send(bad, "0")).doesNotThrowAnyException();

        assertThat(bad.closed()).isTrue();
        assertThat(linesAbout(bad.sid())).singleElement().asString()
                .contains("event=session_store_failed", "step=route_message");
        // The engine then reports the close it caused; its cleanup runs against the store as usual.
        assertThatCode(() -> h.node.listener().onClose(bad, EngineCloseReason.FORCED_CLOSE)).doesNotThrowAnyException();
        assertThat(h.node.context().connections().find(bad.sid())).isEmpty();
        assertThat(h.node.sessions().find(bad.sid())).isEmpty();
        assertThat(linesAbout(bad.sid())).hasSize(1);
    }
}
