package dev.skysocket.benchmarks.cost;

import java.util.Map;

/**
 * Monthly cost of the serverless path from measured counts: billed messages per step (counted at the API Gateway
 * emulator), route invocations, DynamoDB units per operation (ReturnConsumedCapacity on DynamoDB Local) and the
 * idle connection-hour of the heartbeat, times AWS list prices. Every connection stays connected all month and
 * reconnects when the sweep rotates it before API Gateway's 2-hour limit, then joins its workload's rooms again.
 * Each membership stored on this path (a join, a namespace CONNECT's "everyone" room) may first register in the
 * room directory: one UpdateItem the measured counts leave out, counted as {@link #registrations} says.
 */
final class CostModel {
    /** Lambda gives one vCPU at 1,769 MB: CPU-bound work costs this many GB-seconds per CPU-second. */
    private static final double GB_PER_VCPU = 1.769;

    private final Inputs in;

    CostModel(Inputs in) {
        this.in = in;
    }

    MonthlyCost month(Workload w, long n) {
        double hours = in.get("hours_per_month");
        double seconds = hours * 3600;
        double reconnects = n * hours * 60 / in.get("rotation_minutes");
        double joins = reconnects * w.joinsPerConnect();
        double registrations = registrations(w, reconnects);
        double idleHours = n * hours;
        double sends = n * w.sendsPerConnection() * seconds;
        double broadcasts = w.broadcasts() * seconds;
        double perDelivered = in.get("events.frames_per_delivered_event");
        double pingsPerHour = in.get("idle.skysocket.frames_out_per_hour");

        double messages = reconnects * (frames("connect") + frames("close"))
                + idleHours * (pingsPerHour + in.get("idle.skysocket.frames_in_per_hour"))
                + joins * frames("join")
                + sends * (in.get("frames.say.in") + (w.roomSize() - 1) * perDelivered)
                + broadcasts * n * perDelivered;
        double connectionMinutes = n * hours * 60;

        double invocations = reconnects * (in.get("frames.connect.invocations")
                        + in.get("lambda.open_step_invocations") + in.get("frames.close.invocations"))
                + idleHours * in.get("idle.skysocket.default_invocations_per_hour")
                + hours * in.get("idle.skysocket.sweeps_per_hour")
                + joins * in.get("frames.join.invocations")
                + sends * in.get("frames.say.invocations")
                + broadcasts;
        double recipients = reconnects * in.get("frames.connect.out") + idleHours * pingsPerHour
                + joins * in.get("frames.join.out")
                + sends * Math.max(0, w.roomSize() - 1) + broadcasts * n;
        double gbSeconds = invocations * in.get("lambda.base_ms") / 1000 * in.get("lambda.memory_mb") / 1024
                + recipients * in.get("lambda.fanout_cpu_ms_per_recipient") / 1000 * GB_PER_VCPU
                + hours * sweepSecondsPerHour() * in.get("lambda.memory_mb") / 1024
                + registrations * in.get("directory.registration_ms") / 1000 * in.get("lambda.memory_mb") / 1024;

        double roomUnits = w.roomSize() > 0 ? roomQueryUnits(w.roomSize()) : 0;
        double rru = reconnects * (in.get("op.connect.rru") + in.get("op.namespace_connect.rru")
                        + in.get("op.disconnect.rru"))
                + idleHours * in.get("idle.skysocket.pong_rru_per_hour")
                + hours * in.get("idle.skysocket.sweep_rru_per_hour")
                + hours * in.get("idle.skysocket.sweep_stack_rru_per_hour")
                + joins * in.get("op.join.rru")
                + sends * (in.get("op.echo.rru") + roomUnits)
                + broadcasts * (w.broadcasts() > 0 ? roomQueryUnits(n) : 0);
        double wru = reconnects * (in.get("op.connect.wru") + in.get("op.namespace_connect.wru")
                        + in.get("op.disconnect.wru"))
                + idleHours * (in.get("idle.skysocket.pong_wru_per_hour")
                        + in.get("idle.skysocket.sweep_wru_per_hour"))
                + hours * in.get("idle.skysocket.sweep_stack_wru_per_hour")
                + joins * in.get("op.join.wru")
                + registrations * in.get("directory.registration_wru");

        double apiGateway = messages / 1e6 * in.get("price.apigw.per_million_messages")
                + connectionMinutes / 1e6 * in.get("price.apigw.per_million_connection_minutes");
        double lambda = invocations / 1e6 * in.get("price.lambda.per_million_requests")
                + gbSeconds * in.get("price.lambda.per_gb_second");
        double dynamodb = rru / 1e6 * in.get("price.dynamodb.per_million_rru")
                + wru / 1e6 * in.get("price.dynamodb.per_million_wru");
        boolean extrapolated = (w.roomSize() > 0 && !measured(w.roomSize()))
                || (w.broadcasts() > 0 && !measured(n));
        return new MonthlyCost(w, n, messages, connectionMinutes, invocations, gbSeconds, rru, wru, apiGateway,
                lambda, dynamodb, extrapolated);
    }

