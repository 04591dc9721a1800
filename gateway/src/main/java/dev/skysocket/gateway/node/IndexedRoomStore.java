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
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.Collectors;

/**
 * The store's rooms with this node's own memberships answered from {@link LocalRooms}: a broadcast asks the
 * store only for members on other endpoints (other nodes, API Gateway connections) and adds the local ones from
 * memory. Writes go to the store first and reach the index only when the store accepted them; a leave leaves
 * the index first, so a failed store call never keeps delivering to a socket its handler removed. Broadcasts
 * into one room at the same time share one read of the other endpoints' members, begun after each of them asked.
 * With the room directory on, that read is skipped when this node's registration in the room knows no other
 * endpoint with members ({@link RoomRegistrations}) and a first read begun after the registration found none
 * (members stored without a registration); a room that may be another node's socket's own id, or a presence
 * marker, which no directory lists, is always read.
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
        Iterable<Member> elsewhere = () -> elsewhere(tenant, namespace, room).iterator();
        Iterable<Member> here = local.members(tenant, namespace, room);
        return () -> concat(elsewhere.iterator(), here.iterator());
    }

    /**
     * The other endpoints' members: none without a read when the directory says so; otherwise one read, shared by
     * the emits into the room at that moment (CoalescedReads), which also seeds a registration that needs it.
     */
    private List<Member> elsewhere(String tenant, String namespace, String room) {
        RoomRegistrations.Known known = known(tenant, namespace, room);
        if (known != null && known.noMembersElsewhere()) {
            return List.of();
        }
        List<Member> found = reads.read(new RoomKey(tenant, namespace, room), () -> {
            List<Member> read = new ArrayList<>();
            store.membersElsewhere(tenant, namespace, room, local.endpoint()).forEach(read::add);
            return read;
        });
        if (known != null && known.needsSeed()) {
            known.seed(found.stream().map(Member::endpoint).collect(Collectors.toSet()));
        }
        return found;
    }

    /**
     * This node's registration in the room, or null when the directory is off, cannot answer (a failed
     * registration: the room is read as without it), or does not cover the room: a room that may be another
     * node's socket's own id, or a presence marker, which no directory lists.
     */
    private RoomRegistrations.Known known(String tenant, String namespace, String room) {
        if (directory == null || PresenceRooms.isMarker(room)
                || SocketIdPrefix.mayBeSocketId(room) && !local.holdsSocket(tenant, namespace, room)) {
            return null;
        }
        try {
            return directory.known(local.endpoint(), new RoomKey(tenant, namespace, room));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "event=room_directory_unavailable error={0}",
                    e.getClass().getSimpleName());
            return null;
        }
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
