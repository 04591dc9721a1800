package dev.skysocket.gateway.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.store.Member;
import dev.skysocket.store.SocketRecord;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The in-memory index of this node's memberships follows the store's rules for live sockets. */
class LocalRoomsTest {
    private static final String HERE = "http://10.0.0.1:3002";
    private final LocalRooms rooms = new LocalRooms(HERE);

    private static SocketRecord socket(String connection, String namespace, String socketId) {
        return new SocketRecord(connection, namespace, socketId, "t", null, null, null, 0);
    }

    @Test
    void aStoredSocketsJoinIsIndexedWithThisNodesEndpoint() {
        SocketRecord a = socket("c1", "/", "s1");
        rooms.socketStored(a);

        rooms.joined(a, HERE, "lobby");

        assertThat(rooms.members("t", "/", "lobby")).containsExactly(new Member("s1", "c1", HERE));
        assertThat(rooms.members("t", "/chat", "lobby")).isEmpty();
        assertThat(rooms.members("other", "/", "lobby")).isEmpty();
    }

    @Test
    void aJoinForASocketThatIsNotStoredOrNotOursIsNotIndexed() {
        SocketRecord unknown = socket("c1", "/", "s1");
        rooms.joined(unknown, HERE, "lobby");
        SocketRecord elsewhere = socket("c2", "/", "s2");
        rooms.socketStored(elsewhere);
        rooms.joined(elsewhere, "https://abc.execute-api.us-east-1.amazonaws.com/prod", "lobby");

        assertThat(rooms.members("t", "/", "lobby")).isEmpty();
    }

    @Test
    void aJoinNamingAReplacedSocketIdIsIgnoredAndTheReplacementStartsWithNoRooms() {
        SocketRecord first = socket("c1", "/", "s1");
        rooms.socketStored(first);
        rooms.joined(first, HERE, "lobby");

        SocketRecord second = socket("c1", "/", "s2");
        rooms.socketStored(second);
        rooms.joined(first, HERE, "late");

        assertThat(rooms.members("t", "/", "lobby")).isEmpty();
        assertThat(rooms.members("t", "/", "late")).isEmpty();
        assertThat(rooms.socketCount()).isEqualTo(1);
    }

    @Test
    void leavingRemovesOnlyThatRoomAndEmptyRoomsAreDropped() {
        SocketRecord a = socket("c1", "/", "s1");
        rooms.socketStored(a);
        rooms.joined(a, HERE, "lobby");
        rooms.joined(a, HERE, "kitchen");

        rooms.left(a, "lobby");

        assertThat(rooms.members("t", "/", "lobby")).isEmpty();
        assertThat(rooms.members("t", "/", "kitchen")).hasSize(1);
        assertThat(rooms.roomCount()).isEqualTo(1);
    }

    @Test
    void removingASocketOrItsConnectionDropsEveryMembership() {
        SocketRecord a = socket("c1", "/", "s1");
        SocketRecord b = socket("c1", "/chat", "s2");
        SocketRecord c = socket("c2", "/", "s3");
        for (SocketRecord s : new SocketRecord[] {a, b, c}) {
            rooms.socketStored(s);
            rooms.joined(s, HERE, "lobby");
        }

        rooms.socketRemoved(a);
        assertThat(rooms.members("t", "/", "lobby")).extracting(Member::socketId).containsExactly("s3");
        rooms.connectionRemoved("c1");
        rooms.joined(b, HERE, "again");

        assertThat(rooms.members("t", "/chat", "lobby")).isEmpty();
        assertThat(rooms.members("t", "/chat", "again")).isEmpty();
        assertThat(rooms.members("t", "/", "lobby")).extracting(Member::socketId).containsExactly("s3");
        assertThat(rooms.socketCount()).isEqualTo(1);
    }

    @Test
    void aResyncFollowsTheStoredRoomsKeepsTheOwnIdRoomAndDropsASocketNoLongerStored() {
        SocketRecord a = socket("c1", "/", "s1");
        SocketRecord b = socket("c1", "/chat", "s2");
        rooms.socketStored(a);
        rooms.socketStored(b);
        rooms.joined(a, HERE, "s1");
        rooms.joined(a, HERE, "old");
        rooms.joined(b, HERE, "lobby");
        SocketRecord stored = new SocketRecord("c1", "/", "s1", "t", Set.of("new"), null, null, 0);

        rooms.resync("c1", List.of(stored));

        assertThat(rooms.members("t", "/", "new")).containsExactly(new Member("s1", "c1", HERE));
        assertThat(rooms.members("t", "/", "s1")).containsExactly(new Member("s1", "c1", HERE));
        assertThat(rooms.members("t", "/", "old")).isEmpty();
        assertThat(rooms.members("t", "/chat", "lobby")).isEmpty();
        assertThat(rooms.socketCount()).isEqualTo(1);
    }

    @Test
    void aResyncNeverMakesASocketLiveThatThisNodeDidNotStore() {
        SocketRecord stored = new SocketRecord("c9", "/", "s9", "t", Set.of("lobby"), null, null, 0);

        rooms.resync("c9", List.of(stored));

        assertThat(rooms.members("t", "/", "lobby")).isEmpty();
        assertThat(rooms.socketCount()).isZero();
    }
}
