package dev.skysocket.local.apigw;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.skysocket.apigw.QueuedFrame;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** What the emulated queue hands the consumer is what the ordered handler reads on AWS. */
class OrderedDeliveryEventTest {

    @Test
    void theSqsEventCarriesTheAttributesTheOrderedRouteReadsBackIntoTheDefaultEvent() throws Exception {
        AtomicReference<String> seen = new AtomicReference<>();
        var workers = Executors.newSingleThreadExecutor();
        try (OrderedDelivery delivery = new OrderedDelivery(OrderedDeliverySettings.TEMPLATE, json -> {
            seen.set(json);
            return null;
        }, workers, Duration.ofSeconds(5), "localapi00", "dev", "127.0.0.1:3001")) {
            ConnectionContext connection = new ConnectionContext("conn-1=", 1234L, "127.0.0.1", "node", List.of(), null);
            delivery.send(connection, "42[\"x\",1]", 5678L);
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> seen.get() != null);
        } finally {
            workers.shutdownNow();
        }
        SQSEvent event = JsonMapper.builder().configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES, true)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false).build()
                .readValue(seen.get(), SQSEvent.class);
        SQSEvent.SQSMessage message = event.getRecords().get(0);
        assertThat(message.getMessageAttributes().keySet()).containsExactlyInAnyOrderElementsOf(QueuedFrame.ATTRIBUTES);
        assertThat(message.getAttributes()).containsEntry("MessageGroupId", "conn-1=");
        APIGatewayV2WebSocketEvent frame = QueuedFrame.toEvent(message);
        assertThat(frame.getBody()).isEqualTo("42[\"x\",1]");
        assertThat(frame.getRequestContext().getConnectionId()).isEqualTo("conn-1=");
        assertThat(frame.getRequestContext().getStage()).isEqualTo("dev");
        assertThat(frame.getRequestContext().getApiId()).isEqualTo("localapi00");
        assertThat(frame.getRequestContext().getDomainName()).isEqualTo("127.0.0.1:3001");
        assertThat(frame.getRequestContext().getRequestTimeEpoch()).isEqualTo(5678L);
        assertThat(frame.getRequestContext().getConnectedAt()).isEqualTo(1234L);
    }
}
