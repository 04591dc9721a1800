package dev.skysocket.store;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

/**
 * This process's registrations in the room directory, per (endpoint, room), renewed when older than half the
 * entry's lifetime. A membership is stored only after its endpoint is registered as a member of the room (and the
 * gateway nodes listed there were told); a gateway node registers as a watcher before it answers a broadcast from
 * memory. Each registration keeps the other member endpoints it learned, plus those notices told since it began: a
 * node whose set is empty has no members elsewhere. That holds because registrations of one room are linearised:
 * of two, the later one's answer lists the earlier endpoint and notifies it.
 */
public final class RoomRegistrations {
    /** One registration: begun at {@code startedAtMs}, done once its answer is in and its notices answered. */
    private static final class Registration {
        final long startedAtMs;
        final boolean member;
        final Set<String> others = ConcurrentHashMap.newKeySet();
        final CompletableFuture<Void> done = new CompletableFuture<>();
        /** Whether a read of the room begun after this registration has added the endpoints it found. */
        volatile boolean seeded;

        Registration(long startedAtMs, boolean member) {
            this.startedAtMs = startedAtMs;
            this.member = member;
        }
    }

    private final RoomDirectory directory;
    private final RoomNotices notices;
    private final long lifetimeMs;
    private final LongSupplier clockMs;
    /** Per room, per endpoint registered there: notices find a room's registrations without a scan. */
    private final Map<RoomKey, Map<String, Registration>> rooms = new ConcurrentHashMap<>();
    private final AtomicInteger begun = new AtomicInteger();

    /**
     * @param lifetimeMs how long an entry lives after a registration; at least twice a membership's lifetime, so
     *                   a membership stored under a registration up to half of it old never outlives the entry
     */
    public RoomRegistrations(RoomDirectory directory, RoomNotices notices, long lifetimeMs, LongSupplier clockMs) {
        if (lifetimeMs < 2) {
            throw new IllegalArgumentException("lifetimeMs must be at least 2 ms");
        }
        this.directory = directory;
        this.notices = notices;
        this.lifetimeMs = lifetimeMs;
        this.clockMs = clockMs;
    }

    /** Before a membership of {@code endpoint} in {@code room} is stored; throws the store's failure. */
    public void beforeJoin(String endpoint, RoomKey room) {
        registration(endpoint, room, true);
    }

    /**
     * The other endpoints this process knows to hold members of {@code room}, registering {@code endpoint} as a
     * watcher first when it has no fresh registration there. A live view: notices add to it.
     */
    public Set<String> othersKnown(String endpoint, RoomKey room) {
        return registration(endpoint, room, false).others;
    }

    /**
     * What this process knows of {@code room}'s other endpoints as {@code endpoint}, registering it as a watcher
     * first when it has no fresh registration there; see {@link Known}.
     */
    public Known known(String endpoint, RoomKey room) {
        return new Known(endpoint, registration(endpoint, room, false));
    }

    /**
     * One registration's knowledge. Before it answers "no members elsewhere" it needs one read of the room begun
     * after the registration: members stored without a registration (before the directory was turned on, or by a
     * version without it) are found only there.
     */
    public static final class Known {
        private final String endpoint;
        private final Registration registration;

        private Known(String endpoint, Registration registration) {
            this.endpoint = endpoint;
            this.registration = registration;
        }

        /** True once a read was seeded in and neither it, the answer nor a notice named another endpoint. */
        public boolean noMembersElsewhere() {
            return registration.seeded && registration.others.isEmpty();
        }

        /** Whether a read of the room must still be {@link #seed seeded} in. */
        public boolean needsSeed() {
            return !registration.seeded;
        }

        /** The endpoints of the members a read begun after this registration found elsewhere. */
        public void seed(Collection<String> endpoints) {
            for (String found : endpoints) {
                if (found != null && !found.equals(endpoint)) {
                    registration.others.add(found);
                }
            }
            registration.seeded = true;
        }
    }

    /** A notice: {@code room} has members at {@code endpoint}. Kept by every registration in it but that one's. */
    public void noticed(RoomKey room, String endpoint) {
        // Only registrations present now: one that begins later lists the endpoint in its answer, as the notifier
        // registered before it sent this.
        Map<String, Registration> held = rooms.get(room);
        if (held != null) {
            held.forEach((registered, registration) -> {
                if (!registered.equals(endpoint)) {
                    registration.others.add(endpoint);
                }
            });
        }
    }

    /** Registrations held (for tests). */
    public int size() {
        return rooms.values().stream().mapToInt(Map::size).sum();
    }

    private Registration registration(String endpoint, RoomKey room, boolean member) {
        while (true) {
            long now = clockMs.getAsLong();
            Map<String, Registration> held = rooms.get(room);
            Registration current = held == null ? null : held.get(endpoint);
            if (current != null && now - current.startedAtMs < lifetimeMs / 2 && (current.member || !member)) {
                if (await(current)) {
                    return current;
                }
                continue; // it failed and was dropped: this caller registers
            }
            Registration fresh = new Registration(now, member || current != null && current.member);
            // Inserted under the room's lock, so that dropping an empty room never orphans a registration.
            boolean[] mine = {false};
            rooms.compute(room, (r, map) -> {
                Map<String, Registration> live = map == null ? new ConcurrentHashMap<>(2) : map;
                if (live.get(endpoint) == current) {
                    live.put(endpoint, fresh);
                    mine[0] = true;
                }
                return live;
            });
            if (mine[0]) {
                if ((begun.incrementAndGet() & 1023) == 0) {
                    dropStale(now);
                }
                register(room, endpoint, fresh);
                return fresh;
            }
        }
    }

    private void register(RoomKey room, String endpoint, Registration registration) {
        try {
            RoomDirectory.Listed listed = directory.register(room, endpoint, registration.member,
                    (registration.startedAtMs + lifetimeMs) / 1000, registration.startedAtMs / 1000);
            Set<String> members = new HashSet<>(listed.members());
            members.remove(endpoint);
            registration.others.addAll(members);
            if (registration.member) {
                // Every other endpoint listed may cache this room: members and watchers alike learn the new one.
                Set<String> told = new HashSet<>(members);
                told.addAll(listed.watchers());
                told.remove(endpoint);
                if (!told.isEmpty()) {
                    notices.tell(told, room, endpoint);
                }
            }
            registration.done.complete(null);
        } catch (RuntimeException | Error e) {
            rooms.computeIfPresent(room, (r, held) -> {
                held.remove(endpoint, registration);
                return held.isEmpty() ? null : held;
            });
            registration.done.completeExceptionally(e);
            throw e;
        }
    }

    /**
     * Forgets registrations past half their lifetime (the next use registers again anyway), so a long-running node
     * does not keep one per room it ever used.
     */
    private void dropStale(long now) {
        for (RoomKey room : rooms.keySet()) {
            rooms.computeIfPresent(room, (r, held) -> {
                held.values().removeIf(old -> now - old.startedAtMs >= lifetimeMs / 2 && old.done.isDone());
                return held.isEmpty() ? null : held;
            });
        }
    }

    /** Waits for a registration another caller runs; false when it failed (that caller had the exception). */
    private static boolean await(Registration registration) {
        try {
            registration.done.join();
            return true;
        } catch (CompletionException failed) {
            return false;
        }
    }
}
