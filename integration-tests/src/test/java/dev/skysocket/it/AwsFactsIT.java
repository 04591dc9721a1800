package dev.skysocket.it;

import static dev.skysocket.it.WireClient.BINARY;
import static dev.skysocket.it.WireClient.TEXT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The facts of AWS-FACTS that AWS does not document, or that the design only infers, each as a scenario: against
 * the stage named by {@code -Dskysocket.it.wss-url}, else against the local stack, whose emulator claims to behave
 * so (then the scenario shows that claim). Each records fact, expected, observed and verdict ({@link FactLog},
 * {@code target/aws-facts.txt}). Scenarios that take over ten minutes on a stage need
 * {@code -Dskysocket.it.long=true}; timer facts run locally with the emulator's timers shortened
 * ({@link AwsTimerFacts}); facts that need an operator action or extra settings skip saying which.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class AwsFactsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int KB = 1024;
    private static TestStack.Target target;

    @BeforeAll
    static void startTheTarget() {
        target = TestStack.target();
        FactLog.start((target.isLocal() ? "the local stack's emulator " : "the stage ") + target.websocketUrl()
                + target.path());
    }

    @AfterAll
    static void stopIt() {
        AwsTimerFacts.close();
        if (target != null) {
            target.close();
        }
    }

    @Test
    void aPostOfUtf8DataArrivesAsATextFrame() throws IOException {
        String fact = "PostToConnection of UTF-8 data arrives as a text frame";
        try (WireClient client = connect()) {
            WireClient.Message[] handshake = client.handshake();
            FactLog.check(fact, "text frames (the open packet and CONNECT reply are posts; clients parse text)",
                    "open packet: " + describe(handshake[0]) + "; CONNECT reply: " + describe(handshake[1]),
                    handshake[0].opcode() == TEXT && handshake[1].opcode() == TEXT);
        }
    }

    @Test
    void aPostOfBytesThatAreNotUtf8ArrivesAsABinaryFrame() throws IOException {
        String fact = "PostToConnection of bytes that are not UTF-8 arrives as a binary frame";
        try (ManagementProbe probe = ManagementProbe.require(target, fact); WireClient client = connect()) {
            String id = sid(client.handshake()[0]);
            byte[] data = {(byte) 0xC3, 0x28, (byte) 0xFF, 0x00, 0x62};
            ManagementProbe.Answer answer = probe.post(id, data);
            String observed = "post answered " + answer;
            boolean holds = false;
            if (answer.ok()) {
                WireClient.Message message = client.readData();
                boolean intact = Arrays.equals(message.payload(), data);
                observed += "; arrived as " + describe(message) + (intact ? ", bytes intact" : ", bytes changed");
                holds = message.opcode() == BINARY && intact;
            }
            FactLog.check(fact, "200, then one binary message with the same 5 bytes (the emulator does so)",
                    observed, holds);
        }
    }

    @Test
    void aPostOver32KbArrivesWholeAndOneOver128KbIsRefusedWith413() throws IOException {
        String fact = "a PostToConnection over 32 KB arrives as one message; over 128 KB it is refused with 413";
        try (ManagementProbe probe = ManagementProbe.require(target, fact); WireClient client = connect()) {
            String id = sid(client.handshake()[0]);
            byte[] big = "p".repeat(40 * KB).getBytes(StandardCharsets.UTF_8);
            ManagementProbe.Answer first = probe.post(id, big);
            String observed = "40 KB post: " + first;
            boolean whole = false;
            if (first.ok()) {
                WireClient.Message message = client.readData();
                whole = Arrays.equals(message.payload(), big);
                observed += ", arrived as " + describe(message) + (whole ? ", intact" : ", not intact");
            }
            ManagementProbe.Answer tooBig = probe.post(id, "q".repeat(129 * KB).getBytes(StandardCharsets.UTF_8));
            observed += "; 129 KB post: " + tooBig;
            FactLog.check(fact, "40 KB: 200 and one whole text message; 129 KB: 413 PayloadTooLargeException",
                    observed, whole && tooBig.status() == 413);
        }
    }

    @Test
    void aPostToAConnectionTheClientClosedAnswers410GoneException() throws IOException {
        String fact = "PostToConnection to a connection its client closed answers 410 GoneException";
        try (ManagementProbe probe = ManagementProbe.require(target, fact)) {
            String id;
            Integer closeReply;
            try (WireClient client = connect()) {
                id = sid(client.handshake()[0]);
                closeReply = client.closeNormally();
            }
            AtomicReference<ManagementProbe.Answer> answer = new AtomicReference<>();
            try {
                // AWS may take a moment to forget the connection: the fan-out's cleanup relies on the 410 coming.
                Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(250))
                        .until(() -> {
                            answer.set(probe.post(id, "after the close".getBytes(StandardCharsets.UTF_8)));
                            return !answer.get().ok();
                        });
            } catch (ConditionTimeoutException stillDelivered) {
                // recorded below: the last answer was still a 200
            }
            FactLog.check(fact, "410 GoneException (x-amzn-ErrorType) within 10 s of the close",
                    "client's Close answered with " + closeReply + "; post answered " + answer.get(),
                    answer.get().status() == 410 && "GoneException".equals(answer.get().errorType()));
        }
    }

    @Test
    void aClientFrameOver32KbClosesWith1009AndOneUnderItIsAccepted() throws IOException {
        String fact = "a client frame over 32 KB closes the connection with 1009; a 31 KB frame is accepted";
        try (WireClient client = connect()) {
            client.handshake();
            client.sendText(echo(1, 31 * KB));
            String under = outcome(client, "431[");
            client.sendExpectingClose(() -> client.sendText(echo(2, 33 * KB)));
            Integer code = client.awaitClose(RawClient.WAIT);
            FactLog.check(fact, "31 KB frame: answered; 33 KB frame: closed with 1009",
                    "31 KB frame: " + under + "; 33 KB frame: " + closed(code),
                    under.equals("answered") && code != null && code == 1009);
        }
    }

    @Test
    void aClientMessageOver128KbClosesWith1009EvenInFramesUnder32Kb() throws IOException {
        String fact = "a client message over 128 KB closes with 1009 even in frames under 32 KB; 100 KB passes";
        String under;
        try (WireClient client = connect()) {
            client.handshake();
            // 100 KB in 4 frames: API Gateway passes it on; the app may then refuse it as over its maxPayload.
            client.sendFragmented(echo(1, 100 * KB).getBytes(StandardCharsets.UTF_8), 4);
            client.sendText("422[\"echo\",\"after\"]");
            under = outcome(client, "432[");
        }
        Integer code;
        try (WireClient client = connect()) {
            client.handshake();
            client.sendExpectingClose(
                    () -> client.sendFragmented(echo(1, 129 * KB).getBytes(StandardCharsets.UTF_8), 5));
            code = client.awaitClose(RawClient.WAIT);
        }
        FactLog.check(fact, "100 KB in 4 frames: not closed with 1009; 129 KB in 5 frames: closed with 1009",
                "100 KB in 4 frames: " + under + "; 129 KB in 5 frames: " + closed(code),
                !under.contains("1009") && code != null && code == 1009);
    }

    @Test
    void aBinaryFrameFromAClientClosesWith1003() throws IOException {
        String fact = "a binary frame from a client closes the connection with 1003";
        try (WireClient client = connect()) {
            client.handshake();
            client.sendExpectingClose(() -> client.sendFrame(BINARY, true, new byte[] {4, 1, 2, 3}));
            Integer code = client.awaitClose(RawClient.WAIT);
            FactLog.check(fact, "closed with 1003", closed(code), code != null && code == 1003);
        }
    }

    @Test
    void aPostWhileConnectRunsAnswers410() throws Exception {
        String fact = "PostToConnection while $connect runs answers 410 GoneException";
        FactLog.skipUnless(target.isLocal(), fact, "not observable from outside a stage: only code inside its"
                + " $connect knows the connection id before the 101 (the open packet arriving after the upgrade is"
                + " checked by the text-frame fact)");
        ConnectPostProbe.Result result = ConnectPostProbe.run();
        FactLog.check(fact, "410 GoneException during $connect; 200 once the 101 is sent", result.toString(),
                result.duringConnect().status() == 410 && result.afterUpgrade().ok()
                        && result.received().equals("after the 101"));
    }

    @Test
    void defaultInvocationsForOneConnectionComeInNoPromisedOrder() {
        String fact = "$default invocations for one connection have no promised order";
        JsonNode seen = NodeScenario.of("aws-order.mjs", target.websocketUrl(), target.path())
                .timeout(Duration.ofSeconds(90)).run().succeeded();
        int count = seen.path("count").asInt();
        assertThat(seen.path("arrived")).as("every emit is answered, whatever the order").hasSize(count);
        FactLog.observe(fact, "any order (nothing may rely on one)", seen.path("inOrder").asBoolean()
                ? count + " acked emits sent back to back were answered in send order"
                : seen.path("displaced").asInt() + " of " + count + " answered out of send order: "
                        + seen.path("arrived"));
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void aConnectionWithoutClientFramesIsClosedWith1001AtTheIdleTimeout() throws IOException {
        AwsTimerFacts.idleClose(target);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.MINUTES)
    void aServerPingAnsweredWithAPongKeepsAConnectionPastTheIdleTimeout() throws IOException {
        AwsTimerFacts.heartbeatKeepsAlive(target);
    }

    @Test
    @Timeout(value = 150, unit = TimeUnit.MINUTES)
    void aConnectionEndsByItsTwoHourLifetime() throws IOException {
        AwsTimerFacts.lifetime(target);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.MINUTES)
    void anOpenConnectionSurvivesARedeployOfTheFunctionCode() throws Exception {
        AwsOperatorFacts.redeploy(target);
    }

    @Test
    void theConnectionsApiAtACustomDomainWithTheStageAnswers403() throws IOException {
        AwsOperatorFacts.customDomain(target);
    }

    private static WireClient connect() throws IOException {
        return WireClient.connect(target.websocketUrl(), target.path());
    }

    /** The connection id: the open packet's sid (DESIGN §3). */
    static String sid(WireClient.Message open) throws IOException {
        return JSON.readTree(open.text().substring(1)).path("sid").asText();
    }

    static String describe(WireClient.Message message) {
        return message.opcodeName() + ", " + message.frames() + (message.frames() == 1 ? " frame, " : " frames, ")
                + message.payload().length + " bytes";
    }

    static String closed(Integer code) {
        return code == null ? "still open after " + RawClient.WAIT.toSeconds() + " s"
                : code == WireClient.NO_CLOSE_FRAME ? "connection dropped without a close frame"
                : "closed with " + code;
    }

    /** {@code 42<ack>["echo","ppp..."]}, padded to {@code bytes} in all. */
    static String echo(int ack, int bytes) {
        String head = "42" + ack + "[\"echo\",\"";
        return head + "p".repeat(bytes - head.length() - 2) + "\"]";
    }

    /** "answered" when a message starting with {@code reply} comes, else how the connection ended. */
    static String outcome(WireClient client, String reply) throws IOException {
        try {
            while (true) {
                if (client.readData().text().startsWith(reply)) {
                    return "answered";
                }
            }
        } catch (WireClient.Closed closed) {
            return closed(closed.code);
        } catch (java.net.SocketTimeoutException silent) {
            return "no answer within " + RawClient.WAIT.toSeconds() + " s";
        }
    }
}
