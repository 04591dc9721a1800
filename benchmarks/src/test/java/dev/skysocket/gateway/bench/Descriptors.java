package dev.skysocket.gateway.bench;

import com.sun.management.UnixOperatingSystemMXBean;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/** This process's open-file limit ({@code ulimit -n}): every socket, client or server side, takes one. */
final class Descriptors {

    private Descriptors() {
    }

    /** The limit, or -1 where the platform does not say. */
    static long limit() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof UnixOperatingSystemMXBean unix ? unix.getMaxFileDescriptorCount() : -1;
    }
}
