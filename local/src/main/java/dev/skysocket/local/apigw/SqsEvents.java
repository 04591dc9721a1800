package dev.skysocket.local.apigw;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The SQS event Lambda's event source mapping sends for a FIFO batch, key for key as AWS writes it
 * ({@code Records}, {@code eventSourceARN}, the FIFO system attributes, string message attributes), and the partial
 * batch response read back as Lambda reads it.
 */
final class SqsEvents {
    static final String QUEUE_NAME = "skysocket-frames.fifo";
    private final ObjectMapper mapper = new ObjectMapper();
    private final String queueArn = "arn:aws:sqs:" + WebSocketEvents.REGION + ":" + WebSocketEvents.ACCOUNT + ":"
            + QUEUE_NAME;

    /**
     * Whether SQS accepts this message body: at least one character, all of them in SQS's allowed set (tab, line
     * feed, carriage return, U+0020 to U+D7FF, U+E000 to U+FFFD and the supplementary planes). {@code SendMessage}
     * refuses anything else, so such a frame never reaches the consumer on AWS.
     */
    static boolean acceptable(String body) {
        if (body == null || body.isEmpty()) {
            return false;
        }
        return body.codePoints().allMatch(c -> c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF));
    }

    String batch(List<FifoQueue.Message> messages) {
        ObjectNode event = mapper.createObjectNode();
        var records = event.putArray("Records");
        long now = System.currentTimeMillis();
        for (FifoQueue.Message message : messages) {
            ObjectNode record = records.addObject();
            record.put("messageId", message.id());
            record.put("receiptHandle", "local-" + message.id() + "-" + message.receiveCount());
            record.put("body", message.body());
            ObjectNode system = record.putObject("attributes");
            system.put("ApproximateReceiveCount", String.valueOf(message.receiveCount()));
            system.put("SentTimestamp", String.valueOf(message.sentAtMillis()));
            system.put("SequenceNumber", String.format("%020d", message.sequenceNumber()));
            system.put("MessageGroupId", message.group());
            system.put("SenderId", "LOCALAPIGATEWAY");
            system.put("MessageDeduplicationId", message.attributes().getOrDefault("requestId", message.id()));
            system.put("ApproximateFirstReceiveTimestamp", String.valueOf(now));
            ObjectNode attributes = record.putObject("messageAttributes");
            message.attributes().forEach((name, value) -> {
                ObjectNode attribute = attributes.putObject(name);
                attribute.put("stringValue", value);
                attribute.putArray("stringListValues");
                attribute.putArray("binaryListValues");
                attribute.put("dataType", "String");
            });
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queueArn);
            record.put("awsRegion", WebSocketEvents.REGION);
        }
        return event.toString();
    }

    /**
     * The failed message ids of a partial batch response; null (the whole batch failed) when the response is not
     * one or names an id that is not in the batch, as Lambda treats it.
     */
    Set<String> failures(String responseJson, List<FifoQueue.Message> batch) {
        if (responseJson == null || responseJson.isBlank()) {
            return Set.of();
        }
        JsonNode response;
        try {
            response = mapper.readTree(responseJson);
        } catch (IOException e) {
            return null;
        }
        JsonNode items = response == null ? null : response.get("batchItemFailures");
        if (items == null || items.isNull()) {
            return Set.of();
        }
        if (!items.isArray()) {
            return null;
        }
        Set<String> ids = new HashSet<>();
        batch.forEach(message -> ids.add(message.id()));
        Set<String> failed = new HashSet<>();
        for (JsonNode item : items) {
            String id = item.path("itemIdentifier").asText("");
            if (!ids.contains(id)) {
                return null;
            }
            failed.add(id);
        }
        return failed;
    }
}
