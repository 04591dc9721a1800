package dev.skysocket.functions;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skysocket.apigw.QueuedFrame;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * SQS events as Lambda's event source mapping delivers them from the ordered mode's FIFO queue (key names as AWS
 * writes them, {@code Records} and {@code eventSourceARN} included): one record per client frame, with the
 * message attributes the {@code $default} route's request template sets.
 */
final class SqsFifoEvents {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String QUEUE_ARN = "arn:aws:sqs:eu-west-1:123456789012:skysocket-frames.fifo";

    private SqsFifoEvents() {
    }

    /** One batch: {@code frames} of one connection, in order. */
    static String batch(String connectionId, List<String> frames) {
        ObjectNode event = JSON.createObjectNode();
        ArrayNode records = event.putArray("Records");
        long now = System.currentTimeMillis();
        for (int i = 0; i < frames.size(); i++) {
            String requestId = UUID.randomUUID().toString();
            ObjectNode record = records.addObject();
            record.put("messageId", UUID.randomUUID().toString());
            record.put("receiptHandle", "AQEB" + requestId);
            record.put("body", frames.get(i));
            ObjectNode system = record.putObject("attributes");
            system.put("ApproximateReceiveCount", "1");
            system.put("SentTimestamp", String.valueOf(now));
            system.put("SequenceNumber", String.valueOf(18_800_000_000_000_000L + i));
            system.put("MessageGroupId", connectionId);
            system.put("SenderId", "AROAEXAMPLE:BackplaneAssumeRoleSession");
            system.put("MessageDeduplicationId", requestId);
            system.put("ApproximateFirstReceiveTimestamp", String.valueOf(now + 20));
            ObjectNode attributes = record.putObject("messageAttributes");
            Map.of(QueuedFrame.CONNECTION_ID, connectionId, QueuedFrame.REQUEST_ID, requestId,
                    QueuedFrame.API_ID, "a1b2c3d4e5", QueuedFrame.STAGE, "dev",
                    QueuedFrame.DOMAIN_NAME, "a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com",
                    QueuedFrame.REQUEST_TIME_EPOCH, String.valueOf(now),
                    QueuedFrame.CONNECTED_AT, String.valueOf(now - 1000)).forEach((name, value) -> {
                        ObjectNode attribute = attributes.putObject(name);
                        attribute.put("stringValue", value);
                        attribute.putArray("stringListValues");
                        attribute.putArray("binaryListValues");
                        attribute.put("dataType", "String");
                    });
            record.put("md5OfMessageAttributes", "00000000000000000000000000000000");
            record.put("md5OfBody", "00000000000000000000000000000000");
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", QUEUE_ARN);
            record.put("awsRegion", "eu-west-1");
        }
        return event.toString();
    }
}
