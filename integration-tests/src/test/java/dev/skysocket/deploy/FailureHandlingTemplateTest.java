package dev.skysocket.deploy;

import static dev.skysocket.deploy.Template.list;
import static dev.skysocket.deploy.Template.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * How {@code template.yaml} handles a failed open step (kept in a queue, alarmed, the claim's lease equal to the
 * function's timeout) and a missed heartbeat run (a run's timeout leaves room to cover the next run's window).
 */
class FailureHandlingTemplateTest {
    private static final Path TEMPLATE = Path.of(System.getProperty("skysocket.template", "../template.yaml"))
            .toAbsolutePath().normalize();
    private static final long SWEEP_PERIOD_MS = 60_000;
    private static final long PASS_PERIOD_MS = 15_000;

    @Test
    void openStepFailuresGoToAnAlarmedQueue() throws IOException {
        assertThat(EdgeChecks.openStepFailuresAreKeptAndAlarmed(load())).isEmpty();
    }

    @Test
    void aMissingDestinationAlarmOrPermissionIsCaught() throws IOException {
        Template t = load();
        t.resources().remove("OpenFailuresAlarm");
        list(properties(t, "SocketFunctionRole").get("Policies")).removeIf(p -> "open-failures".equals(map(p)
                .get("PolicyName")));
        properties(t, "OpenFunction").put("Timeout", 30);
        map(properties(t, "OpenFunction").get("EventInvokeConfig")).put("MaximumRetryAttempts", 2);
        assertThat(EdgeChecks.openStepFailuresAreKeptAndAlarmed(t))
                .anyMatch(p -> p.contains("no alarm watches OpenFailedQueue"))
                .anyMatch(p -> p.contains("SocketFunctionRole may not send"))
                .anyMatch(p -> p.contains("is not the open claim's lease"))
                .anyMatch(p -> p.contains("retries a failed run"));
        map(properties(t, "OpenFunction").get("EventInvokeConfig")).remove("DestinationConfig");
        assertThat(EdgeChecks.openStepFailuresAreKeptAndAlarmed(t)).singleElement().asString()
                .contains("no OnFailure destination");
    }

    @Test
    void theHeartbeatTimeoutCoversTheNextRunsWindow() throws IOException {
        assertThat(EdgeChecks.heartbeatTimeoutCoversTheNextRun(load(), SWEEP_PERIOD_MS, PASS_PERIOD_MS)).isEmpty();
        Template t = load();
        properties(t, "HeartbeatFunction").put("Timeout", 120);
        assertThat(EdgeChecks.heartbeatTimeoutCoversTheNextRun(t, SWEEP_PERIOD_MS, PASS_PERIOD_MS)).singleElement()
                .asString().contains("120000 ms < last slot 105000 ms");
    }

    @Test
    void theTemplatesSweepPeriodsAreTheOnesChecked() throws IOException {
        Map<String, Object> env = Template.environment(map(map(load().root().get("Globals")).get("Function")));
        assertThat(env).containsEntry("SKYSOCKET_SWEEP_PERIOD_MS", String.valueOf(SWEEP_PERIOD_MS))
                .containsEntry("SKYSOCKET_SWEEP_PASS_PERIOD_MS", String.valueOf(PASS_PERIOD_MS));
    }

    private static Template load() throws IOException {
        return Template.load(TEMPLATE);
    }

    private static Map<String, Object> properties(Template t, String logicalId) {
        return map(t.resource(logicalId).get("Properties"));
    }
}
