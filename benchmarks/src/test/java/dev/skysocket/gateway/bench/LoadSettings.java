package dev.skysocket.gateway.bench;

import dev.skysocket.fanout.PostPath;
import java.time.Duration;

/**
 * What one benchmark run does, from command-line flags ({@code --name=value}).
 *
 * @param connections        WebSocket clients, each one fan-out recipient (default 1,000; {@code --big} is 10,000)
 * @param rounds             measured broadcasts, each one frame to every connection
 * @param warmupRounds       broadcasts before measuring, for the JIT and the connection pool; by default enough
 *                           for {@value #WARMUP_CALLS} calls (at least 5 rounds): the SDK's per-call path is long,
 *                           and with 40,000 calls behind it C2 was still compiling for most of the measured rounds
 * @param maxInFlight        the fan-out's recipients in flight, also the HTTP connection pool size
 * @param frameBytes         size of the posted frame, the same bytes in both phases
 * @param wrkConnections     wrk's open connections ({@code -c})
 * @param wrkDuration        how long wrk runs ({@code -d})
 * @param connectConcurrency WebSocket upgrades in flight while connecting the swarm
 * @param postPath           how the worker sends PostToConnection ({@code --post-path=SDK_CLIENT} for the SDK's
 *                           client, to compare against the default signed HTTP path in one build)
 */
record LoadSettings(int connections, int rounds, int warmupRounds, int maxInFlight, int frameBytes,
                    int wrkConnections, Duration wrkDuration, int connectConcurrency, PostPath postPath) {

    /** Bounded so a typo cannot open more sockets than one machine's loopback port range holds. */
    static final int MAX_CONNECTIONS = 20_000;
    static final int BIG_CONNECTIONS = 10_000;
    static final int WARMUP_CALLS = 100_000;

    LoadSettings {
        require(connections >= 1 && connections <= MAX_CONNECTIONS, "connections must be 1.." + MAX_CONNECTIONS);
        require(rounds >= 1 && rounds <= 10_000, "rounds must be 1..10000");
        require(warmupRounds >= 0 && warmupRounds <= 10_000, "warmup must be 0..10000");
        require(maxInFlight >= 1 && maxInFlight <= 4096, "max-in-flight must be 1..4096");
        require(frameBytes >= Frames.MIN_BYTES && frameBytes <= 32 * 1024, "frame-bytes must be "
                + Frames.MIN_BYTES + "..32768 (one API Gateway frame)");
        require(wrkConnections >= 1 && wrkConnections <= 4096, "wrk-connections must be 1..4096");
        require(!wrkDuration.isNegative() && wrkDuration.compareTo(Duration.ofMinutes(5)) <= 0,
                "wrk-seconds must be 0..300");
        require(connectConcurrency >= 1 && connectConcurrency <= 1024, "connect-concurrency must be 1..1024");
    }

    static LoadSettings parse(String... args) {
        int connections = 1_000;
        int rounds = 20;
        int warmup = -1;
        int maxInFlight = 64;
        int frameBytes = 100;
        int wrkConnections = 64;
        int wrkSeconds = 10;
        int connectConcurrency = 64;
        PostPath postPath = PostPath.SIGNED_POOLED;
        for (String arg : args) {
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
            switch (name) {
                case "--big" -> connections = BIG_CONNECTIONS;
                case "--connections" -> connections = Integer.parseInt(value);
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--max-in-flight" -> maxInFlight = Integer.parseInt(value);
                case "--frame-bytes" -> frameBytes = Integer.parseInt(value);
                case "--wrk-connections" -> wrkConnections = Integer.parseInt(value);
                case "--wrk-seconds" -> wrkSeconds = Integer.parseInt(value);
                case "--connect-concurrency" -> connectConcurrency = Integer.parseInt(value);
                case "--post-path" -> postPath = PostPath.valueOf(value);
                default -> throw new IllegalArgumentException("unknown flag " + arg + "; known: --connections=N "
                        + "--big --rounds=R --warmup=W --max-in-flight=M --frame-bytes=B --wrk-connections=C "
                        + "--wrk-seconds=S --connect-concurrency=K --post-path=SIGNED_HTTP|SDK_CLIENT");
            }
        }
        if (warmup < 0) {
            warmup = Math.max(5, (WARMUP_CALLS + connections - 1) / connections);
        }
        return new LoadSettings(connections, rounds, warmup, maxInFlight, frameBytes, wrkConnections,
                Duration.ofSeconds(wrkSeconds), connectConcurrency, postPath);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
