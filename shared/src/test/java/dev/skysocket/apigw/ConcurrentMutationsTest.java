package dev.skysocket.apigw;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skysocket.api.SocketApp;
import dev.skysocket.api.SocketServer;
import dev.skysocket.store.Member;
import dev.skysocket.store.SocketRecord;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * API Gateway may invoke {@code $default} for one connection many times at once: every change those invocations
 * make to the connection's state must land, whatever the interleaving. Each test fires its frames from many threads
 * released together, each frame a whole {@code $default} invocation against DynamoDB Local.
 */
class ConcurrentMutationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int THREADS = 16;

    private final RouteHarness routes = new RouteHarness(new MutatingApp(), Map.of());
    private final ExecutorService pool = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void close() {
        pool.shutdownNow();
        routes.close();
    }

    @Test
    void aHundredConcurrentMutationsOfOneSocketAllLand() throws Exception {
        String id = connected();
        // State for the removals to remove: 20 keys and 20 rooms, one at a time.
        IntStream.range(0, 20).forEach(i -> routes.send(id, "42[\"set\",\"old" + i + "\",0]"));
        IntStream.range(0, 20).forEach(i -> routes.send(id, "42[\"join\",\"left" + i + "\"]"));
        List<String> frames = new ArrayList<>();
        IntStream.range(0, 30).forEach(i -> frames.add("42[\"set\",\"k" + i + "\"," + i + "]"));
        IntStream.range(0, 20).forEach(i -> frames.add("42[\"unset\",\"old" + i + "\"]"));
        IntStream.range(0, 30).forEach(i -> frames.add("42[\"join\",\"room" + i + "\"]"));
        IntStream.range(0, 20).forEach(i -> frames.add("42[\"leave\",\"left" + i + "\"]"));
        Collections.shuffle(frames);

        sendAllAtOnce(id, frames);

        SocketRecord socket = routes.runtime.context().sockets().findSocket(id, "/").orElseThrow();
        JsonNode data = JSON.readTree(socket.dataJson());
        IntStream.range(0, 30).forEach(i -> assertThat(data.path("k" + i).asInt(-1)).as("k%d", i).isEqualTo(i));
        IntStream.range(0, 20).forEach(i -> assertThat(data.has("old" + i)).as("old%d", i).isFalse());
        IntStream.range(0, 30).forEach(i -> {
            assertThat(socket.rooms()).contains("room" + i);
            assertThat(memberIds("room" + i)).as("room%d", i).containsExactly(socket.socketId());
        });
        IntStream.range(0, 20).forEach(i -> {
            assertThat(socket.rooms()).doesNotContain("left" + i);
            assertThat(memberIds("left" + i)).as("left%d", i).isEmpty();
        });
        assertThat(routes.closedByServer(id)).isFalse();
    }

    @Test
    void joinsRacingTheDisconnectLeaveNoMembershipBehind() throws Exception {
        String id = connected();
        List<Runnable> work = new ArrayList<>();
        IntStream.range(0, 30).forEach(i -> work.add(() -> routes.send(id, "42[\"join\",\"race" + i + "\"]")));
        work.add(15, () -> routes.disconnect(id));

        runAllAtOnce(work);

        assertThat(routes.stored(id)).isFalse();
        assertThat(routes.runtime.context().sockets().sockets(id)).isEmpty();
        IntStream.range(0, 30).forEach(i -> assertThat(memberIds("race" + i)).as("race%d", i).isEmpty());
        assertThat(memberIds("\u0000everyone")).isEmpty();
    }

    @Test
    void aBinaryEventWhoseAttachmentOvertakesItsHeaderIsPutTogether() {
        String id = connected();
        routes.send(id, "bAQID");
        routes.send(id, "42[\"set\",\"between\",1]");
        routes.send(id, "451-[\"set\",\"bytes\",{\"_placeholder\":true,\"num\":0}]");

        JsonNode data = data(id);
        assertThat(data.path("between").asInt()).isEqualTo(1);
        assertThat(data.has("bytes")).isTrue();
        assertThat(routes.runtime.context().connections().find(id).orElseThrow().pending().isEmpty()).isTrue();
        assertThat(routes.closedByServer(id)).isFalse();
    }

    @Test
    void concurrentBinaryEventsWithOneAttachmentEachAreAllPutTogether() throws Exception {
        String id = connected();
        List<String> frames = new ArrayList<>();
        IntStream.range(0, 10).forEach(i -> {
            frames.add("451-[\"set\",\"bin" + i + "\",{\"_placeholder\":true,\"num\":0}]");
            frames.add("bAQID");
        });
        Collections.shuffle(frames);

        sendAllAtOnce(id, frames);

        JsonNode data = data(id);
        IntStream.range(0, 10).forEach(i -> assertThat(data.has("bin" + i)).as("bin%d", i).isTrue());
        assertThat(routes.runtime.context().connections().find(id).orElseThrow().pending().isEmpty()).isTrue();
        assertThat(routes.closedByServer(id)).isFalse();
    }

    private String connected() {
        String id = routes.connect();
        routes.send(id, "40");
        return id;
    }

    private JsonNode data(String id) {
        try {
            return JSON.readTree(routes.runtime.context().sockets().findSocket(id, "/").orElseThrow().dataJson());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private List<String> memberIds(String room) {
        return StreamSupport.stream(routes.runtime.context().rooms().members("default", "/", room).spliterator(), false)
                .map(Member::socketId).toList();
    }

    private void sendAllAtOnce(String id, List<String> frames) throws Exception {
        runAllAtOnce(frames.stream().<Runnable>map(frame -> () -> routes.send(id, frame)).toList());
    }

    /** Starts every task together on the pool and waits for all of them; a task's failure fails the test. */
    private void runAllAtOnce(List<Runnable> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> running = new ArrayList<>();
        for (Runnable task : tasks) {
            running.add(pool.submit(() -> {
                start.await();
                task.run();
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : running) {
            future.get(60, TimeUnit.SECONDS);
        }
    }

    /** Handlers that each change one thing: a data key, or a room. */
    private static final class MutatingApp implements SocketApp {
        @Override
        public void configure(SocketServer io) {
            io.of("/")
                    .on("set", (socket, args, ack) -> socket.data().set(args.text(0), args.get(1)))
                    .on("unset", (socket, args, ack) -> socket.data().remove(args.text(0)))
                    .on("join", (socket, args, ack) -> socket.join(args.text(0)))
                    .on("leave", (socket, args, ack) -> socket.leave(args.text(0)));
        }
    }
}
