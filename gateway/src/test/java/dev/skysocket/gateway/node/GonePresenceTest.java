package dev.skysocket.gateway.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.gateway.engine.HandshakeRefused;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A presence member whose session vanished without its close being handled (its items outlived it) leaves with
 * "left" when a fan-out finds it gone, on a gateway node delivering to its sessions directly or through its
 * private Management API (which answers 410), against DynamoDB Local.
 */
class GonePresenceTest {
    private static final Pattern SID = Pattern.compile("^40\\{\"sid\":\"([^\"]+)\"}$");

    @ParameterizedTest(name = "local delivery {0}")
    @ValueSource(booleans = {true, false})
    void aVanishedWatcherLeavesOnceWhenAFanOutFindsItGone(boolean localDelivery) throws HandshakeRefused {
        try (NodeHarness h = new NodeHarness(localDelivery)) {
            FakeSession watcher = h.open();
            FakeSession vanished = h.open();
            h.send(watcher, "0");
            h.send(vanished, "0");
            String vanishedSocket = socketId(vanished);
            h.send(watcher, "21[\"watch\",\"deck\"]");
            h.send(vanished, "21[\"watch\",\"deck\"]");
            vanished.close(); // without the engine's onClose

            h.send(watcher, "22[\"say\",\"deck\",\"hi\"]");
            h.send(watcher, "23[\"say\",\"deck\",\"again\"]");

            assertThat(h.app.presence).endsWith(vanishedSocket + " joined", vanishedSocket + " left")
                    .filteredOn(change -> change.endsWith(" left")).hasSize(1);
            assertThat(watcher.sent()).contains("42[\"presence\",\"" + vanishedSocket + "\",\"left\"]");
            assertThat(h.itemsNaming(vanished.sid())).as("its items went with the prune").isEmpty();
            assertThat(h.itemsNaming(vanishedSocket)).as("its presence entry too").isEmpty();
        }
    }

    private static String socketId(FakeSession session) {
        Matcher sid = SID.matcher(session.sent().get(0));
        assertThat(sid.matches()).isTrue();
        return sid.group(1);
    }
}
