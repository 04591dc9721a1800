package dev.skysocket.deploy;

import static dev.skysocket.deploy.Template.list;
import static dev.skysocket.deploy.Template.map;

import dev.skysocket.store.dynamodb.DynamoSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/**
 * The template's table is the one the stores use: {@link DynamoSchema#createTableRequest} (keys, attribute types,
 * the byUser and byPing indexes with their projections, on-demand billing) plus TTL on
 * {@link DynamoSchema#EXPIRES_AT}. A mismatch deploys fine and fails at the first Query on an index.
 */
final class TableCheck {
    private TableCheck() {
    }

    static List<String> tableMatchesTheSchema(Template t) {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Object>> tables = t.propertiesOfType("AWS::DynamoDB::Table");
        if (tables.size() != 1) {
            problems.add("expected one AWS::DynamoDB::Table, found " + tables.keySet());
            return problems;
        }
        String id = tables.keySet().iterator().next();
        Map<String, Object> table = tables.get(id);
        CreateTableRequest expected = DynamoSchema.createTableRequest("table");

        compare(problems, id + " BillingMode", expected.billingModeAsString(), table.get("BillingMode"));
        TreeSet<String> attributes = new TreeSet<>();
        expected.attributeDefinitions()
                .forEach(a -> attributes.add(a.attributeName() + ":" + a.attributeTypeAsString()));
        TreeSet<String> declared = new TreeSet<>();
        list(table.get("AttributeDefinitions")).forEach(a -> declared.add(
                map(a).get("AttributeName") + ":" + map(a).get("AttributeType")));
        compare(problems, id + " AttributeDefinitions", attributes, declared);
        compare(problems, id + " KeySchema", keys(expected.keySchema()), keys(table.get("KeySchema")));

        Map<String, String> indexes = new TreeMap<>();
        for (GlobalSecondaryIndex index : expected.globalSecondaryIndexes()) {
            indexes.put(index.indexName(), keys(index.keySchema()) + " " + index.projection().projectionTypeAsString()
                    + " " + new TreeSet<>(index.projection().nonKeyAttributes()));
        }
        Map<String, String> declaredIndexes = new TreeMap<>();
        for (Object value : list(table.get("GlobalSecondaryIndexes"))) {
            Map<String, Object> index = map(value);
            Map<String, Object> projection = map(index.get("Projection"));
            TreeSet<String> nonKey = new TreeSet<>();
            list(projection.get("NonKeyAttributes")).forEach(a -> nonKey.add(String.valueOf(a)));
            declaredIndexes.put(String.valueOf(index.get("IndexName")),
                    keys(index.get("KeySchema")) + " " + projection.get("ProjectionType") + " " + nonKey);
        }
        compare(problems, id + " GlobalSecondaryIndexes", indexes, declaredIndexes);
        if (table.get("LocalSecondaryIndexes") != null) {
            problems.add(id + " declares LocalSecondaryIndexes the schema does not have");
        }

        Map<String, Object> ttl = map(table.get("TimeToLiveSpecification"));
        if (!DynamoSchema.EXPIRES_AT.equals(ttl.get("AttributeName")) || !Boolean.TRUE.equals(ttl.get("Enabled"))) {
            problems.add(id + " TTL must be enabled on " + DynamoSchema.EXPIRES_AT + ", is " + ttl);
        }
        return problems;
    }

    private static String keys(List<KeySchemaElement> schema) {
        List<String> out = new ArrayList<>();
        schema.forEach(k -> out.add(k.attributeName() + ":" + k.keyTypeAsString()));
        return out.toString();
    }

    private static String keys(Object schema) {
        List<String> out = new ArrayList<>();
        list(schema).forEach(k -> out.add(map(k).get("AttributeName") + ":" + map(k).get("KeyType")));
        return out.toString();
    }

    private static void compare(List<String> problems, String what, Object expected, Object actual) {
        if (!String.valueOf(expected).equals(String.valueOf(actual))) {
            problems.add(what + " is " + actual + ", DynamoSchema has " + expected);
        }
    }
}
