package dev.skysocket.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmfSinkTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<String> lines = new ArrayList<>();
    private final EmfSink sink = new EmfSink("functions", lines::add,
            Clock.fixed(Instant.ofEpochMilli(1_765_000_000_123L), ZoneOffset.UTC));

    @Test
    void oneFlushWritesOneLineWithTheDirectiveTheSumsAndTheLatencyValues() throws Exception {
        sink.record(Metric.EVENTS_IN, 1);
        sink.record(Metric.EVENTS_IN, 1);
        sink.record(Metric.FANOUT_DELIVERED, 5);
        sink.record(Metric.OPEN_STEP_LATENCY, 12);
        sink.record(Metric.OPEN_STEP_LATENCY, 7.5);

        sink.flush();

        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).doesNotContain("\n");
        JsonNode line = JSON.readTree(lines.get(0));
        JsonNode directive = line.path("_aws").path("CloudWatchMetrics").get(0);
        assertThat(line.path("_aws").path("Timestamp").asLong()).isEqualTo(1_765_000_000_123L);
        assertThat(directive.path("Namespace").asText()).isEqualTo("Skysocket");
        assertThat(directive.path("Dimensions").toString()).isEqualTo("[[\"Service\"]]");
        assertThat(directive.path("Metrics").toString()).isEqualTo("[{\"Name\":\"EventsIn\",\"Unit\":\"Count\"},"
                + "{\"Name\":\"FanoutDelivered\",\"Unit\":\"Count\"},"
                + "{\"Name\":\"OpenStepLatency\",\"Unit\":\"Milliseconds\"}]");
        assertThat(line.path("Service").asText()).isEqualTo("functions");
        assertThat(line.path("EventsIn").isIntegralNumber()).isTrue();
        assertThat(line.path("EventsIn").asLong()).isEqualTo(2);
        assertThat(line.path("FanoutDelivered").asLong()).isEqualTo(5);
        assertThat(line.path("OpenStepLatency").toString()).isEqualTo("[12.0,7.5]");
        // Every metric the directive names is a member of the root, as EMF requires.
        directive.path("Metrics").forEach(m -> assertThat(line.has(m.path("Name").asText())).isTrue());
    }

    @Test
    void aFlushStartsAfreshAndAFlushWithNothingRecordedWritesNothing() throws Exception {
        sink.flush();
        assertThat(lines).isEmpty();

        sink.record(Metric.EVENTS_OUT, 1);
        sink.flush();
        sink.flush();
        sink.record(Metric.EVENTS_OUT, 1);
        sink.flush();

        assertThat(lines).hasSize(2);
        for (String text : lines) {
            assertThat(JSON.readTree(text).path("EventsOut").asLong()).isEqualTo(1);
        }
    }

    @Test
    void aFullValueArrayIsWrittenAtOnceAndNoObservationIsLost() throws Exception {
        for (int i = 0; i < EmfSink.MAX_VALUES + 3; i++) {
            sink.record(Metric.OPEN_STEP_LATENCY, i);
        }
        sink.flush();

        assertThat(lines).hasSize(2);
        assertThat(JSON.readTree(lines.get(0)).path("OpenStepLatency").size()).isEqualTo(EmfSink.MAX_VALUES);
        assertThat(JSON.readTree(lines.get(1)).path("OpenStepLatency").size()).isEqualTo(3);
    }
}
