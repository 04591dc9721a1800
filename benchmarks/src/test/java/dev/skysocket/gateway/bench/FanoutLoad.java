package dev.skysocket.gateway.bench;

import dev.skysocket.local.apigw.ApiGatewayEmulator;
import dev.skysocket.local.apigw.EmulatorSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The fan-out load benchmark. Starts the emulator on a free loopback port, connects N WebSocket clients (in a
 * child JVM), then measures phase A, signed {@code PostToConnection} calls per second from one
 * {@code ManagementApiFanout}, and phase B, wrk's requests per second against the same Management API, and prints
 * both in one Markdown table. Timings are printed, never asserted; the run fails only if a frame went missing.
 * Run it with {@code bench/fanout.sh [flags]} (flags: {@link LoadSettings#parse}).
 */
public final class FanoutLoad {

    private FanoutLoad() {
    }

    public static void main(String[] args) throws Exception {
        LoadSettings settings = LoadSettings.parse(args);
        quietLogs();
        long limit = Descriptors.limit();
        if (limit > 0 && settings.connections() + ClientSwarm.SPARE_DESCRIPTORS + settings.maxInFlight() > limit) {
            throw new IllegalStateException("this process may open " + limit + " files; the server side of "
                    + settings.connections() + " connections needs about " + (settings.connections()
                    + ClientSwarm.SPARE_DESCRIPTORS + settings.maxInFlight()) + ": raise `ulimit -n`");
        }
        AcceptingIntegration integration = new AcceptingIntegration(settings.connections());
        // Clients never send, so the 10-minute idle close must not end a long run early.
        EmulatorSettings emulatorSettings = EmulatorSettings.defaults().withPort(0)
                .withIdleTimeout(Duration.ofHours(2));
        boolean allDelivered;
        try (ApiGatewayEmulator emulator = new ApiGatewayEmulator(emulatorSettings, integration)) {
            emulator.start();
            long connectStart = System.nanoTime();
            String heap = settings.connections() > 2_000 ? "3g" : "1g";
            try (SwarmProcess swarm = SwarmProcess.start(emulator.websocketUrl(), settings.connections(),
                    settings.connectConcurrency(), heap)) {
                Duration connectTime = Duration.ofNanos(System.nanoTime() - connectStart);
                List<String> ids = integration.connectionIds();
                progress("connected " + ids.size() + " clients in " + connectTime.toMillis() + " ms (open: "
                        + emulator.stats().openConnections() + ")");

                CpuMeter cpu = new CpuMeter(ProcessHandle.of(swarm.pid()).orElseThrow());
                long postsBefore = emulator.stats().posts();
                FanoutPhase.Result ours = FanoutPhase.run(emulator.baseUrl(), ids, settings, cpu);
                long expected = (long) settings.warmupRounds() + settings.rounds();
                SwarmProcess.Counts counts = swarm.await(expected, Duration.ofSeconds(60));
                long posts = emulator.stats().posts() - postsBefore;
                allDelivered = counts.min() == expected && counts.max() == expected && ours.notDelivered() == 0;
                progress("phase A: " + Math.round(ours.callsPerSecond()) + " calls/s; clients got min "
                        + counts.min() + " max " + counts.max() + " of " + expected + " frames; emulator posts "
                        + posts + (ours.firstProblem() == null ? "" : "; first problem: " + ours.firstProblem()));

                Optional<Path> wrk = WrkRun.find();
                Optional<WrkRun.Result> ceiling = Optional.empty();
                Map<String, Double> wrkCpu = Map.of();
                if (settings.wrkDuration().isZero()) {
                    progress("phase B skipped: --wrk-seconds=0");
                } else if (wrk.isPresent()) {
                    String url = WrkRun.connectionUrl(emulator.baseUrl(), ids.get(0));
                    progress("phase B: wrk -t1 -c" + settings.wrkConnections() + " -d"
                            + settings.wrkDuration().toSeconds() + "s against " + url);
                    CpuMeter.Snapshot cpuBefore = cpu.snapshot();
                    ceiling = Optional.of(WrkRun.run(wrk.get(), url, Frames.ofBytes(settings.frameBytes()),
                            settings.wrkConnections(), settings.wrkDuration()));
                    long requests = Math.max(1, ceiling.get().requests());
                    wrkCpu = new LinkedHashMap<>(CpuMeter.microsPerOperation(cpuBefore, cpu.snapshot(), requests));
                    if (ceiling.get().cpuNanos() >= 0) {
                        wrkCpu.put("wrk itself", ceiling.get().cpuNanos() / 1e3 / requests);
                    }
                } else {
                    progress("phase B skipped: wrk is not on the PATH (Debian: apt-get install -y wrk)");
                }
                System.out.println(Report.markdown(settings, ours, counts, expected, allDelivered, ceiling,
                        wrkCpu, connectTime));
            }
        }
        if (!allDelivered) {
            System.err.println("FAILED: not every client received every frame");
            System.exit(1);
        }
    }

    /** The emulator logs one line per connection; at 10,000 connections that drowns the figures. */
    private static void quietLogs() {
        Logger root = Logger.getLogger("");
        root.setLevel(Level.WARNING);
        for (var handler : root.getHandlers()) {
            handler.setLevel(Level.WARNING);
        }
    }

    static void progress(String line) {
        System.err.println("[fanout] " + line);
    }
}
