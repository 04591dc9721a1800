package dev.skysocket.gateway.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.gateway.engine.EngineCloseReason;
import dev.skysocket.gateway.engine.HandshakeRefused;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The tenant connection quota on a gateway node and the API Gateway routes sharing its table (DynamoDB Local):
 * one count across both paths, a refusal as CONNECT_ERROR, and the count taken off when a session closes.
 */
class TenantQuotaNodeTest {
    /** Engine.IO message 4, Socket.IO CONNECT_ERROR 4 on the main namespace. */
    private static final String REFUSED = "44{\"message\":\"tenant connection quota\"}";
    private final NodeHarness h = new NodeHarness(Map.of("skysocket.tenant-max-connections", "2"));

    @AfterEach
    void close() {
        h.close();
    }

    @Test
    void pastTheQuotaACONNECTIsRefusedWithTheReasonUntilASessionCloses() throws HandshakeRefused {
        FakeSession first = h.open();
        h.connectThroughApiGateway();  // the second connection of the default tenant, on the other path
        FakeSession over = h.open();

        h.send(first, "0");
        h.send(over, "0");

        assertThat(first.sent()).singleElement().asString().startsWith("40{\"sid\"");
        assertThat(over.sent()).singleElement().isEqualTo(REFUSED);
        assertThat(h.itemsNaming(over.sid())).as("a refused session is never stored").isEmpty();
        h.send(over, "0");
        assertThat(over.sent()).as("each CONNECT gets the refusal").containsExactly(REFUSED, REFUSED);

        h.node.listener().onClose(first, EngineCloseReason.TRANSPORT_CLOSE);
        h.node.listener().onClose(over, EngineCloseReason.TRANSPORT_CLOSE);
        FakeSession next = h.open();
        h.send(next, "0");

        assertThat(next.sent()).singleElement().asString().startsWith("40{\"sid\"");
    }
}
