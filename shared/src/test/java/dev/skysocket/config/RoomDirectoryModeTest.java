package dev.skysocket.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RoomDirectoryModeTest {
    private static RoomDirectoryMode mode(String value) {
        return SkysocketConfig.from(Settings.of(value == null ? Map.of()
                : Map.of("skysocket.room-directory", value))).roomDirectory();
    }

    @Test
    void onByDefaultAndRegisterIsTheStepBetween() {
        assertThat(mode(null)).isEqualTo(RoomDirectoryMode.ON);
        assertThat(mode("false").registers()).isFalse();
        assertThat(mode("register").registers()).isTrue();
        assertThat(mode("register").skipsReads()).isFalse();
        assertThat(mode("TRUE").skipsReads()).isTrue();
    }

    @Test
    void anyOtherValueStopsTheStartNamingTheSetting() {
        assertThatThrownBy(() -> mode("yes")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("skysocket.room-directory").hasMessageContaining("'yes'");
    }
}