    /**
     * Room directory registrations a month on the API Gateway path. A Lambda execution environment registers its
     * endpoint in a room before it stores a membership there, then not again in that room for half the entry's
     * lifetime (2 h 10 min at the defaults); each (re)connection stores the namespace's "everyone" room and the
     * workload's joins. How many environments touch a room is not measured, so {@code
     * directory.registrations_per_membership} says what share of those memberships registers: 1, every one, is
     * the upper bound whatever the concurrency.
     */
    double registrations(Workload w, double reconnects) {
        return reconnects * (1 + w.joinsPerConnect()) * in.get("directory.registrations_per_membership");
    }

    /**
     * Billed seconds an hour the heartbeat spends beyond one route invocation's time each run: it sleeps between
     * its passes while anything falls due before the next run, and each further pass costs a route invocation's
     * time. In a fleet of a thousand connections or more every 15 s slot has connections due, so every run lasts
     * through its own minute until it sees the next run start: the busy figures (bench/capacity.sh), not the
     * single idle connection's.
     */
    double sweepSecondsPerHour() {
        double extraPasses = in.get("idle.skysocket.sweep_busy_passes_per_hour")
                - in.get("idle.skysocket.sweeps_per_hour");
        return in.get("idle.skysocket.sweep_busy_seconds_per_hour") + extraPasses * in.get("lambda.base_ms") / 1000;
    }

    /** The Fargate fallback's compute and load balancer per month (DynamoDB for rooms comes on top). */
    double fallbackCompute(long n) {
        double hours = in.get("hours_per_month");
        double tasks = Math.max(in.get("fargate.min_tasks"), Math.ceil(n / in.get("fargate.connections_per_task")));
        double task = in.get("fargate.task_vcpu") * in.get("price.fargate.per_vcpu_hour")
                + in.get("fargate.task_gb") * in.get("price.fargate.per_gb_hour");
        double lcus = Math.max(1, n / in.get("alb.connections_per_lcu"));
        return hours * (tasks * task + in.get("price.alb.per_hour") + lcus * in.get("price.alb.per_lcu_hour"));
    }

    /**
     * Read units of one room lookup: the measured figure for this room size (any table size: it does not depend
     * on it), else the per-member rate of the largest room measured times the size.
     */
    double roomQueryUnits(long members) {
        Map<String, Double> measured = in.withPrefix("broadcast.rru.room");
        String exact = measured.keySet().stream().filter(k -> k.startsWith(members + ".")).findFirst().orElse(null);
        if (exact != null) {
            return measured.get(exact);
        }
        long largest = 0;
        double units = 0;
        for (Map.Entry<String, Double> e : measured.entrySet()) {
            long size = Long.parseLong(e.getKey().substring(0, e.getKey().indexOf('.')));
            if (size > largest) {
                largest = size;
                units = e.getValue();
            }
        }
        if (largest == 0) {
            throw new IllegalStateException("no broadcast.rru.room* counts: run bench/capacity.sh");
        }
        return units / largest * members;
    }

    private boolean measured(long members) {
        return in.withPrefix("broadcast.rru.room").keySet().stream().anyMatch(k -> k.startsWith(members + "."));
    }

    private double frames(String step) {
        return in.get("frames." + step + ".in") + in.get("frames." + step + ".out");
    }
}
