package dev.skysocket.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusSinkTest {
    @Test
    void theScrapeIsTextFormatWithEveryMetricAndItsTotals() {
        PrometheusSink sink = new PrometheusSink();
        sink.record(Metric.EVENTS_IN, 1);
        sink.record(Metric.EVENTS_IN, 2);
        sink.record(Metric.OPEN_STEP_LATENCY, 10);
        sink.record(Metric.OPEN_STEP_LATENCY, 2.5);

        Map<String, Double> samples = PrometheusText.parse(sink.scrape());

        assertThat(samples).containsEntry("skysocket_events_in_total", 3.0)
                .containsEntry("skysocket_events_out_total", 0.0)
                .containsEntry("skysocket_open_step_latency_milliseconds_sum", 12.5)
                .containsEntry("skysocket_open_step_latency_milliseconds_count", 2.0)
                .containsEntry("skysocket_store_throttles_total", 0.0);
        assertThat(samples).hasSize(Metric.values().length + 1);  // a summary has two samples
    }
}
