package dev.skysocket.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skysocket.app.ChatApp;
import dev.skysocket.config.Settings;
import dev.skysocket.fanout.ManagementApiClients;
import dev.skysocket.gateway.fallback.FallbackGateway;
import dev.skysocket.server.DeclaredServer;
import dev.skysocket.store.ConnectionRecord;
import dev.skysocket.testing.DynamoDbLocalServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The stock socket.io-client on two gateway nodes sharing one table (DESIGN §7), through a load balancer: without
 * stickiness a request may reach the node not owning its session, which forwards it; with cookie stickiness every
 * request of a session reaches its owner and nothing is forwarded.
 */
@Timeout(180)
@DisabledIfSystemProperty(named = RemoteStack.WSS_URL, matches = ".+",
        disabledReason = "against a deployment: runs its own gateway nodes and test proxies on loopback")
class StockClientForwardingIT {
    private static ManagementApiClients clients;
    private static DynamoDbClient dynamo;
    private static List<FallbackGateway> nodes;

    @BeforeAll
    static void startTwoNodes() {
        clients = new ManagementApiClients(Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")), 16,
                Duration.ofSeconds(10));
        dynamo = DynamoDbLocalServer.client();
        Settings settings = Settings.of(Map.of(
                "skysocket.table", DynamoDbLocalServer.freshTable(dynamo, "forwarding"),
                "skysocket.gateway-port", "0",
                "skysocket.gateway-management-port", "0"));
        nodes = List.of(
                FallbackGateway.start(settings, DeclaredServer.configuredBy(new ChatApp()), dynamo, clients),
                FallbackGateway.start(settings, DeclaredServer.configuredBy(new ChatApp()), dynamo, clients));
    }

    @AfterAll
    static void stop() {
        if (nodes != null) {
            nodes.forEach(FallbackGateway::close);
        }
        if (dynamo != null) {
            dynamo.close();
        }
        if (clients != null) {
            clients.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"default", "websocket"})
    void clientsOnDifferentNodesBehindARoundRobinBalancerAckJoinAndHearEachOther(String setup) throws Exception {
        long forwardedBefore = forwarded();
        try (AlbProxy balancer = AlbProxy.roundRobin(List.of(nodes.get(0).port(), nodes.get(1).port()))) {
            await().atMost(Duration.ofSeconds(10)).until(balancer::allHealthy);
            JsonNode seen = converse(balancer, setup, true);

            assertThat(seen.path("transports").path("a").asText()).isEqualTo("websocket");
            assertThat(seen.path("heard").path("a")).as("a hears b").hasSize(1);
            assertThat(seen.path("heard").path("a").get(0).asText()).isEqualTo("from b");
            assertThat(seen.path("heard").path("b")).as("b hears a").hasSize(1);
            assertThat(seen.path("heard").path("b").get(0).asText()).isEqualTo("from a");
            long forwarded = forwarded() - forwardedBefore;
            System.out.printf("round-robin, %s: node 0 %d requests, node 1 %d, forwarded %d%n", setup,
                    balancer.served(0), balancer.served(1), forwarded);
            if (setup.equals("default")) {
                assertThat(forwarded).as("polls and the upgrade that reached the wrong node").isPositive();
            }
        }
    }

    @Test
    void behindCookieStickinessEveryRequestOfASessionReachesTheNodeOwningIt() throws Exception {
        long forwardedBefore = forwarded();
        try (AlbProxy balancer = AlbProxy.sticky(List.of(nodes.get(0).port(), nodes.get(1).port()),
                "skysocket-node")) {
            await().atMost(Duration.ofSeconds(10)).until(balancer::allHealthy);
            JsonNode seen = converse(balancer, "default", true);

            for (String who : List.of("a", "b")) {
                String sid = seen.path("sids").path(who).asText();
                Map<Integer, Long> served = balancer.servedBySid(sid);
                System.out.printf("sticky: session %s (%s) requests per node %s%n", who, sid, served);
                assertThat(served).as("requests of session " + who + " per node").hasSize(1);
            }
            assertThat(seen.path("heard").path("b")).hasSize(1);
            assertThat(forwarded() - forwardedBefore).as("requests forwarded between nodes").isZero();
        }
    }

