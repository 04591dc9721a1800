package dev.skysocket.functions;

import dev.skysocket.testing.DynamoDbLocalServer;
import dev.skysocket.testing.ManagementApiStub;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The real parts behind the handlers under test: DynamoDB Local on loopback with a fresh table, and the
 * Management API stub. The functions read their settings as system properties (as {@code SKYSOCKET_*} variables
 * on AWS), so they are set here before Quarkus starts and cleared when it stops. Each profile gets its own.
 */
public class LambdaBackends implements QuarkusTestResourceLifecycleManager {
    private static final String ENDPOINT_PROPERTY = "skysocket.test.dynamodb-local-endpoint";
    private static final String REGION = "us-east-1";
    private static final String KEY = "dummy";
    private static volatile ManagementApiStub stub;
    private static volatile DynamoDbClient dynamo;
    private static volatile String table;
    private final Map<String, String> settings = new LinkedHashMap<>();

    @Override
    public Map<String, String> start() {
        dynamo = client(dynamoDbLocal());
        table = DynamoDbLocalServer.freshTable(dynamo, "functions");
        stub = ManagementApiStub.start("dev");
        // DynamoDB Local keeps one database per access key and region: the functions and the tests share them.
        settings.put("skysocket.region", REGION);
        settings.put("skysocket.dynamodb-endpoint", dynamoDbLocal().toString());
        settings.put("skysocket.table", table);
        settings.put("skysocket.management-endpoint", stub.endpoint());
        settings.put("skysocket.open-invoker", "thread");
        // Read by the SDK's default credentials chain. DynamoDB Local 2.x accepts any key of letters and digits.
        settings.put("aws.accessKeyId", KEY);
        settings.put("aws.secretAccessKey", KEY);
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

    /**
     * One DynamoDB Local per JVM. Each profile boots Quarkus with fresh class loaders, which would start another
     * server through {@link DynamoDbLocalServer}'s static state; a JVM-wide property remembers the first one.
     */
    private static URI dynamoDbLocal() {
        synchronized (System.getProperties()) {
            String known = System.getProperty(ENDPOINT_PROPERTY);
            if (known != null) {
                return URI.create(known);
            }
            URI endpoint = DynamoDbLocalServer.endpoint();
            System.setProperty(ENDPOINT_PROPERTY, endpoint.toString());
            return endpoint;
        }
    }

    /** A client like {@link DynamoDbLocalServer#client}'s: same key and region, so it sees the same tables. */
    private static DynamoDbClient client(URI endpoint) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.of(REGION))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
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
