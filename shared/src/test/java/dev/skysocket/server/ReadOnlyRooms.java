package dev.skysocket.server;

import dev.skysocket.store.Member;
import dev.skysocket.store.RoomStore;
import dev.skysocket.store.SocketRecord;
import java.util.List;
import java.util.function.Supplier;

/** A room store for broadcast tests: every room's members are what the test supplies; nothing joins or leaves. */
final class ReadOnlyRooms implements RoomStore {
    private final Supplier<Iterable<Member>> members;
    private final Iterable<Member> held;

    ReadOnlyRooms(Supplier<Iterable<Member>> members) {
        this(members, List.of());
    }

    /** As a gateway node's index: {@code held} are this node's own members, answered from memory. */
    ReadOnlyRooms(Supplier<Iterable<Member>> members, Iterable<Member> held) {
        this.members = members;
        this.held = held;
    }

    @Override
    public Iterable<Member> membersHeldHere(String tenant, String namespace, String room) {
        return held;
    }

    @Override
    public void join(SocketRecord socket, String endpoint, String room, long expiresAt) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void leave(SocketRecord socket, String room) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Iterable<Member> members(String tenant, String namespace, String room) {
        return members.get();
    }
}
