package dev.skysocket.gateway.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The reference: stock socket.io 4.8 running the same example app ({@code bench/node-reference/server.js}). */
final class NodeTarget extends ChildTarget {
    private NodeTarget(ChildProcess node, int port, String conditions) {
        super("node", node, port, conditions);
    }

    static final String RECOVERY_PROPERTY = "skysocket.bench.node-recovery-ms";

    static NodeTarget start(ComparisonSettings s, Path logDir) throws IOException {
        // -Dskysocket.bench.node-recovery-ms=120000 turns on socket.io's connection state recovery, as the example
        // app's "/" has it: a like-for-like reference for the room latency (off by default, as in earlier runs).
        String recoveryMs = System.getProperty(RECOVERY_PROPERTY, "0");
        ChildProcess node = ChildProcess.start("node-reference",
                List.of("node", "--expose-gc", s.nodeServer().toString()),
                Map.of("PORT", "0", "PING_INTERVAL_MS", Long.toString(s.pingIntervalMs()),
                        "PING_TIMEOUT_MS", Long.toString(s.pingTimeoutMs()), "RECOVERY_MS", recoveryMs),
                logDir.resolve("node-reference.log"), Pattern.compile("(\\{\"event\":\"node_reference_listening\".*)"),
                Duration.ofMinutes(1));
        String ready = node.readyGroup();
        int port = Integer.parseInt(ready.replaceAll(".*\"port\":(\\d+).*", "$1"));
        String versions = ready.replaceAll(".*\"socketIo\":\"([^\"]+)\",\"node\":\"([^\"]+)\".*", "socket.io $1 on Node $2");
        return new NodeTarget(node, port, versions + ", one process, in-memory adapter"
                + (recoveryMs.equals("0") ? "" : ", connection state recovery " + recoveryMs + " ms"));
    }

    @Override
    public Memory.Sample memory() throws IOException, InterruptedException {
        return Memory.ofNode(server().pid(), port());
    }
}
