package dev.skysocket.gateway.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.gateway.http.RawHttp;
import dev.skysocket.gateway.fallback.FallbackGateway;
import dev.skysocket.gateway.http.management.PrivateManagementApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The private listener refuses malformed requests with 400 at once and cuts off unfinished headers. */
class ManagementListenerGuardsTest {
    private PrivateManagementApi api;
    private int port;

    @BeforeEach
    void start() {
        api = new PrivateManagementApi(FallbackGateway.listenerSettings(
                new NodeSettings("127.0.0.1", 0, "", null, 1024).withHeaderTimeoutMs(300)));
        port = api.start(new SessionTargets(new SessionDirectory()));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void aBrokenPercentEscapeIsAnswered400() throws Exception {
        assertThat(RawHttp.statusOf(port, "GET /@connections/abc?x=%zz HTTP/1.1\r\nHost: x\r\n"
                + "Authorization: AWS4-HMAC-SHA256 Credential=x")).startsWith("HTTP/1.1 400");
        assertThat(RawHttp.statusOf(port, "GET /engine/socket.io/?EIO=4&sid=%g HTTP/1.1\r\nHost: x"))
                .startsWith("HTTP/1.1 400");
    }

    @Test
    void anUpgradeWithAnInvalidKeyIsAnswered400() throws Exception {
        for (String key : RawHttp.invalidKeys()) {
            assertThat(RawHttp.statusOf(port, RawHttp.upgrade("/engine/socket.io/?EIO=4&transport=websocket&sid=a",
                    port, key))).startsWith("HTTP/1.1 400");
        }
    }

    @Test
    void aWellFormedRequestIsStillServed() throws Exception {
        assertThat(RawHttp.statusOf(port, "GET /@connections/abc%2B HTTP/1.1\r\nHost: x\r\n"
                + "Authorization: AWS4-HMAC-SHA256 Credential=x")).startsWith("HTTP/1.1 410");
    }

    @Test
    void headersNeverFinishedAreCutOff() throws Exception {
        assertThat(RawHttp.unfinishedHeadersAreCutOff(port)).isTrue();
    }

    @Test
    void headersNeverFinishedAreAnswered408WithConnectionClose() throws Exception {
        for (String answer : new String[] {RawHttp.answerToUnfinishedHeaders(port),
                RawHttp.answerToUnfinishedSecondHeaders(port, "/elsewhere")}) {
            assertThat(answer).startsWith("HTTP/1.1 408 Request Timeout\r\n");
            assertThat(answer.toLowerCase(java.util.Locale.ROOT)).contains("\r\nconnection: close\r\n");
        }
    }

    @Test
    void unfinishedHeadersSentWithTheRequestBeforeThemAreAnswered408() throws Exception {
        String answer = RawHttp.answerToPipelinedUnfinishedHeaders(port, "/elsewhere");

        assertThat(answer).startsWith("HTTP/1.1 403") // unsigned
                .endsWith("HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    }

    @Test
    void aSecondRequestsHeadersNeverFinishedOnAKeptAliveConnectionAreCutOff() throws Exception {
        assertThat(RawHttp.unfinishedSecondHeadersAreCutOff(port, "/elsewhere")).isTrue();
    }
}
