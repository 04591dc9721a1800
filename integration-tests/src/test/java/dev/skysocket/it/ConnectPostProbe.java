package dev.skysocket.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skysocket.local.apigw.ApiGatewayEmulator;
import dev.skysocket.local.apigw.EmulatorSettings;
import dev.skysocket.local.apigw.WebSocketIntegration;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Posts to a connection from inside its own {@code $connect}, then again once the upgrade is answered, on the
 * emulator the local stack runs. Only code inside {@code $connect} knows the connection id before the 101, so
 * this needs an integration of its own; on a stage it would need a probe function deployed there.
 */
final class ConnectPostProbe {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the two posts answered, and the text the client then received. */
    record Result(ManagementProbe.Answer duringConnect, ManagementProbe.Answer afterUpgrade, String received) {
        @Override
        public String toString() {
            return "post during $connect: " + duringConnect + "; post after the 101: " + afterUpgrade
                    + "; the client received '" + received + "'";
        }
    }

    private ConnectPostProbe() {
    }

    static Result run() throws Exception {
        AtomicReference<String> endpoint = new AtomicReference<>();
        AtomicReference<String> connectionId = new AtomicReference<>();
        AtomicReference<ManagementProbe.Answer> during = new AtomicReference<>();
        WebSocketIntegration postsFromConnect = (route, event) -> {
            if ("$connect".equals(route)) {
                String id = JSON.readTree(event).path("requestContext").path("connectionId").asText();
                connectionId.set(id);
                try (ManagementProbe probe = ManagementProbe.local(endpoint.get())) {
                    during.set(probe.post(id, bytes("from $connect")));
                }
            }
            return "{\"statusCode\":200}";
        };
        try (ApiGatewayEmulator emulator = new ApiGatewayEmulator(EmulatorSettings.defaults().withPort(0),
                postsFromConnect)) {
            emulator.start();
            endpoint.set(emulator.baseUrl());
            try (WireClient client = WireClient.connect("ws://127.0.0.1:" + emulator.port(),
                    "/" + emulator.settings().stage());
                 ManagementProbe probe = ManagementProbe.local(emulator.baseUrl())) {
                ManagementProbe.Answer after = probe.post(connectionId.get(), bytes("after the 101"));
                return new Result(during.get(), after, client.readMessage().text());
            }
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
