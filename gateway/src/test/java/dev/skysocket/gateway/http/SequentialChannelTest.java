package dev.skysocket.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Frames go out one write at a time, as the reference server writes them: the CONNECT reply and the first emit
 * behind it are two writes, never one. A websocket stand-in records each write and completes it on demand.
 */
class SequentialChannelTest {
    private final List<Object> written = new CopyOnWriteArrayList<>();
    private final List<Long> writtenAt = new CopyOnWriteArrayList<>();
    private final List<Promise<Void>> pending = new CopyOnWriteArrayList<>();
    private final ServerWebSocket socket = (ServerWebSocket) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {ServerWebSocket.class}, (proxy, method, args) -> switch (method.getName()) {
                case "writeTextMessage" -> record(args[0]);
                case "writeBinaryMessage" -> record(((Buffer) args[0]).getBytes());
                case "close" -> record("<close>");
                case "writeQueueFull" -> false;
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private Object record(Object frame) {
        writtenAt.add(System.nanoTime());
        written.add(frame);
        Promise<Void> done = Promise.promise();
        pending.add(done);
        return done.future();
    }

    private void completeWrite(int index) {
        pending.get(index).complete();
    }

    @Test
    void theNextFrameIsWrittenOnlyOnceThePreviousWriteCompleted() {
        SequentialChannel channel = new SequentialChannel(socket, 1 << 20);
        channel.sendText("40{\"sid\":\"abc\"}");
        channel.sendText("42[\"auth\",{}]");
        channel.sendBinary(new byte[] {1, 2, 3});
        channel.close();
        assertThat(written).containsExactly("40{\"sid\":\"abc\"}");
        completeWrite(0);
        assertThat(written).containsExactly("40{\"sid\":\"abc\"}", "42[\"auth\",{}]");
        completeWrite(1);
        assertThat(written).hasSize(3);
        assertThat((byte[]) written.get(2)).containsExactly(1, 2, 3);
        completeWrite(2);
        assertThat(written).endsWith("<close>");
    }

    @Test
    void onAnEventLoopTheSecondFrameOfABurstWaitsThePauseAfterTheFirstWriteCompleted() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            Context context = vertx.getOrCreateContext();
            long[] completedAt = new long[1];
            context.runOnContext(start -> {
                SequentialChannel channel = new SequentialChannel(socket, 1 << 20);
                channel.sendText("40{\"sid\":\"abc\"}");
                channel.sendText("42[\"auth\",{}]");
                completedAt[0] = System.nanoTime();
                completeWrite(0);
            });

            await().atMost(Duration.ofSeconds(5)).until(() -> written.size() == 2);
            assertThat(writtenAt.get(1) - completedAt[0])
                    .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(SequentialChannel.BURST_PAUSE_MS));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFailedWriteDoesNotStopTheFramesBehindIt() {
        SequentialChannel channel = new SequentialChannel(socket, 1 << 20);
        channel.sendText("4one");
        channel.sendText("4two");
        pending.get(0).fail("connection reset");
        assertThat(written).containsExactly("4one", "4two");
    }

    @Test
    void framesWaitingPastTheLimitMakeTheChannelUnwritable() {
        SequentialChannel channel = new SequentialChannel(socket, 10);
        channel.sendText("4first");
        assertThat(channel.writable()).isTrue();
        channel.sendText("4waiting-behind-it");
        assertThat(channel.writable()).isFalse();
        completeWrite(0);
        assertThat(channel.writable()).isTrue();
    }
}
