package dev.skysocket.gateway.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.gateway.engine.HandshakeRefused;
import dev.skysocket.testing.DynamoDbLocalServer;
import dev.skysocket.testing.OperationRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What one inbound event costs the store on the gateway path: the connection and the socket its packet names
 * come from one Query of the connection's partition, as on the API Gateway path, not a GetItem each; and that
 * read serves the session's next events until something in this process writes to its items.
 */
class InboundReadsTest {
    private final OperationRecorder calls = new OperationRecorder();
    private final NodeHarness h = new NodeHarness(true, DynamoDbLocalServer.client(calls));

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void anEchoEventReadsTheConnectionsPartitionOnceAndWritesNothing() throws HandshakeRefused {
        FakeSession session = h.open();
        h.send(session, "0");
        calls.clear();

        h.send(session, "27[\"echo\",\"hi\"]");

        assertThat(session.sent()).last().isEqualTo("437[\"hi\"]");
        assertThat(calls.operations()).containsExactly("Query");
    }

    @Test
    void theNextEventOfTheSameSessionNeedsNoReadWhenNothingWroteToItsItems() throws HandshakeRefused {
        FakeSession session = h.open();
        h.send(session, "0");
        h.send(session, "21[\"echo\",1]");
        calls.clear();

        h.send(session, "22[\"echo\",2]");
        h.send(session, "23[\"echo\",3]");

        assertThat(calls.operations()).isEmpty();
        assertThat(session.sent()).last().isEqualTo("433[3]");
    }

    @Test
    void anEventAfterAWriteToTheSessionsItemsReadsThemAgain() throws HandshakeRefused, InterruptedException {
        FakeSession session = h.open();
        h.send(session, "0");
        h.send(session, "21[\"echo\",1]");

        h.send(session, "22[\"join\",\"lobby\"]");
        calls.clear();
        h.send(session, "23[\"echo\",3]");
        assertThat(calls.operations()).containsExactly("Query");

        // A write from another thread of this process (the upgrade's transport update) counts too.
        Thread writer = new Thread(() -> h.node.context().connections().updateTransport(session.sid(), "websocket"));
        writer.start();
        writer.join();
        calls.clear();
        h.send(session, "24[\"echo\",4]");
        assertThat(calls.operations()).containsExactly("Query");
    }
}
