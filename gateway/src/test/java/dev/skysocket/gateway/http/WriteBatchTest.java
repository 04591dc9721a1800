package dev.skysocket.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skysocket.gateway.engine.WriteBatch;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A worker's writes to websockets of one event loop, inside a batch, wait for the batch's end and then run on the
 * loop, in order; outside a batch each is made at once, from the worker.
 */
class WriteBatchTest {
    private final Vertx vertx = Vertx.vertx();
    private final List<String> written = new CopyOnWriteArrayList<>();
    private final List<String> threads = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private ServerWebSocket socket(String name) {
        return (ServerWebSocket) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServerWebSocket.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "writeTextMessage" -> {
                        written.add(name + ":" + args[0]);
                        threads.add(Thread.currentThread().getName());
                        Promise<Void> done = Promise.promise();
                        done.complete();
                        yield done.future();
                    }
                    case "writeQueueFull" -> false;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** Channels created on one event loop, as the websocket handler creates them. */
    private List<SequentialChannel> channelsOnOneLoop() throws Exception {
        Context loop = vertx.getOrCreateContext();
        CompletableFuture<List<SequentialChannel>> made = new CompletableFuture<>();
        loop.runOnContext(ignored -> made.complete(List.of(new SequentialChannel(socket("a"), 1 << 20),
                new SequentialChannel(socket("b"), 1 << 20))));
        return made.get(5, TimeUnit.SECONDS);
    }

    @Test
    void insideABatchTheWritesWaitForItsEndAndRunOnTheLoopInOrder() throws Exception {
        List<SequentialChannel> channels = channelsOnOneLoop();
        assertThat(WriteBatch.open()).isTrue();
        assertThat(WriteBatch.open()).as("an inner open joins the batch").isFalse();
        channels.get(0).sendText("42[1]");
        channels.get(1).sendText("42[2]");
        assertThat(written).as("nothing before the batch ends").isEmpty();
        WriteBatch.run();
        await().atMost(Duration.ofSeconds(5)).until(() -> written.size() == 2);
        assertThat(written).containsExactly("a:42[1]", "b:42[2]");
        assertThat(threads).allSatisfy(name -> assertThat(name).startsWith("vert.x-eventloop-thread"));
    }

    @Test
    void outsideABatchEachWriteIsMadeAtOnceFromTheCallingThread() throws Exception {
        List<SequentialChannel> channels = channelsOnOneLoop();
        channels.get(0).sendText("42[1]");
        assertThat(written).containsExactly("a:42[1]");
        assertThat(threads).containsExactly(Thread.currentThread().getName());
    }
}
