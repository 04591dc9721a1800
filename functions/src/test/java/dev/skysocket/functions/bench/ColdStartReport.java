package dev.skysocket.functions.bench;

import dev.skysocket.functions.bench.ColdStart.Route;
import dev.skysocket.functions.bench.ColdStart.Sample;
import dev.skysocket.functions.bench.ColdStart.Variant;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.function.ToDoubleFunction;

/** The samples as one Markdown table: per route, Quarkus beside plain Java, and their ratio in each run. */
final class ColdStartReport {

    private ColdStartReport() {
    }

    static String markdown(List<Sample> samples, int runs, int warm, String conditions, int asyncInvokes) {
        StringBuilder out = new StringBuilder("| figure | Quarkus | plain Java | Quarkus ÷ plain, per run |\n"
                + "|---|---|---|---|\n");
        for (Route route : Route.values()) {
            String name = route == Route.CONNECT ? "`$connect`" : "`$default` (`40`)";
            row(out, samples, route, name + ": **process start → first response**", Sample::coldMs, true);
            row(out, samples, route, name + ": process start → first poll (init)", Sample::initMs, true);
            row(out, samples, route, name + ": first call", Sample::firstCallMs, true);
            row(out, samples, route, name + ": warm call, median of " + warm, ColdStartReport::warmMedian, true);
            row(out, samples, route, name + ": **first call ÷ warm median**",
                    s -> s.firstCallMs() / warmMedian(s), false);
        }
        out.append("| conditions | ").append(runs).append(" runs, each a fresh JVM per variant and route, order "
                        + "alternating; child JVM ").append(conditions).append("; AWS runtime interface client 2.9.0; "
                        + "DynamoDB Local and the Management API on loopback; ")
                .append(asyncInvokes).append(" async Invokes of the open function accepted (not run); ")
                .append(Runtime.getRuntime().availableProcessors()).append(" CPUs, JDK ")
                .append(System.getProperty("java.version")).append(", load average ").append(load())
                .append(" at the end | | |\n");
        out.append("\nCells: median of the runs (min–max). Ratios are taken within one run.\n");
        return out.toString();
    }

    private static void row(StringBuilder out, List<Sample> samples, Route route, String name,
                            ToDoubleFunction<Sample> metric, boolean millis) {
        double[] quarkus = values(samples, Variant.QUARKUS, route, metric);
        double[] plain = values(samples, Variant.PLAIN, route, metric);
        StringJoiner ratios = new StringJoiner(", ");
        for (int i = 0; i < Math.min(quarkus.length, plain.length); i++) {
            ratios.add(String.format(Locale.ROOT, "%.2f", quarkus[i] / plain[i]));
        }
        out.append("| ").append(name).append(" | ").append(cell(quarkus, millis)).append(" | ")
                .append(cell(plain, millis)).append(" | ").append(millis ? ratios : "").append(" |\n");
    }

    private static double[] values(List<Sample> samples, Variant variant, Route route,
                                   ToDoubleFunction<Sample> metric) {
        return samples.stream().filter(s -> s.variant() == variant && s.route() == route).mapToDouble(metric)
                .toArray();
    }

    private static String cell(double[] values, boolean millis) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        String unit = millis ? " ms" : "×";
        String format = millis ? "%.0f" : "%.1f";
        String median = String.format(Locale.ROOT, format, median(sorted)) + unit;
        if (sorted.length == 1) {
            return median;
        }
        return median + String.format(Locale.ROOT, " (" + format + "–" + format + ")", sorted[0],
                sorted[sorted.length - 1]);
    }

    static double warmMedian(Sample sample) {
        double[] sorted = sample.warmMs().clone();
        Arrays.sort(sorted);
        return median(sorted);
    }

    private static double median(double[] sorted) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static String load() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return load < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f", load);
    }
}
