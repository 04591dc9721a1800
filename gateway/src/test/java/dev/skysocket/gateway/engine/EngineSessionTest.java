package dev.skysocket.gateway.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.protocol.engineio.EnginePacket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The session state machine in memory: no sockets, responders and channels that record. */
class EngineSessionTest {
    private static final Map<String, String> POLLING = Map.of("EIO", "4", "transport", "polling");

    private final RecordingListener listener = new RecordingListener();
    private EngineServer engine = new EngineServer(EngineOptions.of(config(60_000, 60_000)), listener);

    @AfterEach
    void stop() {
        engine.close();
    }

    static SkysocketConfig config(long pingInterval, long pingTimeout) {
        SkysocketConfig d = SkysocketConfig.defaults();
        return new SkysocketConfig(pingInterval, pingTimeout, d.maxPayload(), Math.min(pingInterval, d.sweepPeriodMs()),
                d.maxConnectionAgeMs(), d.tableName(), d.allowedOrigins(), d.defaultTenant(), d.fanoutConcurrency(),
                d.roomShards(), d.codecLimits());
    }

    private EngineSession open() {
        return engine.open(new HandshakeRequest(Map.of(), POLLING, "127.0.0.1", 0), "polling").join();
    }

    @Test
    void handshakeRefusesOtherProtocolVersionsUnknownTransportsAndPostHandshakes() {
        assertThat(engine.verify("GET", Map.of("EIO", "3", "transport", "polling"), null))
                .isEqualTo(EngineError.UNSUPPORTED_PROTOCOL_VERSION);
        assertThat(engine.verify("GET", Map.of("EIO", "4", "transport", "__proto__"), null))
                .isEqualTo(EngineError.TRANSPORT_UNKNOWN);
        assertThat(engine.verify("GET", Map.of("EIO", "4", "transport", "constructor"), null))
                .isEqualTo(EngineError.TRANSPORT_UNKNOWN);
        assertThat(engine.verify("POST", POLLING, null)).isEqualTo(EngineError.BAD_HANDSHAKE_METHOD);
        assertThat(engine.verify("GET", POLLING, null)).isNull();
    }

    @Test
    void theOpenPacketComesFirstAndAdvertisesTheWebsocketUpgrade() {
        EngineSession session = open();
        assertThat(session.sid()).matches("[A-Za-z0-9_-]{20}");
        assertThat(engine.handshakePayload(session)).isEqualTo("0{\"sid\":\"" + session.sid()
                + "\",\"upgrades\":[\"websocket\"],\"pingInterval\":60000,\"pingTimeout\":60000,\"maxPayload\":32768}");
    }

    @Test
    void aLiveSidWithAWrongSecretLooksUnknownEvenBeforeTheClientShowedItsOwn() {
        EngineSession session = open();
        Map<String, String> query = Map.of("EIO", "4", "transport", "polling", "sid", session.sid());
        assertThat(engine.verify("GET", query, "wrong")).isEqualTo(EngineError.SESSION_ID_UNKNOWN);
        assertThat(engine.secretLocked(session)).isFalse();
    }

    @Test
    void aClientThatKeepsNoCookiesIsServedWithoutTheSecret() {
        EngineSession session = open();
        Map<String, String> query = Map.of("EIO", "4", "transport", "polling", "sid", session.sid());
        assertThat(engine.verify("GET", query, null)).isNull();
        assertThat(engine.verify("POST", query, null)).isNull();
        assertThat(engine.verify("GET", Map.of("EIO", "4", "transport", "websocket", "sid", session.sid()), null))
                .isNull();
        assertThat(engine.secretLocked(session)).isFalse();
    }

    @Test
    void onceTheClientPresentedItsSecretALiveSidWithoutItLooksUnknown() {
        EngineSession session = open();
        Map<String, String> query = Map.of("EIO", "4", "transport", "polling", "sid", session.sid());
        assertThat(engine.verify("POST", query, engine.secretOf(session))).isNull();
        assertThat(engine.secretLocked(session)).isTrue();
        assertThat(engine.verify("GET", query, null)).isEqualTo(EngineError.SESSION_ID_UNKNOWN);
        assertThat(engine.verify("POST", query, null)).isEqualTo(EngineError.SESSION_ID_UNKNOWN);
        assertThat(engine.verify("GET", Map.of("EIO", "4", "transport", "websocket", "sid", session.sid()), null))
                .isEqualTo(EngineError.SESSION_ID_UNKNOWN);
        assertThat(engine.verify("GET", query, "wrong")).isEqualTo(EngineError.SESSION_ID_UNKNOWN);
        assertThat(engine.verify("GET", query, engine.secretOf(session))).isNull();
    }

