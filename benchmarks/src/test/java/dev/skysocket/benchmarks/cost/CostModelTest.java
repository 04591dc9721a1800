package dev.skysocket.benchmarks.cost;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.skysocket.benchmarks.CountsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cost model on the repository's own counts and inputs: what joins and room directory registrations add. */
class CostModelTest {
    private static final long CONNECTIONS = 10_000;

    @Test
    void aChatConnectionJoinsItsRoomAfterEveryReconnection() throws IOException {
        Inputs in = inputs(Map.of());
        CostModel model = new CostModel(in);
        MonthlyCost idle = model.month(Workload.idle(), CONNECTIONS);
        MonthlyCost chat = model.month(Workload.chat(in), CONNECTIONS);

        double joins = reconnects(in);
        double sends = CONNECTIONS * in.get("workload.chat.messages_per_second_per_connection")
                * in.get("hours_per_month") * 3600;
        double messagesPerSend = in.get("frames.say.in")
                + (in.get("workload.chat.room_size") - 1) * in.get("events.frames_per_delivered_event");
        // A chat message writes nothing: every write unit chat adds to idle is its joins' and their registrations'.
        assertThat(chat.wru() - idle.wru()).isCloseTo(
                joins * (in.get("op.join.wru") + in.get("directory.registration_wru")), within(1.0));
        assertThat(chat.messages() - idle.messages() - sends * messagesPerSend).isCloseTo(
                joins * (in.get("frames.join.in") + in.get("frames.join.out")), within(1.0));
        assertThat(chat.invocations() - idle.invocations() - sends * in.get("frames.say.invocations")).isCloseTo(
                joins * in.get("frames.join.invocations"), within(1.0));
        assertThat(joins).isGreaterThan(0);
    }

    @Test
    void everyMembershipStoredRegistersAtMostOnce() throws IOException {
        Inputs upper = inputs(Map.of());
        Inputs none = inputs(Map.of("directory.registrations_per_membership", "0"));
        double reconnects = reconnects(upper);

        // Idle: the namespace's own room at every (re)connection. Chat: that and its room's join.
        assertThat(new CostModel(upper).month(Workload.idle(), CONNECTIONS).wru()
                - new CostModel(none).month(Workload.idle(), CONNECTIONS).wru())
                .isCloseTo(reconnects * upper.get("directory.registration_wru"), within(1.0));
        assertThat(new CostModel(upper).month(Workload.chat(upper), CONNECTIONS).wru()
                - new CostModel(none).month(Workload.chat(none), CONNECTIONS).wru())
                .isCloseTo(2 * reconnects * upper.get("directory.registration_wru"), within(1.0));
        assertThat(new CostModel(upper).month(Workload.idle(), CONNECTIONS).gbSeconds())
                .isGreaterThan(new CostModel(none).month(Workload.idle(), CONNECTIONS).gbSeconds());
    }

    @Test
    void aBroadcastToEveryConnectionNeedsNoJoin() throws IOException {
        Inputs in = inputs(Map.of());
        CostModel model = new CostModel(in);

        assertThat(model.month(Workload.broadcast(in), CONNECTIONS).wru())
                .isEqualTo(model.month(Workload.idle(), CONNECTIONS).wru());
    }

    private static double reconnects(Inputs in) {
        return CONNECTIONS * in.get("hours_per_month") * 60 / in.get("rotation_minutes");
    }

    /** The repository's counts and inputs, with {@code overrides} in place of some inputs. */
    private static Inputs inputs(Map<String, String> overrides) throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (!Files.exists(root.resolve("bench/cost/inputs.properties"))) {
            root = root.getParent();
            assertThat(root).as("the repository root, above the working directory").isNotNull();
        }
        Map<String, String> assumptions = new HashMap<>(CountsFile.read(root.resolve("bench/cost/inputs.properties")));
        assumptions.putAll(overrides);
        return new Inputs(CountsFile.read(root.resolve("docs/benchmarks/counts.properties")), assumptions);
    }
}
