package dev.skysocket.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.skysocket.api.PresenceMember;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The member item's userInfo JSON: written as one object, and read back also from the layout before claims. */
class PresenceInfoTest {

    @Test
    void aMemberWithClaimsRoundTripsThroughItsStoredJson() {
        PresenceMember alice = new PresenceMember("alice", JsonNodeFactory.instance.textNode("alice"),
                Map.of("role", "editor"));
        String json = PresenceInfo.write(alice);
        assertThat(json).isEqualTo("{\"user\":\"alice\",\"claims\":{\"role\":\"editor\"}}");
        assertThat(PresenceInfo.read("alice", json)).isEqualTo(alice);
    }

    @Test
    void anItemOfTheEarlierLayoutReadsAsItsUserWithoutClaims() {
        assertThat(PresenceInfo.read("bob", "\"bob\"")).isEqualTo(
                new PresenceMember("bob", JsonNodeFactory.instance.textNode("bob")));
        PresenceMember anonymous = PresenceInfo.read("sid1", "null");
        assertThat(anonymous.user().isNull()).isTrue();
        assertThat(anonymous.claims()).isEmpty();
        assertThat(PresenceInfo.read("sid2", null).user().isNull()).isTrue();
    }

    @Test
    void nonTextClaimsInAStoredObjectAreSkipped() {
        PresenceMember read = PresenceInfo.read("carol", "{\"user\":\"carol\",\"claims\":{\"a\":\"1\",\"b\":2}}");
        assertThat(read.claims()).isEqualTo(Map.of("a", "1"));
    }
}
