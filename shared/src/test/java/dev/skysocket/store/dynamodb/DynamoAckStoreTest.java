package dev.skysocket.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.store.AckKey;
import dev.skysocket.testing.DynamoDbLocalServer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Ack answers on DynamoDB Local: first answer wins, expired answers read as none, reads span many keys. */
class DynamoAckStoreTest {
    private static final DynamoDbClient client = DynamoDbLocalServer.client();
    private static final long NOW = Instant.now().getEpochSecond();

    @AfterAll
    static void close() {
        client.close();
    }

    private static DynamoAckStore store(String table, long nowSeconds) {
        return new DynamoAckStore(client, table, Clock.fixed(Instant.ofEpochSecond(nowSeconds), ZoneOffset.UTC));
    }

    @Test
    void anAnswerIsReadUntilDeletedAndOnlyUnderItsOwnKey() {
        DynamoAckStore store = store(DynamoDbLocalServer.freshTable(client, "acks"), NOW);
        AckKey key = new AckKey("conn-1", "/", 42);

        assertThat(store.putAnswer(key, "[\"yes\"]", NOW + 60)).isTrue();

        assertThat(store.answers(List.of(key, new AckKey("conn-1", "/", 43), new AckKey("conn-1", "/admin", 42),
                new AckKey("conn-2", "/", 42)))).containsExactly(Map.entry(key, "[\"yes\"]"));
        store.delete(List.of(key));
        assertThat(store.answers(List.of(key))).isEmpty();
    }

    @Test
    void theFirstAnswerWinsAsACallbackAnswersOnce() {
        DynamoAckStore store = store(DynamoDbLocalServer.freshTable(client, "acks"), NOW);
        AckKey key = new AckKey("conn-1", "/", 7);

        assertThat(store.putAnswer(key, "[1]", NOW + 60)).isTrue();
        assertThat(store.putAnswer(key, "[2]", NOW + 60)).isFalse();

        assertThat(store.answers(List.of(key))).containsEntry(key, "[1]");
    }

    @Test
    void anExpiredAnswerReadsAsNoneBeforeTtlDeletesIt() {
        String table = DynamoDbLocalServer.freshTable(client, "acks");
        AckKey key = new AckKey("conn-1", "/", 9);
        store(table, NOW).putAnswer(key, "[1]", NOW + 60);

        assertThat(store(table, NOW + 61).answers(List.of(key))).isEmpty();
    }

    @Test
    void aReadOfMoreKeysThanOneBatchGetReturnsEveryAnswer() {
        DynamoAckStore store = store(DynamoDbLocalServer.freshTable(client, "acks"), NOW);
        List<AckKey> keys = new ArrayList<>();
        for (int i = 0; i < DynamoAckStore.MAX_BATCH_GET + 30; i++) {
            AckKey key = new AckKey("conn-" + i, "/", 5);
            keys.add(key);
            if (i % 2 == 0) {
                store.putAnswer(key, "[" + i + "]", NOW + 60);
            }
        }

        Map<AckKey, String> found = store.answers(keys);

        assertThat(found).hasSize(65).containsEntry(keys.get(128), "[128]").doesNotContainKey(keys.get(1));
    }

    @Test
    void removingTheConnectionRemovesItsAnswers() {
        String table = DynamoDbLocalServer.freshTable(client, "acks");
        DynamoAckStore store = store(table, NOW);
        AckKey key = new AckKey("conn-x", "/", 11);
        store.putAnswer(key, "[1]", NOW + 60);

        new RemovalCascade(client, table, 1, new BatchWriter(client, table)).removeConnection("conn-x");

        assertThat(store.answers(List.of(key))).isEmpty();
    }
}
