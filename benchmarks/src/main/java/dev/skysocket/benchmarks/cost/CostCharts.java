package dev.skysocket.benchmarks.cost;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/** PNG charts of how each cost grows with its load, drawn from the same inputs as the tables. */
final class CostCharts {
    static final long[] CONNECTIONS = {1_000, 3_000, 10_000, 30_000, 100_000};

    private final Inputs in;
    private final CostModel model;
    private final Path dir;

    CostCharts(Inputs in, CostModel model, Path dir) {
        this.in = in;
        this.model = model;
        this.dir = dir;
    }

    List<Path> drawAll(List<Workload> workloads) throws IOException {
        Files.createDirectories(dir);
        return List.of(broadcastUnits(), idleMessages(),
                perConnections("messages-per-month.png", "Billed API Gateway messages per month",
                        "messages per month", workloads, MonthlyCost::messages, false),
                perConnections("cost-per-month.png", "Cost per month, serverless path (us-east-1 list prices)",
                        "USD per month", workloads, MonthlyCost::total, true));
    }

    /** Room Query units against room size, one series per table size, and the sample's Scan against table size. */
    private Path broadcastUnits() throws IOException {
        XYChart chart = xy("Read units per broadcast lookup", "room members (Query) or connections in table (Scan)",
                "read units per broadcast");
        Map<Long, Map<Long, Double>> byTable = new TreeMap<>();
        in.withPrefix("broadcast.rru.room").forEach((key, units) -> {
            String[] parts = key.split("\\.table");
            byTable.computeIfAbsent(Long.parseLong(parts[1]), t -> new TreeMap<>())
                    .put(Long.parseLong(parts[0]), units);
        });
        byTable.forEach((table, rooms) -> chart.addSeries(String.format("room Query, table of %,d", table),
                doubles(rooms.keySet()), rooms.values().stream().mapToDouble(Double::doubleValue).toArray()));
        Map<Long, Double> scans = new TreeMap<>();
        in.withPrefix("scan.sample.rru.table").forEach((k, v) -> scans.put(Long.parseLong(k), v));
        if (!scans.isEmpty()) {
            chart.addSeries("Scan of every connection (AWS sample)", doubles(scans.keySet()),
                    scans.values().stream().mapToDouble(Double::doubleValue).toArray());
        }
        return save(chart, "broadcast-read-units.png");
    }

    private Path idleMessages() throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(800).height(450)
                .title("Billed messages per idle connection-hour").yAxisTitle("messages").build();
        chart.getStyler().setLegendVisible(false);
        List<String> names = new ArrayList<>(List.of("Skysocket (570 s ping, 15 s passes)"));
        List<Number> values = new ArrayList<>(List.of(idle("skysocket")));
        if (in.has("idle.socketio.frames_out_per_hour")) {
            names.add("Socket.IO default (25 s ping)");
            values.add(idle("socketio"));
        }
        chart.addSeries("messages", names, values);
        return save(chart, "idle-messages.png");
    }

    private double idle(String name) {
        return in.get("idle." + name + ".frames_out_per_hour") + in.get("idle." + name + ".frames_in_per_hour");
    }

    private Path perConnections(String file, String title, String yTitle, List<Workload> workloads,
                                ToDoubleFunction<MonthlyCost> value, boolean withFallback) throws IOException {
        XYChart chart = xy(title, "connections", yTitle);
        double[] x = doubles(java.util.Arrays.stream(CONNECTIONS).boxed().toList());
        for (Workload w : workloads) {
            double[] y = java.util.Arrays.stream(CONNECTIONS).mapToDouble(n -> value.applyAsDouble(model.month(w, n)))
                    .toArray();
            chart.addSeries(w.name(), x, y);
        }
        if (withFallback) {
            chart.addSeries("Fargate fallback compute + ALB", x,
                    java.util.Arrays.stream(CONNECTIONS).mapToDouble(model::fallbackCompute).toArray());
        }
        return save(chart, file);
    }

    private static XYChart xy(String title, String xTitle, String yTitle) {
        XYChart chart = new XYChartBuilder().width(800).height(500).title(title).xAxisTitle(xTitle)
                .yAxisTitle(yTitle).build();
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        chart.getStyler().setMarkerSize(7);
        return chart;
    }

    private Path save(org.knowm.xchart.internal.chartpart.Chart<?, ?> chart, String file) throws IOException {
        Path path = dir.resolve(file);
        BitmapEncoder.saveBitmap(chart, path.toString(), BitmapEncoder.BitmapFormat.PNG);
        return path;
    }

    private static double[] doubles(java.util.Collection<Long> values) {
        return values.stream().mapToDouble(Long::doubleValue).toArray();
    }
}
