package dev.skysocket.limits;

import dev.skysocket.config.Settings;

/**
 * The inbound limits every path applies. 0 turns a limit off.
 *
 * @param burst           messages one connection may send at once ({@code skysocket.rate-limit-burst}, default 500:
 *                        socket.io-client flushes every emit it buffered while disconnected in one go, and a page
 *                        may send a screenful of updates at once; 200 back-to-back emits are an ordinary burst)
 * @param perSecond       messages per second one connection may keep sending
 *                        ({@code skysocket.rate-limit-per-second}, default 100: a cursor or typing stream at 30–60 Hz
 *                        with its acks stays well under it)
 * @param tenantPerSecond events per second all connections of one tenant may send together
 *                        ({@code skysocket.tenant-events-per-second}, default 10000)
 */
public record InboundLimits(int burst, int perSecond, int tenantPerSecond) {
    public static final String BURST = "skysocket.rate-limit-burst";
    public static final String PER_SECOND = "skysocket.rate-limit-per-second";
    public static final String TENANT_PER_SECOND = "skysocket.tenant-events-per-second";
    public static final int DEFAULT_BURST = 500;
    public static final int DEFAULT_PER_SECOND = 100;
    public static final int DEFAULT_TENANT_PER_SECOND = 10_000;
    /** No limit at all (tests that measure the cost of other work). */
    public static final InboundLimits OFF = new InboundLimits(0, 0, 0);

    public InboundLimits {
        if (burst < 0 || perSecond < 0 || tenantPerSecond < 0) {
            throw new IllegalArgumentException("rate limits and the tenant quota must be 0 (off) or positive");
        }
        // A bucket needs both: a burst without a refill would close every connection after its first burst.
        if ((burst == 0) != (perSecond == 0)) {
            throw new IllegalArgumentException(BURST + " and " + PER_SECOND + " must both be positive, or both 0");
        }
    }

    public static InboundLimits defaults() {
        return new InboundLimits(DEFAULT_BURST, DEFAULT_PER_SECOND, DEFAULT_TENANT_PER_SECOND);
    }

    public static InboundLimits from(Settings s) {
        return new InboundLimits(s.intValue(BURST, DEFAULT_BURST), s.intValue(PER_SECOND, DEFAULT_PER_SECOND),
                s.intValue(TENANT_PER_SECOND, DEFAULT_TENANT_PER_SECOND));
    }

    public boolean limitsConnections() {
        return perSecond > 0;
    }

    public boolean limitsTenants() {
        return tenantPerSecond > 0;
    }
}
