package dev.skysocket.server;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skysocket.api.RoomQuotaExceededException;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoomQuotaTest {
    private static final List<String> TWO_ROOMS = List.of(Rooms.EVERYONE, "sid-1", "a", "b");

    @Test
    void theOwnIdRoomAndTheNamespaceRoomDoNotCount() {
        assertThatCode(() -> RoomQuota.check(List.of(Rooms.EVERYONE, "sid-1", "a"), "sid-1", "b", 2))
                .doesNotThrowAnyException();
    }

    @Test
    void aJoinPastTheLimitIsRefusedButARoomAlreadyJoinedIsNot() {
        assertThatThrownBy(() -> RoomQuota.check(TWO_ROOMS, "sid-1", "c", 2))
                .isInstanceOf(RoomQuotaExceededException.class).hasMessageContaining("at most 2 rooms");
        assertThatCode(() -> RoomQuota.check(TWO_ROOMS, "sid-1", "a", 2)).doesNotThrowAnyException();
        assertThatCode(() -> RoomQuota.check(TWO_ROOMS, "sid-1", "c", 0)).as("0: no limit")
                .doesNotThrowAnyException();
    }
}