    @Test
    void anUnknownSidIsRefusedOnBothTransports() {
        for (String transport : List.of("polling", "websocket")) {
            assertThat(engine.verify("GET", Map.of("EIO", "4", "transport", transport, "sid",
                    "AAAAAAAAAAAAAAAAAAAA"), null)).as(transport).isEqualTo(EngineError.SESSION_ID_UNKNOWN);
        }
    }

    @Test
    void aHeldPollWakesUpWhenAPacketIsQueued() {
        EngineSession session = open();
        engine.handshakePayload(session);
        List<String> answers = new CopyOnWriteArrayList<>();
        assertThat(engine.poll(session, answers::add)).isNull();
        assertThat(answers).isEmpty();
        session.send("42[\"hi\"]");
        assertThat(answers).containsExactly("42[\"hi\"]");
    }

    @Test
    void queuedPacketsAreBatchedWithTheRecordSeparator() {
        EngineSession session = open();
        engine.handshakePayload(session);
        session.send("4a");
        session.send("bAQI=");
        List<String> answers = new CopyOnWriteArrayList<>();
        engine.poll(session, answers::add);
        assertThat(answers).containsExactly("4a\u001ebAQI=");
    }

    @Test
    void twoOverlappingPollsCloseTheSessionAndTheFirstGetsAClosePacket() {
        EngineSession session = open();
        engine.handshakePayload(session);
        List<String> first = new CopyOnWriteArrayList<>();
        engine.poll(session, first::add);
        assertThat(engine.poll(session, p -> { })).isEqualTo(EngineError.BAD_REQUEST);
        assertThat(first).containsExactly("1");
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.closes.contains(EngineCloseReason.TRANSPORT_ERROR));
    }

    @Test
    void postedMessagesReachTheListenerInOrderAndACloseEndsTheSession() {
        EngineSession session = open();
        assertThat(engine.post(session, "4one\u001e4two\u001ebAQI=\u001e1")).isNull();
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.closes.size() == 1);
        assertThat(listener.messages).containsExactly(new EnginePacket.Message("one"),
                new EnginePacket.Message("two"), new EnginePacket.BinaryMessage(new byte[] {1, 2}));
        assertThat(listener.closes).containsExactly(EngineCloseReason.TRANSPORT_CLOSE);
    }

    @Test
    void aMalformedBodyClosesTheSessionWithParseError() {
        EngineSession session = open();
        assertThat(engine.post(session, "9nope")).isEqualTo(EngineError.BAD_REQUEST);
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.closes.contains(EngineCloseReason.PARSE_ERROR));
        assertThat(listener.messages).isEmpty();
    }

    @Test
    void aRefusedHandshakeNeverOpens() {
        listener.refuse = true;
        assertThat(engine.open(new HandshakeRequest(Map.of(), POLLING, "", 0), "polling"))
                .failsWithin(Duration.ofSeconds(5));
        assertThat(engine.sessionCount()).isZero();
    }

    @Test
    void theServerPingsAndClosesWithPingTimeoutWhenNoPongComes() {
        engine.close();
        engine = new EngineServer(EngineOptions.of(config(50, 50)), listener);
        EngineSession session = open();
        engine.handshakePayload(session);
        List<String> answers = new CopyOnWriteArrayList<>();
        engine.poll(session, answers::add);
        await().atMost(Duration.ofSeconds(5)).until(() -> answers.contains("2"));
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.closes.contains(EngineCloseReason.PING_TIMEOUT));
    }

    @Test
    void aPongKeepsTheSessionAlive() {
        engine.close();
        engine = new EngineServer(EngineOptions.of(config(50, 200)), listener);
        EngineSession session = open();
        engine.handshakePayload(session);
        for (int i = 0; i < 3; i++) {
            List<String> answers = new CopyOnWriteArrayList<>();
            engine.poll(session, answers::add);
            await().atMost(Duration.ofSeconds(5)).until(() -> answers.contains("2"));
            assertThat(engine.post(session, "3")).isNull();
        }
        assertThat(session.isOpen()).isTrue();
        assertThat(listener.closes).isEmpty();
    }

    @Test
    void theUpgradeProbesPausesPollingSwitchesAndFlushesTheBuffer() {
        EngineSession session = open();
        engine.handshakePayload(session);
        List<String> poll = new CopyOnWriteArrayList<>();
        engine.poll(session, poll::add);
        RecordingChannel ws = new RecordingChannel();
        WebSocketInbound inbound = engine.upgrade(session, ws);
        assertThat(inbound).isNotNull();
        inbound.text("2probe");
        assertThat(ws.frames).containsExactly("3probe");
        assertThat(poll).containsExactly("6");
        session.send("4queued");
        inbound.text("5");
        assertThat(session.transport()).isEqualTo("websocket");
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.upgrades.equals(List.of("websocket")));
        assertThat(ws.frames).containsExactly("3probe", "4queued");
        session.send("4direct");
        assertThat(ws.frames).endsWith("4direct");
        inbound.text("4up");
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.messages.contains(new EnginePacket.Message("up")));
        Map<String, String> query = Map.of("EIO", "4", "transport", "polling", "sid", session.sid());
        assertThat(engine.verify("GET", query, engine.secretOf(session))).isEqualTo(EngineError.BAD_REQUEST);
    }

    @Test
    void closingFromAboveAnswersTheHeldPollWithAClosePacket() {
        EngineSession session = open();
        engine.handshakePayload(session);
        List<String> poll = new CopyOnWriteArrayList<>();
        engine.poll(session, poll::add);
        session.close();
        assertThat(poll).containsExactly("1");
        assertThat(session.send("4late")).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.closes.contains(EngineCloseReason.FORCED_CLOSE));
    }

    @Test
    void closingAWebsocketSessionClosesItsSocket() {
        EngineSession session = engine.open(new HandshakeRequest(Map.of(), Map.of(), "", 0), "websocket").join();
        RecordingChannel ws = new RecordingChannel();
        WebSocketInbound inbound = engine.attach(session, ws);
        assertThat(ws.frames.get(0)).startsWith("0{").contains("\"upgrades\":[]");
        inbound.text("4hello");
        session.close();
        assertThat(ws.closed).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> listener.closes.contains(EngineCloseReason.FORCED_CLOSE));
        assertThat(listener.messages).containsExactly(new EnginePacket.Message("hello"));
    }

    @Test
    void packetsQueuedBeforeTheServerClosesASessionReachTheNextPollAheadOfTheClosePacket() {
        EngineSession session = open();
        engine.handshakePayload(session);
        session.send("42[\"bye\"]");
        session.close();
        List<String> poll = new CopyOnWriteArrayList<>();
        assertThat(engine.poll(session, poll::add)).isNull();
        assertThat(poll).containsExactly("42[\"bye\"]\u001e1");
    }

    @Test
    void aTransportErrorDropsWhatIsQueuedAndForgetsTheSession() {
        EngineSession session = open();
        engine.handshakePayload(session);
        session.send("42[\"late\"]");
        engine.payloadTooLarge(session);
        List<String> poll = new CopyOnWriteArrayList<>();
        assertThat(engine.poll(session, poll::add)).isEqualTo(EngineError.SESSION_ID_UNKNOWN);
        assertThat(poll).isEmpty();
        assertThat(engine.session(session.sid())).isNull();
    }

    @Test
    void aWebsocketThatStopsReadingMakesSendRefuseInsteadOfQueueingWithoutBound() {
        EngineSession session = engine.open(new HandshakeRequest(Map.of(), Map.of(), "", 0), "websocket").join();
        RecordingChannel ws = new RecordingChannel();
        engine.attach(session, ws);
        assertThat(session.send("4one")).isTrue();
        ws.writable = false;
        assertThat(session.send("4two")).isFalse();
        assertThat(ws.frames).endsWith("4one");
        assertThat(session.isOpen()).isTrue();
    }

    @Test
    void aClientSendingFasterThanItsMessagesAreHandledIsClosedPastTheLimit() throws Exception {
        engine.close();
        CountDownLatch release = new CountDownLatch(1);
        RecordingListener blocked = new RecordingListener() {
            @Override
            public void onMessage(EngineSession session, EnginePacket message) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        engine = new EngineServer(EngineOptions.of(config(60_000, 60_000)).withMaxBufferedPackets(5), blocked);
        EngineSession session = engine.open(new HandshakeRequest(Map.of(), Map.of(), "", 0), "websocket").join();
        RecordingChannel ws = new RecordingChannel();
        WebSocketInbound inbound = engine.attach(session, ws);
        for (int i = 0; i < 5; i++) {
            inbound.text("4m" + i);
        }
        assertThat(session.isOpen()).isTrue();
        inbound.text("4one-too-many");
        assertThat(session.isOpen()).isFalse();
        assertThat(ws.closed).isTrue();
        release.countDown();
        await().atMost(Duration.ofSeconds(5)).until(() -> blocked.closes.contains(EngineCloseReason.TRANSPORT_ERROR));
    }

    @Test
    void requiringNoSecretKeepsTheAdmissionCheck() {
        EngineOptions options = EngineOptions.of(config(60_000, 60_000)).withAdmission(() -> false)
                .withRequireSecret(false);
        assertThat(options.requireSecret()).isFalse();
        assertThat(options.admitting().getAsBoolean()).isFalse();
    }

    static final class RecordingChannel implements WebSocketChannel {
        final List<String> frames = new CopyOnWriteArrayList<>();
        final List<byte[]> binary = new CopyOnWriteArrayList<>();
        volatile boolean closed;
        volatile boolean writable = true;

        @Override
        public boolean writable() {
            return writable;
        }

        @Override
        public void sendText(String frame) {
            frames.add(frame);
        }

        @Override
        public void sendBinary(byte[] frame) {
            binary.add(frame);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
