package dev.skysocket.gateway.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.api.DisconnectReason;
import dev.skysocket.gateway.engine.EngineCloseReason;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Socket.IO's disconnect reasons for each Engine.IO close: the reference server hands Engine.IO's reason to
 * every socket of the connection unchanged ("transport close", "transport error", "ping timeout", "parse error",
 * "forced close") and says "server shutting down" when the server stops.
 */
class SocketDisconnectReasonsTest {
    private static final Map<EngineCloseReason, DisconnectReason> REFERENCE = new EnumMap<>(Map.of(
            EngineCloseReason.TRANSPORT_CLOSE, DisconnectReason.TRANSPORT_CLOSE,
            EngineCloseReason.TRANSPORT_ERROR, DisconnectReason.TRANSPORT_ERROR,
            EngineCloseReason.PING_TIMEOUT, DisconnectReason.PING_TIMEOUT,
            EngineCloseReason.PARSE_ERROR, DisconnectReason.PARSE_ERROR,
            EngineCloseReason.FORCED_CLOSE, DisconnectReason.FORCED_CLOSE,
            EngineCloseReason.SERVER_SHUTTING_DOWN, DisconnectReason.SERVER_SHUTTING_DOWN,
            // Not a reference reason and never reported (the session had not opened): a transport close.
            EngineCloseReason.SERVER_ERROR, DisconnectReason.TRANSPORT_CLOSE));

    @ParameterizedTest
    @EnumSource(EngineCloseReason.class)
    void everyCloseReasonMapsToTheDisconnectReasonTheReferenceServerGives(EngineCloseReason reason) {
        assertThat(REFERENCE).containsKey(reason);
        assertThat(SocketDisconnectReasons.of(reason)).isEqualTo(REFERENCE.get(reason));
    }

    @ParameterizedTest
    @EnumSource(value = EngineCloseReason.class, names = "SERVER_ERROR", mode = EnumSource.Mode.EXCLUDE)
    void aReportedCloseKeepsItsStringAsTheReferenceServerPassesItThrough(EngineCloseReason reason) {
        assertThat(SocketDisconnectReasons.of(reason).wire()).isEqualTo(reason.wire());
    }
}
