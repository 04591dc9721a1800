package dev.skysocket.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

class DynamoSchemaTest {

    @Test
    void key_parts_that_differ_only_in_where_the_separator_sits_build_different_keys() {
        List<String> keys = List.of(
                DynamoSchema.roomPk("a#b", "c", "d", 0, 1),
                DynamoSchema.roomPk("a", "b#c", "d", 0, 1),
                DynamoSchema.roomPk("a", "b", "c#d", 0, 1),
                DynamoSchema.roomPk("a", "b", "c%23d", 0, 1),
                DynamoSchema.roomPk("a", "b", "c", 0, 1),
                DynamoSchema.roomPk("a", "b", "c", 0, 2));
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(DynamoSchema.userKey("a#b", "c")).isNotEqualTo(DynamoSchema.userKey("a", "b#c"));
    }

    @Test
    void a_room_has_a_shard_suffix_only_when_it_is_sharded() {
        assertThat(DynamoSchema.roomPk("t", "/", "r", 0, 1)).isEqualTo("R#t#/#r");
        assertThat(DynamoSchema.roomPk("t", "/", "r", 3, 4)).isEqualTo("R#t#/#r#3");
        assertThat(DynamoSchema.roomPk("t", "/", "r#3", 0, 1)).isEqualTo("R#t#/#r%233");
    }

    @Test
    void connection_and_socket_items_share_the_connection_partition() {
        assertThat(DynamoSchema.connectionKey("abc=")).containsEntry(DynamoSchema.PK,
                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("C#abc="));
        assertThat(DynamoSchema.socketKey("abc=", "/chat").get(DynamoSchema.PK))
                .isEqualTo(DynamoSchema.connectionKey("abc=").get(DynamoSchema.PK));
        assertThat(DynamoSchema.socketKey("abc=", "/chat").get(DynamoSchema.SK).s()).isEqualTo("S#/chat");
    }

    @Test
    void buckets_are_stable_and_within_range() {
        for (int i = 0; i < 1_000; i++) {
            String id = "socket-" + i;
            assertThat(DynamoSchema.bucket(id, 7)).isBetween(0, 6).isEqualTo(DynamoSchema.bucket(id, 7));
            assertThat(DynamoSchema.bucket(id, 1)).isZero();
        }
    }

    @Test
    void the_table_is_on_demand_with_a_full_user_index_and_a_narrow_ping_index() {
        CreateTableRequest request = DynamoSchema.createTableRequest("t");

        assertThat(request.billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
        assertThat(request.globalSecondaryIndexes()).extracting(GlobalSecondaryIndex::indexName)
                .containsExactlyInAnyOrder(DynamoSchema.BY_USER, DynamoSchema.BY_PING);
        GlobalSecondaryIndex byPing = request.globalSecondaryIndexes().stream()
                .filter(i -> i.indexName().equals(DynamoSchema.BY_PING)).findFirst().orElseThrow();
        assertThat(byPing.projection().projectionType()).isEqualTo(ProjectionType.INCLUDE);
        assertThat(byPing.projection().nonKeyAttributes()).contains(DynamoSchema.CONNECTION_ID,
                DynamoSchema.ENDPOINT, DynamoSchema.AWAITING_PONG, DynamoSchema.CONNECTED_AT, DynamoSchema.EXPIRES_AT);
    }
}
