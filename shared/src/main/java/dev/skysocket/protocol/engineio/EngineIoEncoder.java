package dev.skysocket.protocol.engineio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import java.util.List;

/** Encodes Engine.IO v4 packets as text; binary messages become {@code b<base64>}. */
public final class EngineIoEncoder {
    private static final ObjectWriter JSON = JsonMapper.builder().build().writer();

    private EngineIoEncoder() {
    }

    public static String encode(EnginePacket packet) {
        char type = packet.type().wire();
        if (packet instanceof EnginePacket.Open open) {
            return type + openJson(open);
        } else if (packet instanceof EnginePacket.Ping ping) {
            return type + dataOf(ping.data());
        } else if (packet instanceof EnginePacket.Pong pong) {
            return type + dataOf(pong.data());
        } else if (packet instanceof EnginePacket.Message message) {
            return type + message.text();
        } else if (packet instanceof EnginePacket.BinaryMessage binary) {
            // Text-only paths (API Gateway, polling) carry bytes as "b" + base64 (Engine.IO v4 §Packet encoding).
            return "b" + Base64.getEncoder().encodeToString(binary.data());
        }
        return String.valueOf(type);
    }

    /** A polling body: packets joined by {@code \u001e}. The server never sends an empty one. */
    public static String encodePayload(List<EnginePacket> packets) {
        if (packets.isEmpty()) {
            throw new IllegalArgumentException("a payload holds at least one packet");
        }
        StringBuilder body = new StringBuilder();
        for (EnginePacket packet : packets) {
            if (body.length() > 0) {
                body.append(EngineIoDecoder.SEPARATOR);
            }
            body.append(encode(packet));
        }
        return body.toString();
    }

    private static String dataOf(String data) {
        return data == null ? "" : data;
    }

    /** {@code {"sid":..,"upgrades":[..],"pingInterval":n,"pingTimeout":n,"maxPayload":n}}, in that order. */
    private static String openJson(EnginePacket.Open open) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.put("sid", open.sid());
        open.upgrades().forEach(json.putArray("upgrades")::add);
        json.put("pingInterval", open.pingInterval());
        json.put("pingTimeout", open.pingTimeout());
        json.put("maxPayload", open.maxPayload());
        try {
            return JSON.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the open packet could not be written", e);
        }
    }
}
