package dev.skysocket.store.dynamodb;

import static dev.skysocket.store.dynamodb.DynamoSchema.AWAITING_PONG;
import static dev.skysocket.store.dynamodb.DynamoSchema.BY_PING;
import static dev.skysocket.store.dynamodb.DynamoSchema.BY_USER;
import static dev.skysocket.store.dynamodb.DynamoSchema.CONNECTED_AT;
import static dev.skysocket.store.dynamodb.DynamoSchema.CONNECTION_ID;
import static dev.skysocket.store.dynamodb.DynamoSchema.ENDPOINT;
import static dev.skysocket.store.dynamodb.DynamoSchema.EXPIRES_AT;
import static dev.skysocket.store.dynamodb.DynamoSchema.PING_DUE_AT;
import static dev.skysocket.store.dynamodb.DynamoSchema.PING_SHARD;
import static dev.skysocket.store.dynamodb.DynamoSchema.PK;
import static dev.skysocket.store.dynamodb.DynamoSchema.SK;
import static dev.skysocket.store.dynamodb.DynamoSchema.USER_KEY;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The table's definition, built from {@link DynamoSchema}'s names: what {@link TableBootstrap} creates. */
final class TableDefinition {
    private TableDefinition() {
    }

    /** On-demand, string keys, the two sparse indexes; TTL is a separate call. */
    static CreateTableRequest of(String tableName) {
        return CreateTableRequest.builder()
                .tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        attribute(PK, ScalarAttributeType.S),
                        attribute(SK, ScalarAttributeType.S),
                        attribute(USER_KEY, ScalarAttributeType.S),
                        attribute(CONNECTION_ID, ScalarAttributeType.S),
                        attribute(PING_SHARD, ScalarAttributeType.S),
                        attribute(PING_DUE_AT, ScalarAttributeType.N))
                .keySchema(hash(PK), range(SK))
                .globalSecondaryIndexes(
                        // byUser returns whole connection records; connection items are small and few per user.
                        GlobalSecondaryIndex.builder()
                                .indexName(BY_USER)
                                .keySchema(hash(USER_KEY), range(CONNECTION_ID))
                                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                                .build(),
                        // byPing carries only what the sweep needs (HeartbeatDue and the TTL filter).
                        GlobalSecondaryIndex.builder()
                                .indexName(BY_PING)
                                .keySchema(hash(PING_SHARD), range(PING_DUE_AT))
                                .projection(Projection.builder()
                                        .projectionType(ProjectionType.INCLUDE)
                                        .nonKeyAttributes(List.of(CONNECTION_ID, ENDPOINT, AWAITING_PONG,
                                                CONNECTED_AT, EXPIRES_AT))
                                        .build())
                                .build())
                .build();
    }

    private static AttributeDefinition attribute(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private static KeySchemaElement hash(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.HASH).build();
    }

    private static KeySchemaElement range(String name) {
        return KeySchemaElement.builder().attributeName(name).keyType(KeyType.RANGE).build();
    }
}
