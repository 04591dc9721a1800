package dev.skysocket.benchmarks.cost;

/**
 * What the connections do, per second. {@code sendsPerConnection} client events go to rooms of {@code roomSize}
 * (the sender excluded from delivery); {@code broadcasts} server events go to every connection.
 */
record Workload(String name, String description, double sendsPerConnection, int roomSize, double broadcasts) {

    static Workload idle() {
        return new Workload("idle", "connected, no events: heartbeat and reconnection only", 0, 0, 0);
    }

    static Workload chat(Inputs in) {
        double rate = in.get("workload.chat.messages_per_second_per_connection");
        int room = (int) in.get("workload.chat.room_size");
        return new Workload("chat", String.format(java.util.Locale.ROOT,
                "every connection sends 1 message per %.0f s to a room of %d", 1 / rate, room), rate, room, 0);
    }

    static Workload broadcast(Inputs in) {
        double rate = in.get("workload.broadcast.events_per_second");
        return new Workload("broadcast", String.format(java.util.Locale.ROOT,
                "the backend publishes %.0f event/s to every connection", rate), 0, 0, rate);
    }
}
