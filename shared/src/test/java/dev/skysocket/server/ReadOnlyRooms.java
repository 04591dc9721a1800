package dev.skysocket.server;

import dev.skysocket.store.Member;
import dev.skysocket.store.RoomStore;
import dev.skysocket.store.SocketRecord;
import java.util.function.Supplier;

/** A room store for broadcast tests: every room's members are what the test supplies; nothing joins or leaves. */
final class ReadOnlyRooms implements RoomStore {
    private final Supplier<Iterable<Member>> members;

    ReadOnlyRooms(Supplier<Iterable<Member>> members) {
        this.members = members;
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
