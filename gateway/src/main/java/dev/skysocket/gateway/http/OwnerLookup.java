package dev.skysocket.gateway.http;

import java.util.Optional;

/**
 * Where a sid unknown to this node lives (DESIGN §7, lost affinity): the base URL of the owning node's private
 * listener, or empty when no other node owns it. May block (a store read); it is called off the event loop.
 */
@FunctionalInterface
public interface OwnerLookup {
    Optional<String> ownerOf(String sid);
}
