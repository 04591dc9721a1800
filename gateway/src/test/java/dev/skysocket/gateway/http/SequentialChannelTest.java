package dev.skysocket.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Frames go out one write at a time, as the reference server writes them: the CONNECT reply and the first emit
 * behind it are two writes, never one. A websocket stand-in records each write and completes it on demand.
 */
class SequentialChannelTest {
    private final List<Object> written = new ArrayList<>();
    private final List<Promise<Void>> pending = new ArrayList<>();
    private final ServerWebSocket socket = (ServerWebSocket) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {ServerWebSocket.class}, (proxy, method, args) -> switch (method.getName()) {
                case "writeTextMessage" -> record(args[0]);
                case "writeBinaryMessage" -> record(((Buffer) args[0]).getBytes());
                case "close" -> record("<close>");
                case "writeQueueFull" -> false;
                default -> throw new UnsupportedOperationException(method.getName());
            });

    private Object record(Object frame) {
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
