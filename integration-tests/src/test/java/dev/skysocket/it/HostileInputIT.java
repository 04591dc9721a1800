package dev.skysocket.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skysocket.app.RecordingChatApp;
import dev.skysocket.local.LocalRunner;
import dev.skysocket.store.ConnectionStore;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * DESIGN §9 on the API Gateway path: one invalid frame ends that connection only, its items leave the store,
 * nothing malformed reaches app code, and a well-behaved client connected meanwhile keeps working, as do the
 * {@link Canaries} (stock clients on both paths). Each hostile input goes on its own bare WebSocket; the app is the
 * example app with every handler recorded. The fallback gateway's and HTTP-level cases are {@code HostileInputHttpIT}.
 */
@Timeout(120)
@DisabledIfSystemProperty(named = RemoteStack.WSS_URL, matches = ".+",
        disabledReason = "against a deployment: needs the emulator's close codes, the recording app and direct DynamoDB reads of the local stack")
class HostileInputIT {
    private static final Duration SERVER_SIDE = Duration.ofSeconds(15);
    private static final int AWS_UNSUPPORTED_DATA = 1003;
    private static final int AWS_MESSAGE_TOO_BIG = 1009;
    private static final String ECHO_NEEDING_ONE_ATTACHMENT = "451-[\"echo\",{\"_placeholder\":true,\"num\":0}]";

    private static final RecordingChatApp APP = new RecordingChatApp();
    private static final AtomicInteger ACK_IDS = new AtomicInteger();
    private static LocalRunner runner;
    private static RawClient wellBehaved;
    private static String wellBehavedSocket;
    private static Canaries canaries;

    @BeforeAll
    static void startStackAndAWellBehavedClient() {
        runner = TestStack.start(APP);
        wellBehaved = RawClient.connect(runner.websocketUrl(), TestStack.path(runner), true);
        wellBehavedSocket = wellBehaved.handshake("/");
        canaries = Canaries.connect(runner);
    }

    @AfterAll
    static void stop() {
        if (canaries != null) {
            canaries.close();
        }
        if (wellBehaved != null) {
            wellBehaved.close();
        }
        if (runner != null) {
            runner.close();
        }
    }

    /** A hostile input: whether the client joins "/" first, and what it then sends. */
    private record Hostile(String name, boolean connectFirst, Integer closeCode, Consumer<RawClient> attack) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> hostileInputs() {
        return Stream.of(
                text("an unknown Engine.IO packet type", "9"),
                text("an empty frame", ""),
                text("an Engine.IO message with no Socket.IO packet", "4"),
                text("an Engine.IO ping from a client", "2"),
                text("an Engine.IO upgrade on API Gateway", "5"),
                text("a Socket.IO packet that is only an opening brace", "4{"),
                text("an unknown Socket.IO packet type", "49[\"echo\"]"),
                text("an EVENT whose payload is an object", "42{\"a\":1}"),
                text("an EVENT with an empty array", "42[]"),
                text("an EVENT whose name is a number", "42[1]"),
                text("an EVENT whose name is an object", "42[{\"a\":1},\"x\"]"),
                text("an EVENT named connect", "42[\"connect\"]"),
                text("an EVENT named disconnecting", "42[\"disconnecting\",\"x\"]"),
                text("an EVENT named newListener", "42[\"newListener\",\"echo\"]"),
                text("an ack id that overflows", "4299999999999999999999[\"echo\",\"overflow\"]"),
                text("an ack id of 2^31, which no client produces", "422147483648[\"echo\",\"x\"]"),
                text("a DISCONNECT for a namespace never joined", "41/admin,"),
                text("an attachment count that overflows", "4599999999999999999999-[\"echo\"]"),
                text("JSON nested 10,000 deep", "42[\"echo\"," + "[".repeat(10_000) + "]".repeat(10_000) + "]"),
                text("a CONNECT_ERROR from a client", "44{\"message\":\"x\"}"),
                new Hostile("an EVENT before CONNECT", false, null, c -> c.send("42[\"echo\",\"before connect\"]")),
                new Hostile("a binary frame", true, AWS_UNSUPPORTED_DATA, c -> c.sendBinary(new byte[] {4, 1, 2, 3})),
                // The JDK client splits big messages into frames API Gateway accepts (32 KB each): a 33 KB message
                // reaches $default and the codec refuses it (maxPayload); one over 128 KB is closed with 1009.
                new Hostile("a 33 KB message in legal frames", true, null,
                        c -> c.send("42[\"echo\",\"" + "x".repeat(33 * 1024) + "\"]")),
                new Hostile("a message over 128 KB", true, AWS_MESSAGE_TOO_BIG,
                        c -> c.send("42[\"echo\",\"" + "x".repeat(129 * 1024) + "\"]")),
                // API Gateway may hand an attachment over before its header, or an event between them, so neither is
                // hostile by itself (ConcurrentMutationsTest); parts that pile up without their counterparts are.
                new Hostile("binary headers piling up without their attachments", true, null, c -> {
                    for (int i = 0; i <= 16; i++) {
                        c.send(ECHO_NEEDING_ONE_ATTACHMENT);
                    }
                }),
                new Hostile("attachments piling up without a binary packet", true, null, c -> {
                    for (int i = 0; i < 10; i++) {
                        c.send("b" + "QUFB".repeat(7_500));
                    }
                }),
                new Hostile("an attachment that is not base64", true, null, c -> {
                    c.send(ECHO_NEEDING_ONE_ATTACHMENT);
                    c.send("b!!!not*base64???");
                }),
                new Hostile("a placeholder past the attachments", true, null, c -> {
                    c.send("451-[\"echo\",{\"_placeholder\":true,\"num\":7}]");
                    c.send("bAQID");
                })
        ).map(Arguments::of);
    }

