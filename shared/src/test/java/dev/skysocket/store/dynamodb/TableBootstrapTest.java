package dev.skysocket.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skysocket.testing.DynamoDbLocalServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

class TableBootstrapTest {
    private static DynamoDbClient client;

    @BeforeAll
    static void connect() {
        client = DynamoDbLocalServer.client();
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void ensure_table_creates_the_table_with_both_indexes_and_ttl_on_expires_at() {
        String table = DynamoDbLocalServer.freshTable(client, "bootstrap");

        var description = client.describeTable(r -> r.tableName(table)).table();
        assertThat(description.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
                .containsExactlyInAnyOrder(DynamoSchema.BY_USER, DynamoSchema.BY_PING);
        var ttl = client.describeTimeToLive(r -> r.tableName(table)).timeToLiveDescription();
        assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        assertThat(ttl.attributeName()).isEqualTo(DynamoSchema.EXPIRES_AT);
    }

    @Test
    void ensure_table_on_an_existing_table_changes_nothing() {
        String table = DynamoDbLocalServer.freshTable(client, "bootstrap-twice");
        client.putItem(r -> r.tableName(table).item(DynamoSchema.connectionKey("kept")));

        TableBootstrap.ensureTable(client, table);

        assertThat(client.getItem(r -> r.tableName(table).key(DynamoSchema.connectionKey("kept"))).item())
                .isNotEmpty();
    }

    @Test
    void a_table_made_for_another_layout_is_refused_with_a_message_that_says_what_to_do() {
        String table = "foreign-" + System.nanoTime();
        client.createTable(r -> r.tableName(table)
                .billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(a -> a.attributeName(DynamoSchema.PK).attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName(DynamoSchema.PK).keyType(KeyType.HASH)));

        assertThatThrownBy(() -> TableBootstrap.ensureTable(client, table))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has no index")
                .hasMessageContaining("skysocket.table");
    }
}
