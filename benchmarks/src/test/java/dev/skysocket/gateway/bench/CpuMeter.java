package dev.skysocket.gateway.bench;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * CPU time spent between two snapshots: this whole process, its threads grouped by role, and one child process;
 * plus what the JVM did meanwhile (allocation, JIT, GC). On a machine shared with other work, CPU per call moves
 * far less than calls per second, so it says where the cost is even when the wall-clock figures are noisy.
 */
final class CpuMeter {

    /** Thread-name prefixes and the role they play in a run. */
    private static final Map<String, String> ROLES = new LinkedHashMap<>();
    private static final String OTHER = "other threads (GC, JIT, timers)";

    static {
        ROLES.put("main", "fan-out caller (request building, SigV4)");
        ROLES.put("aws-java-sdk-NettyEventLoop", "SDK Netty I/O");
        ROLES.put("skysocket-post", "post connections I/O");
        ROLES.put("sdk-async-response", "SDK response completion");
        ROLES.put("vert.x-eventloop", "emulator event loop");
    }

    /** Cumulative counters at one moment; per-thread maps are keyed by thread id. */
    record Snapshot(long process, Map<Long, String> roleByThread, Map<Long, Long> cpuByThread,
                    Map<Long, Long> allocatedByThread, long jitMillis, long gcCount, long gcMillis, long child) {
    }

    private final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final OperatingSystemMXBean os =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final ProcessHandle child;

    CpuMeter(ProcessHandle child) {
        this.child = child;
    }

    Snapshot snapshot() {
        Map<Long, String> roles = new HashMap<>();
        Map<Long, Long> cpu = new HashMap<>();
        Map<Long, Long> allocated = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) {
                continue;
            }
            long id = info.getThreadId();
            allocated.put(id, threads.getThreadAllocatedBytes(id));
            String role = role(info.getThreadName());
            long time = role == null ? -1 : threads.getThreadCpuTime(id);
            if (time >= 0) {
                roles.put(id, role);
                cpu.put(id, time);
            }
        }
        long gcCount = 0;
        long gcMillis = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            gcCount += Math.max(0, gc.getCollectionCount());
            gcMillis += Math.max(0, gc.getCollectionTime());
        }
        long childCpu = child.info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
        return new Snapshot(os.getProcessCpuTime(), roles, cpu, allocated,
                ManagementFactory.getCompilationMXBean().getTotalCompilationTime(), gcCount, gcMillis, childCpu);
    }

    /**
     * Microseconds of CPU per operation between two snapshots: by role (a thread born in between counts from
     * zero), the rest of this process, this process in all, then the child.
     */
    static Map<String, Double> microsPerOperation(Snapshot before, Snapshot after, long operations) {
        Map<String, Double> perOperation = new LinkedHashMap<>();
        ROLES.values().forEach(role -> perOperation.put(role, 0.0));
        double inRoles = 0;
        for (Map.Entry<Long, Long> thread : after.cpuByThread().entrySet()) {
            double spent = (thread.getValue() - before.cpuByThread().getOrDefault(thread.getKey(), 0L)) / 1e3
                    / operations;
            perOperation.merge(after.roleByThread().get(thread.getKey()), spent, Double::sum);
            inRoles += spent;
        }
        double process = (after.process() - before.process()) / 1e3 / operations;
        perOperation.put(OTHER, Math.max(0, process - inRoles));
        perOperation.put("this JVM in all", process);
        if (before.child() >= 0 && after.child() >= 0) {
            perOperation.put("client JVM (WebSocket receive)", (after.child() - before.child()) / 1e3 / operations);
        }
        return perOperation;
    }

    /** Allocation per operation, JIT time and GC activity between two snapshots, as one line. */
    static String jvmActivity(Snapshot before, Snapshot after, long operations) {
        long allocated = 0;
        for (Map.Entry<Long, Long> thread : after.allocatedByThread().entrySet()) {
            allocated += thread.getValue() - before.allocatedByThread().getOrDefault(thread.getKey(), 0L);
        }
        return String.format(Locale.ROOT, "allocated %.1f KB per call; JIT compiling %,d ms; %d GCs, %,d ms",
                allocated / 1024.0 / operations, after.jitMillis() - before.jitMillis(),
                after.gcCount() - before.gcCount(), after.gcMillis() - before.gcMillis());
    }

    private static String role(String threadName) {
        for (Map.Entry<String, String> role : ROLES.entrySet()) {
            if (threadName.startsWith(role.getKey())) {
                return role.getValue();
            }
        }
        return null;
    }
}
