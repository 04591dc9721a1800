package dev.skysocket.gateway.bench;

import dev.skysocket.fanout.FanoutReport;
import dev.skysocket.fanout.ManagementApiClients;
import dev.skysocket.fanout.ManagementApiFanout;
import dev.skysocket.fanout.Recipient;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Phase A, our worker: one {@link ManagementApiFanout} over one {@link ManagementApiClients} (static dummy
 * credentials, us-east-1, so every call is SigV4-signed as on AWS; posting as {@link LoadSettings#postPath} says) broadcasts one frame to every connection, round
 * after round, and each round's wall time is kept.
 */
final class FanoutPhase {

    /**
     * @param callsPerSecond  posts answered, over the measured rounds' wall time
     * @param roundNanos      each measured round's wall time, sorted
     * @param delivered       recipients reported delivered over all rounds, warm-up included
     * @param notDelivered    recipients reported gone or failed over all rounds
     * @param firstProblem    the first round report with gone or failed recipients, or null
     * @param cpuMicrosPerCall CPU per call over the measured rounds, by role ({@link CpuMeter})
     * @param jvmActivity     allocation, JIT and GC over the measured rounds
     */
    record Result(double callsPerSecond, long[] roundNanos, long delivered, long notDelivered, String firstProblem,
                  Map<String, Double> cpuMicrosPerCall, String jvmActivity) {

        /** Nearest-rank percentile of the round times, in milliseconds. */
        double percentileMillis(double p) {
            int rank = (int) Math.ceil(p / 100.0 * roundNanos.length);
            return roundNanos[Math.max(0, rank - 1)] / 1e6;
        }
    }

    private FanoutPhase() {
    }

    /** Counts only: a report's gone ids could be thousands long. */
    private static String problem(FanoutReport report, int recipients) {
        return report.delivered() == recipients ? null : "delivered=" + report.delivered() + " gone=" + report.gone()
                + " failed=" + report.failed() + " retries=" + report.retries();
    }

    static Result run(String baseUrl, List<String> connectionIds, LoadSettings settings, CpuMeter cpu) {
        List<Recipient> recipients = connectionIds.stream().map(id -> new Recipient(id, baseUrl)).toList();
        List<String> frames = List.of(Frames.ofBytes(settings.frameBytes()));
        // One HTTP connection per recipient in flight, as wrk gets one per concurrent request.
        try (ManagementApiClients clients = settings.postPath().clients(Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")),
                settings.maxInFlight(), Duration.ofSeconds(10))) {
            ManagementApiFanout fanout = new ManagementApiFanout(clients, recipient -> { }, settings.maxInFlight());
            long delivered = 0;
            long notDelivered = 0;
            String firstProblem = null;
            for (int i = 0; i < settings.warmupRounds(); i++) {
                FanoutReport report = fanout.deliver(frames, recipients);
                delivered += report.delivered();
                notDelivered += report.gone() + report.failed();
                firstProblem = firstProblem != null ? firstProblem : problem(report, recipients.size());
            }
            // The wall-clock start lets a profile (bench/fanout.sh with FANOUT_JFR) be cut to the measured rounds.
            FanoutLoad.progress("phase A: measuring " + settings.rounds() + " rounds from " + LocalTime.now());
            long[] roundNanos = new long[settings.rounds()];
            CpuMeter.Snapshot cpuBefore = cpu.snapshot();
            long started = System.nanoTime();
            for (int i = 0; i < settings.rounds(); i++) {
                long roundStart = System.nanoTime();
                FanoutReport report = fanout.deliver(frames, recipients);
                roundNanos[i] = System.nanoTime() - roundStart;
                delivered += report.delivered();
                notDelivered += report.gone() + report.failed();
                firstProblem = firstProblem != null ? firstProblem : problem(report, recipients.size());
            }
            long elapsed = System.nanoTime() - started;
            long calls = (long) recipients.size() * settings.rounds();
            CpuMeter.Snapshot cpuAfter = cpu.snapshot();
            Map<String, Double> cpuPerCall = CpuMeter.microsPerOperation(cpuBefore, cpuAfter, calls);
            Arrays.sort(roundNanos);
            double callsPerSecond = calls / (elapsed / 1e9);
            return new Result(callsPerSecond, roundNanos, delivered, notDelivered, firstProblem, cpuPerCall,
                    CpuMeter.jvmActivity(cpuBefore, cpuAfter, calls));
        }
    }
}
