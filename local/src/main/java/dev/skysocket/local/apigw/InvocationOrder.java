package dev.skysocket.local.apigw;

import java.util.Locale;

/**
 * How the emulator invokes {@code $default} for one connection. AWS promises no order and no serialisation: two
 * frames sent back to back can be handled at the same time by two Lambda instances and finish in any order
 * (AWS-FACTS, "invocation order"). The emulator does the same by default, so that code which needs order or
 * which overwrites state blindly fails here and not first in production.
 */
public enum InvocationOrder {
    /** As on AWS: each message is invoked at once, after a small random delay, alongside the connection's others. */
    CONCURRENT,
    /** One at a time, in arrival order, {@code $disconnect} after the last: kinder than AWS, for tests that need it. */
    SERIAL;

    /** {@code concurrent} or {@code serial}, any case. */
    public static InvocationOrder parse(String name, String settingName) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("setting " + settingName + " must be concurrent or serial, got '"
                    + name + "'");
        }
    }
}
