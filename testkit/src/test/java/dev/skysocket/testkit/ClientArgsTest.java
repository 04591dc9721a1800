package dev.skysocket.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.socket.client.Ack;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.json.JSONArray;
import org.json.JSONObject;
import org.junit.jupiter.api.Test;

class ClientArgsTest {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    record Point(int x, String label) {
    }

    @Test
    void aJacksonTreeSurvivesTheRoundTripThroughTheClientsModel() {
        ObjectNode tree = JSON.objectNode();
        tree.put("text", "välue").put("int", 3).put("long", 1L << 40).put("double", 2.5).put("yes", true)
                .putNull("nothing");
        tree.putArray("list").add(1).add("two").addObject().put("three", 3);
        tree.put("big", new BigInteger("123456789012345678901234567890"));

        Object sent = ClientArgs.toClient(tree);

        assertThat(sent).isInstanceOf(JSONObject.class);
        assertThat(ClientArgs.fromClient(sent)).isEqualTo(tree);
    }

    @Test
    void mapsListsArraysAndRecordsBecomeOrgJson() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("list", List.of(1, "a"));
        map.put("array", new Object[] {true, null});
        map.put("point", new Point(1, "p"));

        JsonNode received = ClientArgs.fromClient(ClientArgs.toClient(map));

        ObjectNode expected = JSON.objectNode();
        expected.putArray("list").add(1).add("a");
        expected.putArray("array").add(true).addNull();
        expected.putObject("point").put("x", 1).put("label", "p");
        assertThat(received).isEqualTo(expected);
    }

    @Test
    void bytesStayBytesAndBinaryNodesBecomeBytes() {
        byte[] bytes = {1, 2, 3};

        assertThat(ClientArgs.toClient(bytes)).isSameAs(bytes);
        assertThat((byte[]) ClientArgs.toClient(JSON.binaryNode(bytes))).containsExactly(1, 2, 3);
        assertThat(ClientArgs.fromClient(bytes)).isEqualTo(JSON.binaryNode(bytes));
    }

    @Test
    void nullIsJsonNullBothWays() {
        assertThat(ClientArgs.toClient((Object) null)).isSameAs(JSONObject.NULL);
        assertThat(ClientArgs.toClient(JSON.nullNode())).isSameAs(JSONObject.NULL);
        assertThat(ClientArgs.fromClient(JSONObject.NULL)).isEqualTo(JSON.nullNode());
    }

    @Test
    void aServersAckRequestIsNotAnArgument() {
        Ack serverAck = args -> { };
        JSONArray array = new JSONArray().put("x");

        assertThat(ClientArgs.fromClient(new Object[] {"event", array, serverAck}, 1))
                .isEqualTo(JSON.arrayNode().add(JSON.arrayNode().add("x")));
    }

    @Test
    void theAuthPayloadKeepsNonStringValuesAsJson() {
        Map<String, String> auth = ClientArgs.auth(Map.of("token", "t", "tries", 2, "scopes", List.of("a")));

        assertThat(new JSONObject(auth).toString()).contains("\"tries\":2").contains("\"scopes\":[\"a\"]")
                .contains("\"token\":\"t\"");
        assertThat(ClientArgs.auth(Map.of())).isNull();
    }

    @Test
    void aValueJacksonCannotWriteIsRefusedWithItsType() {
        Object unwritable = new Object() {
            @SuppressWarnings("unused")
            public Object getSelf() {
                return this;
            }
        };

        assertThatThrownBy(() -> ClientArgs.toClient(unwritable))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot send a");
        assertThat(Arrays.asList(ClientArgs.toClient(new Object[] {"a", 1}))).containsExactly("a", 1);
    }
}
