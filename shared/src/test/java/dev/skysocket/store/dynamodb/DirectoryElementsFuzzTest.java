package dev.skysocket.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Jazzer target: any element read back from a directory item splits without an exception, into at most one of
 * listed (as a suffix of it: its endpoint) or deletable. Without JAZZER_FUZZ it replays the seeds under
 * {@code DirectoryElementsFuzzTestInputs}.
 */
class DirectoryElementsFuzzTest {

    @FuzzTest(maxDuration = "10s")
    void anyElementIsListedOrExpiredWithoutAnException(byte[] input) {
        String element = new String(input, StandardCharsets.UTF_8);

        DirectoryElements.Split split = DirectoryElements.split(List.of(element), 1_800_000_000L);

        assertThat(split.live().size() + split.deletable().size()).isLessThanOrEqualTo(1);
        split.live().forEach(endpoint -> assertThat(element).endsWith(endpoint));
        split.deletable().forEach(deletable -> assertThat(deletable).isEqualTo(element));
    }
}
