package dev.skysocket.config;

/**
 * How a revocation of a user behaves on every path.
 *
 * @param refuseForMs    how long new connections of a revoked user are refused when the caller names no duration
 *                       ({@code skysocket.revocation-ms}, default one hour)
 * @param recheckAfterMs the revocation looks for the user's connections a second time this long after the first:
 *                       the user index is a DynamoDB global secondary index, eventually consistent, so a connection
 *                       stored just before the revocation may be missing from the first look
 *                       ({@code skysocket.revocation-recheck-ms}, default 1 s; 0 skips the second look)
 */
public record RevocationSettings(long refuseForMs, long recheckAfterMs) {
    public static final RevocationSettings DEFAULT = new RevocationSettings(3_600_000, 1_000);

    public RevocationSettings {
        if (refuseForMs < 0 || recheckAfterMs < 0) {
            throw new IllegalArgumentException("revocation durations must not be negative");
        }
    }

    static RevocationSettings from(Settings s) {
        return new RevocationSettings(s.longValue("skysocket.revocation-ms", DEFAULT.refuseForMs()),
                s.longValue("skysocket.revocation-recheck-ms", DEFAULT.recheckAfterMs()));
    }
}
