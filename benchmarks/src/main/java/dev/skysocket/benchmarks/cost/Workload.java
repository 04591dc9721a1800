package dev.skysocket.benchmarks.cost;

/**
 * What the connections do. {@code sendsPerConnection} client events a second go to rooms of {@code roomSize} (the
 * sender excluded from delivery); {@code joinsPerConnect} rooms each connection joins after every (re)connection,
 * each a client {@code join} event with its ack; {@code broadcasts} server events a second go to every connection.
 */
record Workload(String name, String description, double sendsPerConnection, int roomSize, int joinsPerConnect,
                double broadcasts) {

    static Workload idle() {
        return new Workload("idle", "connected, no events: heartbeat and reconnection only", 0, 0, 0, 0);
    }

    /** A chat client joins its room again after every reconnection: its memberships went with the old socket. */
    static Workload chat(Inputs in) {
        double rate = in.get("workload.chat.messages_per_second_per_connection");
        int room = (int) in.get("workload.chat.room_size");
        return new Workload("chat", String.format(java.util.Locale.ROOT,
                "every connection joins a room of %d after each (re)connection and sends 1 message per %.0f s to it",
                room, 1 / rate), rate, room, 1, 0);
    }

    /**
     * No join: an event for every connection goes to the namespace, whose "everyone" room each socket is in from
     * its namespace CONNECT (counted with the reconnection), so the clients send nothing to receive it.
     */
    static Workload broadcast(Inputs in) {
        double rate = in.get("workload.broadcast.events_per_second");
        return new Workload("broadcast", String.format(java.util.Locale.ROOT,
                "the backend publishes %.0f event/s to every connection (no join: the namespace's own room)", rate),
                0, 0, 0, rate);
    }
}
