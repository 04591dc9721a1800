package dev.skysocket.functions;

import dev.skysocket.testing.DynamoDbLocalServer;
import dev.skysocket.testing.ManagementApiStub;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The real parts behind the handlers under test: DynamoDB Local on loopback with a fresh table, and the
 * Management API stub. The functions read their settings as system properties (as {@code SKYSOCKET_*} variables
 * on AWS), so they are set here before Quarkus starts and cleared when it stops. Each profile gets its own.
 */
public class LambdaBackends implements QuarkusTestResourceLifecycleManager {
    private static volatile ManagementApiStub stub;
    private static volatile DynamoDbClient dynamo;
    private static volatile String table;
    private final Map<String, String> settings = new LinkedHashMap<>();

    @Override
    public Map<String, String> start() {
        dynamo = DynamoDbLocalServer.client();
        table = DynamoDbLocalServer.freshTable(dynamo, "functions");
        stub = ManagementApiStub.start("dev");
        settings.put("skysocket.region", "eu-west-1");
        settings.put("skysocket.dynamodb-endpoint", DynamoDbLocalServer.endpoint().toString());
        settings.put("skysocket.table", table);
        settings.put("skysocket.management-endpoint", stub.endpoint());
        settings.put("skysocket.open-invoker", "thread");
        // Read by the SDK's default credentials chain; DynamoDB Local and the stub accept any signature.
        settings.put("aws.accessKeyId", "test-access-key");
        settings.put("aws.secretAccessKey", "test-secret-key");
        settings.forEach(System::setProperty);
        return Map.copyOf(settings);
    }

    @Override
    public void stop() {
        settings.keySet().forEach(System::clearProperty);
        if (stub != null) {
            stub.close();
        }
        if (dynamo != null) {
            dynamo.close();
        }
    }

    static ManagementApiStub stub() {
        return stub;
    }

    /** A client of the table the functions use, for checking what they stored. */
    static DynamoDbClient dynamo() {
        return dynamo;
    }

    static String table() {
        return table;
    }
}
