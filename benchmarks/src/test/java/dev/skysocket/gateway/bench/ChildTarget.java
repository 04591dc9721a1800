package dev.skysocket.gateway.bench;

import java.io.IOException;
import java.util.List;

/**
 * A {@link ServerTarget} whose server is one {@link ChildProcess}: name, conditions and port as it started, its
 * memory and CPU that process's. A target with more processes adds them by overriding.
 */
abstract class ChildTarget implements ServerTarget {
    private final String name;
    private final ChildProcess server;
    private final int port;
    private final String conditions;

    ChildTarget(String name, ChildProcess server, int port, String conditions) {
        this.name = name;
        this.server = server;
        this.port = port;
        this.conditions = conditions;
    }

    /** The server's process. */
    final ChildProcess server() {
        return server;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String conditions() {
        return conditions;
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public Memory.Sample memory() throws IOException, InterruptedException {
        return Memory.ofJvm(server.pid());
    }

    @Override
    public List<Long> serverPids() {
        return List.of(server.pid());
    }

    @Override
    public void close() {
        server.close();
    }
}
