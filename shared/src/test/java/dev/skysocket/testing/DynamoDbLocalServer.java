package dev.skysocket.testing;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import dev.skysocket.store.dynamodb.TableBootstrap;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local over HTTP on a loopback port, started once per JVM on first use and stopped by a shutdown hook.
 * Tests talk to it with real SDK clients. Each test class takes its own table ({@link #freshTable}) so classes
 * never see each other's items.
 */
public final class DynamoDbLocalServer {
    private static final System.Logger LOG = System.getLogger(DynamoDbLocalServer.class.getName());
    private static final int START_ATTEMPTS = 5;
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static URI endpoint;

    private DynamoDbLocalServer() {
    }

    /** The server's endpoint, e.g. {@code http://127.0.0.1:41234}; starts the server on first call. */
    public static synchronized URI endpoint() {
        if (endpoint == null) {
            endpoint = start();
        }
        return endpoint;
    }

    /** A new client for the local server; the caller closes it. Interceptors see every call (e.g. to record). */
    public static DynamoDbClient client(ExecutionInterceptor... interceptors) {
        return DynamoDbClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")))
                .httpClient(UrlConnectionHttpClient.builder().build())
                .overrideConfiguration(o -> o.executionInterceptors(List.of(interceptors)))
                .build();
    }

    /** Creates a table no other test uses, with the product's layout, and returns its name. */
    public static String freshTable(DynamoDbClient client, String hint) {
        String name = hint.replaceAll("[^A-Za-z0-9_.-]", "").toLowerCase(Locale.ROOT) + "-"
                + TABLES.incrementAndGet() + "-" + Long.toHexString(System.nanoTime());
        TableBootstrap.ensureTable(client, name);
        return name;
    }

    private static URI start() {
        Exception last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            int port = freeLoopbackPort();
            try {
                // "-port 0" is refused, so a port is picked first; another process may take it meanwhile: retry.
                DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(new String[]{
                        "-inMemory", "-port", String.valueOf(port), "-disableTelemetry"});
                server.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(server), "dynamodb-local-stop"));
                LOG.log(System.Logger.Level.INFO, "event=dynamodb_local_started port={0}", String.valueOf(port));
                return URI.create("http://127.0.0.1:" + port);
            } catch (Exception e) {
                last = e;
            }
        }
        throw new IllegalStateException("DynamoDB Local did not start after " + START_ATTEMPTS + " attempts", last);
    }

    private static void stop(DynamoDBProxyServer server) {
        try {
            server.stop();
        } catch (Exception e) {
            // The JVM is exiting; nothing useful to do with it.
        }
    }

    private static int freeLoopbackPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port", e);
        }
    }
}
