package dev.skysocket.gateway.node;

import dev.skysocket.api.auth.Authorization;
import dev.skysocket.api.auth.ConnectAuthorizer;
import dev.skysocket.api.auth.ConnectRequest;
import dev.skysocket.auth.ReservedTenants;
import dev.skysocket.gateway.engine.HandshakeRequest;
import dev.skysocket.runtime.HandshakeFields;
import java.lang.System.Logger.Level;
import java.util.Map;

/**
 * The fallback gateway's side of the {@code $connect} authorizer: the same {@link ConnectAuthorizer} API Gateway
 * runs, given the handshake's query string and headers, and the same stripping of the parameters that carried the
 * credential from the handshake the connection keeps.
 */
final class HandshakeIdentity {
    private static final System.Logger LOG = System.getLogger(HandshakeIdentity.class.getName());

    private final ConnectAuthorizer authorizer;

    HandshakeIdentity(ConnectAuthorizer authorizer) {
        this.authorizer = authorizer;
    }

    /** Never throws: an authorizer that fails denies, as the API Gateway path's does. */
    Authorization authorize(HandshakeRequest handshake) {
        try {
            Authorization decision = authorizer.authorize(new ConnectRequest(handshake.query(), handshake.headers(),
                    handshake.remoteAddress()));
            return decision == null ? new Authorization.Denied("authorizer failed") : ReservedTenants.screen(decision);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "event=connect_authorizer_failed error={0}", e.getClass().getName());
            return new Authorization.Denied("authorizer failed");
        }
    }

    /** The bounded query without the credential parameters: a token neither rests in the store nor reaches the app. */
    Map<String, String> keptQuery(HandshakeRequest handshake) {
        Map<String, String> query = HandshakeFields.bounded(handshake.query(), false);
        query.keySet().removeAll(authorizer.credentialParameters());
        return query;
    }
}
