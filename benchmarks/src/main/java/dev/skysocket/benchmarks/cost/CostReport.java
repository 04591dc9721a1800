package dev.skysocket.benchmarks.cost;

import dev.skysocket.benchmarks.Args;
import dev.skysocket.benchmarks.CountsFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Prints the monthly cost tables (Markdown) from the measured counts file and the prices-and-assumptions file,
 * and draws the charts. Re-run it after the benchmarks; never edit its output by hand.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.skysocket.benchmarks.cost.CostReport \
 *     --counts=docs/benchmarks/counts.properties --inputs=bench/cost/inputs.properties --charts=docs/benchmarks</pre>
 */
public final class CostReport {
    private static final long[] CONNECTIONS = {1_000, 10_000, 100_000};

    private CostReport() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("java.awt.headless", "true");
        Args a = new Args(args);
        Inputs in = new Inputs(CountsFile.read(Path.of(a.string("--counts=", "docs/benchmarks/counts.properties"))),
                CountsFile.read(Path.of(a.string("--inputs=", "bench/cost/inputs.properties"))));
        CostModel model = new CostModel(in);
        List<Workload> workloads = List.of(Workload.idle(), Workload.chat(in), Workload.broadcast(in));

        StringBuilder out = new StringBuilder();
        out.append("Workloads: ");
        workloads.forEach(w -> out.append("**").append(w.name()).append("**: ").append(w.description()).append("; "));
        out.append(String.format(Locale.ROOT, "all connections open all month (%.0f h), rotated every %.0f min.%n%n",
                in.get("hours_per_month"), in.get("rotation_minutes")));
        out.append("| connections | workload | billed messages | Lambda invocations | DynamoDB RRU / WRU | "
                + "API Gateway | Lambda | DynamoDB | **total per month** |\n");
        out.append("|---:|---|---:|---:|---:|---:|---:|---:|---:|\n");
        boolean extrapolated = false;
        boolean overTier = false;
        for (long n : CONNECTIONS) {
            for (Workload w : workloads) {
                MonthlyCost c = model.month(w, n);
                extrapolated |= c.broadcastExtrapolated();
                boolean over = c.messages() > in.get("price.apigw.first_tier_messages");
                overTier |= over;
                out.append(String.format(Locale.ROOT, "| %,d | %s%s | %s | %s | %s / %s | %s%s | %s | %s | **%s** |%n",
                        n, w.name(), c.broadcastExtrapolated() ? " †" : "", big(c.messages()), big(c.invocations()),
                        big(c.rru()), big(c.wru()), usd(c.apiGateway()), over ? " ‡" : "", usd(c.lambda()),
                        usd(c.dynamodb()), usd(c.total())));
            }
        }
        out.append(joinsNote(in));
        if (extrapolated) {
            out.append("\n† room lookup units extrapolated from the largest room measured (units grow linearly "
                    + "with members, see the capacity table).\n");
        }
        if (overTier) {
            out.append("\n‡ over a billion messages a month: priced at the first tier's $1.00 per million "
                    + "throughout, so an upper bound.\n");
        }
        out.append("\nFargate fallback, compute and load balancer only (DynamoDB for rooms and events on top):\n\n");
        out.append("| connections | tasks × 1 vCPU / 2 GB (assumed 10,000 connections each, at least 2) + ALB |\n");
        out.append("|---:|---:|\n");
        for (long n : CONNECTIONS) {
            out.append(String.format(Locale.ROOT, "| %,d | %s |%n", n, usd(model.fallbackCompute(n))));
        }
        System.out.print(out);

        String charts = a.string("--charts=", null);
        if (charts != null) {
            new CostCharts(in, model, Path.of(charts)).drawAll(workloads)
                    .forEach(p -> System.err.println("chart: " + p));
        }
    }

    /** What a join and a room directory registration add, and the assumption the registrations rest on. */
    private static String joinsNote(Inputs in) {
        double share = in.get("directory.registrations_per_membership");
        String counted = share >= 1 ? "every membership stored is counted as registering"
                : String.format(Locale.ROOT, "%.0f %% of the memberships stored are counted as registering",
                        share * 100);
        String bound = share >= 1 ? "an upper bound; with few warm environments per room the real count is lower"
                : "an assumption, 100 % being the upper bound";
        return String.format(Locale.ROOT, "%nJoins: a chat connection joins its room after every (re)connection: "
                        + "%.0f inbound frame, %.0f ack, %.0f invocation, %s / %s DynamoDB units (measured). Room "
                        + "directory: before it stores a membership (a join, and the namespace's own room at every "
                        + "(re)connection) a Lambda execution environment registers in the room's directory item, "
                        + "unless it did in the last 2 h 10 min (half the entry's lifetime at the defaults). How many "
                        + "environments touch a room is not measured, so %s (%s write unit and an assumed %s ms of "
                        + "Lambda each): %s.%n",
                in.get("frames.join.in"), in.get("frames.join.out"), in.get("frames.join.invocations"),
                num(in.get("op.join.rru")), num(in.get("op.join.wru")), counted,
                num(in.get("directory.registration_wru")), num(in.get("directory.registration_ms")), bound);
    }

    private static String num(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String usd(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "$%,.0f", value) : String.format(Locale.ROOT, "$%.2f", value);
    }

    private static String big(double value) {
        if (value >= 1e9) {
            return String.format(Locale.ROOT, "%.2f B", value / 1e9);
        } else if (value >= 1e6) {
            return String.format(Locale.ROOT, "%.1f M", value / 1e6);
        } else if (value >= 1e3) {
            return String.format(Locale.ROOT, "%.1f k", value / 1e3);
        }
        return String.format(Locale.ROOT, "%.0f", value);
    }
}
