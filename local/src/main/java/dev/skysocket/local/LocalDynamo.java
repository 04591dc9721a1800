package dev.skysocket.local;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * DynamoDB Local, in memory and in this process, reached over HTTP on loopback by the real SDK client, so local
 * mode exercises the same requests as AWS.
 */
public final class LocalDynamo implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(LocalDynamo.class.getName());

    static {
        // DynamoDB Local logs through Log4j, which starts on its first record; when that record comes while the
        // JVM stops, Log4j prints a plain-text warning about its shutdown hook that breaks JSON logs. The local
        // stack closes DynamoDB Local itself, so the hook is not needed.
        System.getProperties().putIfAbsent("log4j2.shutdownHookEnabled", "false");
    }
    private final DynamoDBProxyServer server;
    private final URI endpoint;
    private final DynamoDbClient client;

    private LocalDynamo(DynamoDBProxyServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
        this.client = DynamoDbClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** Starts on {@code port}; 0 picks a free one (DynamoDB Local itself does not accept 0). */
    public static LocalDynamo start(int port) {
        int chosen = port == 0 ? freePort() : port;
        try {
            DynamoDBProxyServer server = quietly(() -> ServerRunner.createServerFromCommandLineArgs(
                    new String[] {"-inMemory", "-port", String.valueOf(chosen), "-disableTelemetry"}));
            loopbackOnly(server);
            server.start();
            return new LocalDynamo(server, URI.create("http://127.0.0.1:" + chosen));
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on port " + chosen
                    + " (set skysocket.dynamodb-port to a free port, or 0)", e);
        }
    }

    /**
     * DynamoDB Local's Jetty listens on every interface, and the database answers anyone without checking a
     * signature; the local stack's other listeners are on loopback, so this one is too. DynamoDB Local has no option
     * for the host, hence the reach into its (pinned) server before it starts; a version without that field fails here,
     * loudly, rather than listening on the network.
     */
    private static void loopbackOnly(DynamoDBProxyServer proxy) {
        try {
            Field field = DynamoDBProxyServer.class.getDeclaredField("server");
            field.setAccessible(true);
            for (Connector connector : ((Server) field.get(proxy)).getConnectors()) {
                ((ServerConnector) connector).setHost(InetAddress.getLoopbackAddress().getHostAddress());
            }
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("cannot keep DynamoDB Local on loopback", e);
        }
    }

    /**
     * DynamoDB Local prints its configuration on standard output while it parses its arguments; that text would
     * break one-record-per-line logs (and JSON ones), so it becomes one debug record instead.
     */
    private static <T> T quietly(Callable<T> action) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        synchronized (LocalDynamo.class) {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                return action.call();
            } finally {
                System.setOut(original);
                LOG.log(Level.DEBUG, "event=dynamodb_local_config {0}",
                        captured.toString(StandardCharsets.UTF_8).strip().replaceAll("\\s+", " "));
            }
        }
    }

    public URI endpoint() {
        return endpoint;
    }

    public DynamoDbClient client() {
        return client;
    }

    @Override
    public void close() {
        client.close();
        try {
            server.stop();
        } catch (Exception e) {
            // stopping an in-memory database loses nothing
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free loopback port", e);
        }
    }
}