    private static Hostile text(String name, String frame) {
        return new Hostile(name, true, null, c -> c.send(frame));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileInputs")
    void aHostileFrameClosesOnlyItsOwnConnectionAndNeverReachesTheApp(Hostile hostile) throws Exception {
        String attackerConnection;
        try (RawClient attacker = RawClient.connect(runner.websocketUrl(), TestStack.path(runner), true)) {
            if (hostile.connectFirst()) {
                attacker.handshake("/");
            } else {
                attacker.awaitOpen();
            }
            attackerConnection = attacker.connectionId();
            hostile.attack().accept(attacker);

            int code = attacker.closed().get(RawClient.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (hostile.closeCode() != null) {
                assertThat(code).as("close code").isEqualTo(hostile.closeCode());
            }
        }
        await().atMost(SERVER_SIDE).untilAsserted(() -> assertThat(connections().find(attackerConnection))
                .as("the hostile connection's items").isEmpty());

        assertTheWellBehavedClientStillGetsItsAcks();
        java.util.Set<String> wellBehavedIds = new java.util.HashSet<>(canaries.socketIds());
        wellBehavedIds.add(wellBehavedSocket);
        assertThat(APP.received()).as("events that reached app code").isNotEmpty().allSatisfy(event -> {
            assertThat(event.socketId()).isIn(wellBehavedIds);
            assertThat(event.event()).isEqualTo("echo");
            assertThat(event.args()).startsWith("[\"" + Canaries.TEXT + "\"");
        });
    }

    @Test
    void aSingleFrameOver32KbIsClosedWith1009() throws Exception {
        String attackerConnection;
        try (WireClient attacker = WireClient.connect(runner.websocketUrl(), TestStack.path(runner))) {
            String open = attacker.readMessage().text();
            assertThat(open).startsWith("0{");
            attackerConnection = open.replaceFirst("^0\\{.*\"sid\":\"([^\"]+)\".*$", "$1");
            attacker.sendText("42[\"echo\",\"" + "x".repeat(32 * 1024) + "\"]");

            assertThat(attacker.awaitClose(RawClient.WAIT)).as("close code").isEqualTo(AWS_MESSAGE_TOO_BIG);
        }
        await().atMost(SERVER_SIDE).untilAsserted(() -> assertThat(connections().find(attackerConnection))
                .as("the oversized frame's connection").isEmpty());
        assertTheWellBehavedClientStillGetsItsAcks();
    }

    @Test
    void aWellBehavedClientGetsItsEchoAck() throws Exception {
        assertTheWellBehavedClientStillGetsItsAcks();
        assertThat(connections().find(wellBehaved.connectionId())).isPresent();
    }

    private static void assertTheWellBehavedClientStillGetsItsAcks() throws Exception {
        canaries.assertAllEcho();
        assertThat(wellBehaved.isClosed()).as("the well-behaved client's transport (closed with %s after %s)",
                wellBehaved.closed().getNow(null), wellBehaved.received()).isFalse();
        int id = ACK_IDS.incrementAndGet();
        wellBehaved.send("42" + id + "[\"echo\",\"still here\"," + id + "]");
        String answer = wellBehaved.awaitText(text -> text.startsWith("43" + id + "["));
        assertThat(answer).isEqualTo("43" + id + "[\"still here\"," + id + "]");
    }

    private static ConnectionStore connections() {
        return runner.runtime().context().connections();
    }
}
