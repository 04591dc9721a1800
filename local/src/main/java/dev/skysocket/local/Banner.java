package dev.skysocket.local;

/** What the local runner prints once it is up: where to connect and a client snippet to paste. */
final class Banner {
    private Banner() {
    }

    static String text(LocalRunner runner) {
        return """
                Skysocket local stack is up.
                  API Gateway WebSocket (emulated): %1$s/%2$s
                  Management API:                   %3$s/@connections/{id}
                  DynamoDB Local:                   %4$s
                Connect with socket.io-client v4:
                  import { io } from "socket.io-client";
                  const socket = io("%1$s", { path: "/%2$s", addTrailingSlash: false,
                                              transports: ["websocket"], forceBase64: true });
                  socket.emit("echo", "hello", (reply) => console.log(reply));
                %7$sFallback gateway (Engine.IO polling, then websocket): %5$s
                  Private Management API:           %6$s/@connections/{id}
                Connect with socket.io-client v4's default options (withCredentials: true also keeps the
                polling session cookie, which locks the session to this client):
                  const fallback = io("%5$s");
                  fallback.emit("echo", "hello", (reply) => console.log(reply));
                Demo chat page (two browser clients, one on each path): %5$s/
                Stop with Ctrl-C or SIGTERM.""".formatted(runner.websocketUrl(), runner.stage(),
                runner.managementEndpoint(), runner.dynamoEndpoint(), runner.gatewayUrl(),
                runner.gateway().managementUrl(), authorizer(runner));
    }

    private static String authorizer(LocalRunner runner) {
        return runner.emulator().authorizer().map(settings -> {
            if (settings.identitySource().isEmpty()) {
                // the local query identity: every handshake is let in, with the identity its query names
                return "  Identity (local only, on both paths): add query: { user: \"ada\", tenant: \"acme\" }"
                        + " to the options;\n  without them a connection is anonymous in the default tenant.\n";
            }
            String token = settings.identitySource().get(0);
            return "  $connect runs the authorizer first: add query: { " + token + ": <JWT> } to the options (no "
                    + token + ": 401, a bad one: 403).\n";
        }).orElse("");
    }
}