    /**
     * Clients without {@code withCredentials} keep no cookies under Node: behind an ALB with stickiness on, their
     * requests still spread over the nodes (no sticky cookie comes back), and the sessions live on through
     * forwarding without their secret cookie.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"default", "polling"})
    void clientsThatKeepNoCookiesLoseStickinessButAckJoinAndHearEachOtherThroughForwarding(String setup)
            throws Exception {
        long forwardedBefore = forwarded();
        try (AlbProxy balancer = AlbProxy.sticky(List.of(nodes.get(0).port(), nodes.get(1).port()),
                "skysocket-node")) {
            await().atMost(Duration.ofSeconds(10)).until(balancer::allHealthy);
            JsonNode seen = converse(balancer, setup, true, false);

            String transport = setup.equals("default") ? "websocket" : "polling";
            assertThat(seen.path("transports").path("a").asText()).isEqualTo(transport);
            assertThat(seen.path("transports").path("b").asText()).isEqualTo(transport);
            assertThat(seen.path("heard").path("a")).as("a hears b").hasSize(1);
            assertThat(seen.path("heard").path("a").get(0).asText()).isEqualTo("from b");
            assertThat(seen.path("heard").path("b")).as("b hears a").hasSize(1);
            assertThat(seen.path("heard").path("b").get(0).asText()).isEqualTo("from a");
            long forwarded = forwarded() - forwardedBefore;
            System.out.printf("no cookies, %s: node 0 %d requests, node 1 %d, forwarded %d%n", setup,
                    balancer.served(0), balancer.served(1), forwarded);
            assertThat(forwarded).as("requests that lost stickiness and reached the other node").isPositive();
        }
    }

    private static JsonNode converse(AlbProxy balancer, String setup, boolean apart) {
        return converse(balancer, setup, apart, true);
    }

    /**
     * Runs forwarded.mjs, its clients with a cookie jar or none; at its checkpoint, with {@code apart}, the two
     * sessions must be owned by different nodes.
     */
    private static JsonNode converse(AlbProxy balancer, String setup, boolean apart, boolean keepCookies) {
        try (NodeScenario.Running running = NodeScenario.of("forwarded.mjs", balancer.url()).clientSetup(setup)
                .withEnv("SKYSOCKET_COOKIES", keepCookies ? "jar" : "none")
                .timeout(Duration.ofSeconds(120)).start()) {
            JsonNode ids = running.awaitCheckpoint("connected");
            int ownerA = owner(ids.path("a").asText());
            int ownerB = owner(ids.path("b").asText());
            if (apart) {
                assertThat(ownerA).as("a and b on different nodes").isNotEqualTo(ownerB);
            }
            for (String who : List.of("a", "b")) {
                Map<Integer, Long> served = balancer.servedBySid(ids.path(who).asText());
                System.out.printf("%s: session %s owned by node %d, requests per node %s%n", setup, who,
                        who.equals("a") ? ownerA : ownerB, served);
            }
            running.resume();
            return running.await().succeeded();
        }
    }

    /** The node whose private API the session's item names. */
    private static int owner(String sid) {
        ConnectionRecord item = nodes.get(0).node().context().connections().find(sid).orElseThrow(
                () -> new AssertionError("no item for session " + sid));
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).managementUrl().equals(item.endpoint())) {
                return i;
            }
        }
        throw new AssertionError("session " + sid + " owned by no node: " + item.endpoint());
    }

    private static long forwarded() {
        return nodes.stream().mapToLong(FallbackGateway::forwardedRequests).sum();
    }
}
