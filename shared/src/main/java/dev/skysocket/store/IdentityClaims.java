package dev.skysocket.store;

import java.lang.System.Logger.Level;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The identity's claims as a connection keeps them: at most {@link #MAX_CLAIMS} entries and {@link #MAX_CHARS}
 * characters of names and values together, so an authorizer passing a large token's every field on cannot swell
 * every connection item and presence member. Claims past either limit are dropped, in their given order, with one
 * log line naming only how many.
 */
public final class IdentityClaims {
    public static final int MAX_CLAIMS = 20;
    public static final int MAX_CHARS = 1024;
    private static final System.Logger LOG = System.getLogger(IdentityClaims.class.getName());

    private IdentityClaims() {
    }

    /** An unmodifiable copy within the limits; empty for null. Null names and values are skipped. */
    public static Map<String, String> bounded(Map<String, String> claims) {
        if (claims == null || claims.isEmpty()) {
            return Map.of();
        }
        Map<String, String> kept = new LinkedHashMap<>();
        int chars = 0;
        int dropped = 0;
        for (Map.Entry<String, String> claim : claims.entrySet()) {
            if (claim.getKey() == null || claim.getValue() == null) {
                continue;
            }
            int size = claim.getKey().length() + claim.getValue().length();
            if (kept.size() < MAX_CLAIMS && chars + size <= MAX_CHARS) {
                kept.put(claim.getKey(), claim.getValue());
                chars += size;
            } else {
                dropped++;
            }
        }
        if (dropped > 0) {
            // Names and values may be personal data: the count is enough to find the authorizer at fault.
            LOG.log(Level.WARNING, "event=claims_dropped dropped={0} kept={1}", dropped, kept.size());
        }
        return Collections.unmodifiableMap(kept);
    }
}
