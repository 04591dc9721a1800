package dev.skysocket.gateway.fallback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.config.Settings;
import dev.skysocket.fanout.ManagementApiClients;
import dev.skysocket.server.DeclaredServer;
import dev.skysocket.testing.DynamoDbLocalServer;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Two gateway nodes on one table behind a test load balancer (DESIGN §7): without stickiness, polls that land
 * on the node not owning the session are forwarded to its owner and the session lives on; with cookie
 * stickiness nothing is forwarded.
 */
class LostAffinityTest {
    private static final ManagementApiClients CLIENTS = new ManagementApiClients(Region.US_EAST_1,
            StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")), 16, Duration.ofSeconds(5));
    private static final int ECHOES = 6;

    private static DynamoDbClient dynamo;
    private static FallbackGateway a;
    private static FallbackGateway b;

    @BeforeAll
    static void startTwoNodes() {
        dynamo = DynamoDbLocalServer.client();
        Settings settings = Settings.of(Map.of(
                "skysocket.table", DynamoDbLocalServer.freshTable(dynamo, "affinity"),
                "skysocket.gateway-port", "0",
                "skysocket.gateway-management-port", "0"));
        a = FallbackGateway.start(settings, echoServer(), dynamo, CLIENTS);
        b = FallbackGateway.start(settings, echoServer(), dynamo, CLIENTS);
    }

    @AfterAll
    static void stop() {
        b.close();
        a.close();
        dynamo.close();
    }

    private static DeclaredServer echoServer() {
        return DeclaredServer.configuredBy(io -> io.of("/").on("echo", (socket, args, ack) -> ack.send(args.get(0))));
    }

    @Test
    void aClientPollingThroughARoundRobinBalancerKeepsItsSessionBecauseWrongNodesForwardToTheOwner()
            throws Exception {
        long forwardedBefore = a.forwardedRequests() + b.forwardedRequests();
        try (TestProxy proxy = new TestProxy(List.of(a.port(), b.port()), null)) {
            converse(proxy);
            long forwarded = a.forwardedRequests() + b.forwardedRequests() - forwardedBefore;
            System.out.printf("round-robin: node A %d, node B %d, forwarded %d (served forwarded A %d, B %d)%n",
                    proxy.served(0), proxy.served(1), forwarded, a.servedForwardedRequests(),
                    b.servedForwardedRequests());
            assertThat(proxy.served(0)).isPositive();
            assertThat(proxy.served(1)).isPositive();
            assertThat(forwarded).isPositive();
        }
    }

    @Test
    void aClientBehindCookieStickinessStaysOnOneNodeAndNothingIsForwarded() throws Exception {
        long forwardedBefore = a.forwardedRequests() + b.forwardedRequests();
        try (TestProxy proxy = new TestProxy(List.of(a.port(), b.port()), "skysocket-node")) {
            converse(proxy);
            long forwarded = a.forwardedRequests() + b.forwardedRequests() - forwardedBefore;
            System.out.printf("sticky: node A %d, node B %d, forwarded %d%n", proxy.served(0), proxy.served(1),
                    forwarded);
            assertThat(List.of(proxy.served(0), proxy.served(1))).containsAnyOf(0L).doesNotHaveDuplicates();
            assertThat(forwarded).isZero();
        }
    }

    @Test
    void aClientThatKeepsNoCookiesLosesStickinessButKeepsItsSessionThroughForwarding() throws Exception {
        long forwardedBefore = a.forwardedRequests() + b.forwardedRequests();
        try (TestProxy proxy = new TestProxy(List.of(a.port(), b.port()), "skysocket-node")) {
            converse(proxy, false);
            long forwarded = a.forwardedRequests() + b.forwardedRequests() - forwardedBefore;
            System.out.printf("cookieless: node A %d, node B %d, forwarded %d%n", proxy.served(0), proxy.served(1),
                    forwarded);
            assertThat(forwarded).isPositive();
        }
    }

    @Test
    void aLiveSidPresentedAtTheWrongNodeWithoutItsSecretIsRefusedByTheOwnerOnceTheClientShowedIt()
            throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .build();
        String polling = "http://127.0.0.1:" + a.port() + "/socket.io/?EIO=4&transport=polling";
        String sid = get(client, polling).replaceAll(".*\"sid\":\"([^\"]+)\".*", "$1");
        post(client, polling + "&sid=" + sid, "40"); // the client keeps cookies: its session locks to its own
        long before = b.forwardedRequests();
        HttpResponse<String> stranger = plain(b, "&sid=" + sid, null);
        assertThat(stranger.statusCode()).isEqualTo(400);
        assertThat(stranger.body()).contains("\"code\":1");
        assertThat(b.forwardedRequests() - before).isEqualTo(1);
    }

