package dev.skysocket.apigw;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Item sizes and capacity units by AWS's published rules ("DynamoDB item sizes and formats"): an item is the sum of
 * its attribute names and values; strings count their UTF-8 bytes, numbers about one byte per two significant
 * digits plus one, booleans and nulls one byte, lists and maps three bytes plus one per element. A read unit covers
 * 4 KB read with strong consistency (half that for eventual consistency), a write unit 1 KB. Used to print the
 * documented minimum beside what DynamoDB Local reports.
 */
final class ItemSizes {
    static final int READ_UNIT_BYTES = 4096;
    static final int WRITE_UNIT_BYTES = 1024;
    /** Query and Scan pages stop at 1 MB of items read. */
    static final int PAGE_BYTES = 1024 * 1024;

    private ItemSizes() {
    }

    static long bytes(Map<String, AttributeValue> item) {
        long total = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            total += utf8(attribute.getKey()) + valueBytes(attribute.getValue());
        }
        return total;
    }

    static long writeUnits(long itemBytes) {
        return Math.max(1, ceilDiv(itemBytes, WRITE_UNIT_BYTES));
    }

    /**
     * Read units of a paginated Query or Scan over {@code count} items of {@code itemBytes} each: every page is
     * rounded up to 4 KB on its own; a page holds at most {@code pageItems} items and at most 1 MB.
     */
    static double pagedReadUnits(long count, long itemBytes, int pageItems, boolean consistent) {
        long perPage = Math.max(1, Math.min(pageItems, PAGE_BYTES / Math.max(1, itemBytes)));
        long fullPages = count / perPage;
        long rest = count % perPage;
        long units = fullPages * Math.max(1, ceilDiv(perPage * itemBytes, READ_UNIT_BYTES))
                + (rest > 0 || fullPages == 0 ? Math.max(1, ceilDiv(rest * itemBytes, READ_UNIT_BYTES)) : 0);
        return consistent ? units : units / 2.0;
    }

    private static long valueBytes(AttributeValue value) {
        if (value.s() != null) {
            return utf8(value.s());
        } else if (value.n() != null) {
            return numberBytes(value.n());
        } else if (value.b() != null) {
            return value.b().asByteArray().length;
        } else if (value.bool() != null || Boolean.TRUE.equals(value.nul())) {
            return 1;
        } else if (value.hasSs()) {
            return value.ss().stream().mapToLong(ItemSizes::utf8).sum();
        } else if (value.hasNs()) {
            return value.ns().stream().mapToLong(ItemSizes::numberBytes).sum();
        } else if (value.hasBs()) {
            return value.bs().stream().mapToLong(b -> b.asByteArray().length).sum();
        } else if (value.hasL()) {
            return 3 + elements(value.l());
        } else if (value.hasM()) {
            return 3 + value.m().entrySet().stream()
                    .mapToLong(e -> utf8(e.getKey()) + valueBytes(e.getValue()) + 1).sum();
        }
        return 0;
    }

    private static long elements(Collection<AttributeValue> values) {
        return values.stream().mapToLong(v -> valueBytes(v) + 1).sum();
    }

    private static long numberBytes(String number) {
        String digits = new BigDecimal(number).stripTrailingZeros().unscaledValue().abs().toString();
        return ceilDiv(digits.length(), 2) + 1;
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
