package dev.skysocket.app;

import dev.skysocket.api.Ack;
import dev.skysocket.api.Args;
import dev.skysocket.api.Socket;

/** The example app's commands on one user of the caller's tenant, on {@code /admin}: {@code revoke}. */
final class UserAdmin {
    private UserAdmin() {
    }

    /**
     * {@code revoke(user)}: every connection of the user in the caller's tenant is closed, on both paths, and new
     * ones are refused for the configured time ({@code skysocket.revocation-ms}); acks with the user.
     */
    static void revoke(Socket socket, Args args, Ack ack) {
        String user = args.text(0);
        if (user == null || user.isBlank()) {
            ack.send(ChatErrors.error("user must be a non-empty string"));
            return;
        }
        socket.server().revoke(user);
        ack.send(user);
    }
}
