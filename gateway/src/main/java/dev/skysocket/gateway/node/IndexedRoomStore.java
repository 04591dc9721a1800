package dev.skysocket.gateway.node;

import dev.skysocket.store.Member;
import dev.skysocket.store.PresenceRooms;
import dev.skysocket.store.PresenceStore;
import dev.skysocket.store.RoomKey;
import dev.skysocket.store.RoomRegistrations;
import dev.skysocket.store.RoomStore;
import dev.skysocket.store.SocketIdPrefix;
import dev.skysocket.store.SocketRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The store's rooms with this node's own memberships answered from {@link LocalRooms}: a broadcast asks the
 * store only for members on other endpoints (other nodes, API Gateway connections) and adds the local ones from
 * memory. Writes go to the store first and reach the index only when the store accepted them; a leave leaves
 * the index first, so a failed store call never keeps delivering to a socket its handler removed. Broadcasts
 * into one room at the same time share one read of the other endpoints' members, begun after each of them asked.
 * With the room directory on, that read is skipped when this node's registration in the room knows no other
 * endpoint with members ({@link RoomRegistrations}), after one read per registration for members stored without
 * one; a room that may be another node's socket's own id, or a presence marker, which no directory lists, is
 * always read.
 */
final class IndexedRoomStore implements RoomStore {
    private static final System.Logger LOG = System.getLogger(IndexedRoomStore.class.getName());

    private final RoomStore store;
    private final LocalRooms local;
    private final RoomRegistrations directory;
    private final CoalescedReads<RoomKey, List<Member>> reads = new CoalescedReads<>();

    /** @param directory this process's room directory registrations, or null when the directory is off */
    IndexedRoomStore(RoomStore store, LocalRooms local, RoomRegistrations directory) {
        this.store = store;
        this.local = local;
        this.directory = directory;
    }

    @Override
    public void join(SocketRecord socket, String endpoint, String room, long expiresAt) {
        store.join(socket, endpoint, room, expiresAt);
        local.joined(socket, endpoint, room);
    }

    @Override
    public void addMemberships(SocketRecord socket, String endpoint, Collection<String> rooms, long expiresAt) {
        store.addMemberships(socket, endpoint, rooms, expiresAt);
        for (String room : rooms) {
            local.joined(socket, endpoint, room);
        }
    }

    @Override
    public void leave(SocketRecord socket, String room) {
        local.left(socket, room);
        store.leave(socket, room);
    }

    @Override
    public Iterable<Member> members(String tenant, String namespace, String room) {
        // Emits into one room at once share one read of the other endpoints' members (CoalescedReads).
        Iterable<Member> elsewhere = () -> !mayHaveMembersElsewhere(tenant, namespace, room)
                ? Collections.emptyIterator() : reads.read(new RoomKey(tenant, namespace, room), () -> {
            List<Member> found = new ArrayList<>();
            store.membersElsewhere(tenant, namespace, room, local.endpoint()).forEach(found::add);
            return found;
        }).iterator();
        Iterable<Member> here = local.members(tenant, namespace, room);
        return () -> concat(elsewhere.iterator(), here.iterator());
    }

    /** False only when the directory says no other endpoint has members in the room; a failed look reads. */
    private boolean mayHaveMembersElsewhere(String tenant, String namespace, String room) {
        if (directory == null || PresenceRooms.isMarker(room)
                || SocketIdPrefix.mayBeSocketId(room) && !local.holdsSocket(tenant, namespace, room)) {
            return true;
        }
        try {
            return !directory.othersKnown(local.endpoint(), new RoomKey(tenant, namespace, room),
                    () -> firstEndpointElsewhere(tenant, namespace, room)).isEmpty();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "event=room_directory_unavailable error={0}",
                    e.getClass().getSimpleName());
            return true;
        }
    }

    /**
     * Once per registration: whether members stored without one (before the directory was on) are elsewhere. The
     * first one found is enough to keep reading the room; one page at most.
     */
    private Set<String> firstEndpointElsewhere(String tenant, String namespace, String room) {
        Iterator<Member> found = store.membersElsewhere(tenant, namespace, room, local.endpoint()).iterator();
        return found.hasNext() ? Set.of(String.valueOf(found.next().endpoint())) : Set.of();
    }

    /** Presence is not indexed: its entries are read from the store. */
    @Override
    public PresenceStore presence() {
        return store.presence();
    }

    /** This node's own members, from memory: a broadcast reaches them before it reads the other endpoints'. */
    @Override
    public Iterable<Member> membersHeldHere(String tenant, String namespace, String room) {
        return local.members(tenant, namespace, room);
    }

    private static Iterator<Member> concat(Iterator<Member> first, Iterator<Member> second) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return first.hasNext() || second.hasNext();
            }

            @Override
            public Member next() {
                if (first.hasNext()) {
                    return first.next();
                }
                if (second.hasNext()) {
                    return second.next();
                }
                throw new NoSuchElementException();
            }
        };
    }
}