    @Test
    void aRequestAlreadyForwardedOnceIsNeverForwardedAgain() throws Exception {
        String sid = handshakeDirectlyOn(a);
        long before = b.forwardedRequests();
        HttpResponse<String> looped = plain(b, "&sid=" + sid, "1");
        assertThat(looped.statusCode()).isEqualTo(400);
        assertThat(looped.body()).contains("\"code\":1");
        assertThat(b.forwardedRequests()).isEqualTo(before);
    }

    @Test
    void aSidNoNodeOwnsStillAnswersSessionIdUnknownWithoutForwarding() throws Exception {
        long before = b.forwardedRequests();
        HttpResponse<String> unknown = plain(b, "&sid=AAAAAAAAAAAAAAAAAAAA", null);
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"code\":1");
        assertThat(b.forwardedRequests()).isEqualTo(before);
    }

    @Test
    void aWebsocketUpgradeAtTheWrongNodeIsTunnelledToTheOwnerAndCarriesTheSession() throws Exception {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).version(HttpClient.Version.HTTP_1_1)
                .build();
        String polling = "http://127.0.0.1:" + a.port() + "/socket.io/?EIO=4&transport=polling";
        String open = get(http, polling);
        String sid = open.replaceAll(".*\"sid\":\"([^\"]+)\".*", "$1");
        post(http, polling + "&sid=" + sid, "40");
        assertThat(get(http, polling + "&sid=" + sid)).startsWith("40{");
        long before = b.forwardedRequests();

        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + b.port()
                + "/socket.io/?EIO=4&transport=websocket&sid=" + sid), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        received.add(data.toString());
                        webSocket.request(1);
                        return null;
                    }
                }).get(30, TimeUnit.SECONDS);
        socket.sendText("2probe", true).get(10, TimeUnit.SECONDS);
        assertThat(received.poll(10, TimeUnit.SECONDS)).isEqualTo("3probe");
        socket.sendText("5", true).get(10, TimeUnit.SECONDS);
        socket.sendText("427[\"echo\",\"over the tunnel\"]", true).get(10, TimeUnit.SECONDS);
        String answer = received.poll(10, TimeUnit.SECONDS);
        while ("2".equals(answer)) {
            socket.sendText("3", true);
            answer = received.poll(10, TimeUnit.SECONDS);
        }
        assertThat(answer).isEqualTo("437[\"over the tunnel\"]");
        assertThat(b.forwardedRequests() - before).isEqualTo(1);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "").get(10, TimeUnit.SECONDS);
    }

    private static String handshakeDirectlyOn(FallbackGateway node) throws Exception {
        HttpResponse<String> open = plain(node, "", null);
        assertThat(open.body()).startsWith("0{");
        return open.body().replaceAll(".*\"sid\":\"([^\"]+)\".*", "$1");
    }

    /** A GET without cookies; {@code forwardedMarker} non-null adds the header a forwarding node sets. */
    private static HttpResponse<String> plain(FallbackGateway node, String extraQuery, String forwardedMarker)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.port()
                + "/socket.io/?EIO=4&transport=polling" + extraQuery)).timeout(Duration.ofSeconds(30)).GET();
        if (forwardedMarker != null) {
            request.header("X-Skysocket-Forwarded", forwardedMarker);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void converse(TestProxy proxy) throws Exception {
        converse(proxy, true);
    }

    /**
     * Raw Engine.IO v4 polling, as socket.io-client does it: handshake, connect, echoes with acks. Without
     * {@code keepsCookies}, as socket.io-client under Node without {@code withCredentials}: no session cookie
     * and no sticky cookie, so the balancer spreads its requests.
     */
    private static void converse(TestProxy proxy, boolean keepsCookies) throws Exception {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .version(HttpClient.Version.HTTP_1_1);
        if (keepsCookies) {
            builder.cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL));
        }
        HttpClient http = builder.build();
        String base = proxy.base() + "/socket.io/?EIO=4&transport=polling";
        String open = get(http, base);
        assertThat(open).startsWith("0{");
        String sid = open.replaceAll(".*\"sid\":\"([^\"]+)\".*", "$1");
        String session = base + "&sid=" + sid;
        post(http, session, "40");
        assertThat(get(http, session)).startsWith("40{");
        for (int i = 0; i < ECHOES; i++) {
            post(http, session, "42" + i + "[\"echo\",\"hello " + i + "\"]");
            String answer = get(http, session);
            while (answer.equals("2")) {  // a ping answered the held poll first: pong, poll again
                post(http, session, "3");
                answer = get(http, session);
            }
            assertThat(answer).isEqualTo("43" + i + "[\"hello " + i + "\"]");
        }
    }

    private static String get(HttpClient http, String uri) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri))
                .timeout(Duration.ofSeconds(60)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", uri, response.body()).isEqualTo(200);
        return response.body();
    }

    private static void post(HttpClient http, String uri, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri))
                        .timeout(Duration.ofSeconds(60)).header("Content-Type", "text/plain;charset=UTF-8")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("POST %s: %s", uri, response.body()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ok");
    }
}
