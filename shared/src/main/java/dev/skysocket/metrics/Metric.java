package dev.skysocket.metrics;

/**
 * Every metric a Skysocket process reports, with its CloudWatch name and unit. One list, so the Embedded Metric
 * Format writer, the Prometheus endpoint, the template's alarms and its dashboard all use the same names.
 */
public enum Metric {
    CONNECTIONS_OPENED("ConnectionsOpened", Unit.COUNT),
    CONNECTIONS_CLOSED("ConnectionsClosed", Unit.COUNT),
    EVENTS_IN("EventsIn", Unit.COUNT),
    EVENTS_OUT("EventsOut", Unit.COUNT),
    FANOUT_DELIVERED("FanoutDelivered", Unit.COUNT),
    FANOUT_GONE("FanoutGone", Unit.COUNT),
    FANOUT_FAILED("FanoutFailed", Unit.COUNT),
    FANOUT_RETRIED("FanoutRetried", Unit.COUNT),
    OPEN_STEP_LATENCY("OpenStepLatency", Unit.MILLISECONDS),
    OPEN_STEP_GIVE_UPS("OpenStepGiveUps", Unit.COUNT),
    HEARTBEAT_PINGS("HeartbeatPings", Unit.COUNT),
    HEARTBEAT_TIMEOUTS("HeartbeatTimeouts", Unit.COUNT),
    HEARTBEAT_ROTATIONS("HeartbeatRotations", Unit.COUNT),
    STORE_THROTTLES("StoreThrottles", Unit.COUNT),
    QUOTA_REFUSALS("QuotaRefusals", Unit.COUNT),
    RATE_LIMIT_CLOSES("RateLimitCloses", Unit.COUNT),
    REVOKED_CLOSES("RevokedCloses", Unit.COUNT),
    REVOKED_REFUSALS("RevokedRefusals", Unit.COUNT),
    PRESENCE_JOINS("PresenceJoins", Unit.COUNT),
    PRESENCE_LEAVES("PresenceLeaves", Unit.COUNT),
    REPLAY_LOG_FAILURES("ReplayLogFailures", Unit.COUNT),
    ROOM_NOTICE_FAILURES("RoomNoticeFailures", Unit.COUNT);

    /** CloudWatch's unit names, as Embedded Metric Format spells them. */
    public enum Unit {
        COUNT("Count"),
        MILLISECONDS("Milliseconds");

        private final String cloudWatchName;

        Unit(String cloudWatchName) {
            this.cloudWatchName = cloudWatchName;
        }

        public String cloudWatchName() {
            return cloudWatchName;
        }
    }

    private final String metricName;
    private final Unit unit;

    Metric(String metricName, Unit unit) {
        this.metricName = metricName;
        this.unit = unit;
    }

    /** The name in CloudWatch (namespace {@code Skysocket}). */
    public String metricName() {
        return metricName;
    }

    public Unit unit() {
        return unit;
    }
}
