package dev.skysocket.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.store.ConnectionRecord;
import dev.skysocket.store.Member;
import dev.skysocket.store.SocketRecord;
import dev.skysocket.store.dynamodb.DynamoConnectionStore;
import dev.skysocket.store.dynamodb.DynamoRoomStore;
import dev.skysocket.store.dynamodb.DynamoSchema;
import dev.skysocket.store.dynamodb.TableBootstrap;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * The table on LocalStack's DynamoDB: created by {@link TableBootstrap} from {@link DynamoSchema} (the layout
 * template.yaml declares, checked by TemplateTest), then the connection and room stores write, read, fan out
 * and remove through it. Skipped, with Testcontainers' reason, where no Docker engine is found.
 */
@Testcontainers(disabledWithoutDocker = true)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LocalStackTableIT {
    private static final String TABLE = "skysocket-localstack";
    private static final int SHARDS = 4;

    @Container
    static final LocalStackContainer LOCALSTACK = new LocalStackContainer(
            DockerImageName.parse("localstack/localstack:4.4")).withServices("dynamodb");

    private static DynamoDbClient dynamo;

    @BeforeAll
    static void createTheTable() {
        dynamo = DynamoDbClient.builder()
                .endpointOverride(LOCALSTACK.getEndpoint())
                .region(Region.of(LOCALSTACK.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        TableBootstrap.ensureTable(dynamo, TABLE, Duration.ofMinutes(2));
    }

    @AfterAll
    static void closeTheClient() {
        if (dynamo != null) {
            dynamo.close();
        }
    }

    @Test
    void theTableHasTheSchemasKeysAndIndexes() {
        TableDescription table = dynamo.describeTable(r -> r.tableName(TABLE)).table();
        CreateTableRequest schema = DynamoSchema.createTableRequest(TABLE);

        assertThat(table.keySchema()).hasSameElementsAs(schema.keySchema());
        assertThat(table.globalSecondaryIndexes()).extracting(GlobalSecondaryIndexDescription::indexName)
                .containsExactlyInAnyOrderElementsOf(schema.globalSecondaryIndexes().stream()
                        .map(GlobalSecondaryIndex::indexName).toList());
    }

    @Test
    void aConnectionItsSocketAndItsRoomAreStoredFoundAndRemovedTogether() {
        Clock clock = Clock.systemUTC();
        long now = clock.millis();
        long expiresAt = now / 1000 + 3600;
        DynamoConnectionStore connections = new DynamoConnectionStore(dynamo, TABLE, SHARDS, at -> expiresAt, clock);
        DynamoRoomStore rooms = new DynamoRoomStore(dynamo, TABLE, SHARDS, clock);
        String id = "conn-" + now;
        String endpoint = "https://api.example.test/prod";
        connections.create(new ConnectionRecord(id, endpoint, "websocket", true, "t1", "u1", "127.0.0.1",
                Map.of(), Map.of(), now, now + 25_000, false, false, expiresAt, null));
        SocketRecord socket = new SocketRecord(id, "/", "socket-" + now, "t1", Set.of(), "{}", "{}", now);
        connections.putSocket(socket);
        rooms.join(socket, endpoint, "lobby", expiresAt);

        assertThat(connections.find(id)).map(ConnectionRecord::endpoint).contains(endpoint);
        assertThat(connections.findSocket(id, "/")).map(SocketRecord::socketId).contains(socket.socketId());
        assertThat(members(rooms)).extracting(Member::connectionId).containsExactly(id);

        connections.remove(id);

        assertThat(connections.find(id)).isEmpty();
        assertThat(connections.sockets(id)).isEmpty();
        assertThat(members(rooms)).isEmpty();
    }

    private static List<Member> members(DynamoRoomStore rooms) {
        List<Member> members = new ArrayList<>();
        rooms.members("t1", "/", "lobby").forEach(members::add);
        return members;
    }
}
