package dev.skysocket.functions.bench;

import dev.skysocket.functions.bench.ColdStart.Route;
import dev.skysocket.functions.bench.ColdStart.Sample;
import dev.skysocket.functions.bench.ColdStart.Variant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Spawns one function JVM under the runtime client, feeds it events one at a time, and times them. */
final class Children {
    private static final long TIMEOUT_S = 180;

    private final RuntimeApiServer runtimeApi;
    private final Map<String, String> env;
    private final String jvmOpts;
    private final Path logs;
    private final String domain;

    Children(RuntimeApiServer runtimeApi, Map<String, String> env, String jvmOpts, Path logs, String domain) {
        this.runtimeApi = runtimeApi;
        this.env = env;
        this.jvmOpts = jvmOpts;
        this.logs = logs;
        this.domain = domain;
    }

    /**
     * One JVM for one route. {@code $connect} stores fresh connections and adds their ids to {@code ids};
     * {@code $default} sends Socket.IO CONNECT ({@code 40}) on those ids, one per event, so each call does the
     * full work: find the connection, store the socket, post {@code 40{"sid":...}} through the Management API.
     */
    Sample run(Variant variant, Route route, int run, int warm, List<String> ids) throws Exception {
        runtimeApi.reset();
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmOpts.trim().split("\\s+")));
        command.addAll(List.of("-cp", ColdStart.classPath(variant), ColdStart.RIC_MAIN,
                variant == Variant.QUARKUS ? ColdStart.QUARKUS_HANDLER : ColdStart.PLAIN_HANDLER));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(logs.resolve(String.format(Locale.ROOT, "%s-%s-%d.log",
                        variant.name().toLowerCase(Locale.ROOT), route.name().toLowerCase(Locale.ROOT), run)).toFile());
        builder.environment().putAll(env);
        builder.environment().put("QUARKUS_LAMBDA_HANDLER", route == Route.CONNECT ? "connect" : "default");
        builder.environment().put("AWS_LAMBDA_FUNCTION_NAME", "skysocket-" + route.name().toLowerCase(Locale.ROOT));

        RuntimeApiServer.Invocation first = runtimeApi.submit(event(route, ids, 0));
        long spawned = System.nanoTime();
        Process process = builder.start();
        try {
            long polled = runtimeApi.firstPoll().get(TIMEOUT_S, TimeUnit.SECONDS);
            long answered = first.answered().get(TIMEOUT_S, TimeUnit.SECONDS);
            long handedOut = first.handedOut().get();
            double[] warmMs = new double[warm];
            for (int i = 0; i < warm; i++) {
                RuntimeApiServer.Invocation next = runtimeApi.submit(event(route, ids, i + 1));
                long done = next.answered().get(TIMEOUT_S, TimeUnit.SECONDS);
                warmMs[i] = (done - next.handedOut().get()) / 1e6;
            }
            return new Sample(variant, route, (polled - spawned) / 1e6, (answered - spawned) / 1e6,
                    (answered - handedOut) / 1e6, warmMs);
        } catch (Exception e) {
            throw new IllegalStateException(variant + " " + route + " failed (see " + logs + "); init error: "
                    + runtimeApi.initError(), e);
        } finally {
            ColdStart.stop(process);
        }
    }

    private String event(Route route, List<String> ids, int index) {
        if (route == Route.CONNECT) {
            String id = Events.newConnectionId();
            ids.add(id);
            return Events.connect(id, domain);
        }
        if (index >= ids.size()) {
            throw new IllegalStateException("not enough stored connections for $default: " + ids.size());
        }
        return Events.message(ids.get(index), domain, "40");
    }
}
