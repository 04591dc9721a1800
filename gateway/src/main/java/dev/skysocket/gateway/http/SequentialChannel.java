package dev.skysocket.gateway.http;

import dev.skysocket.gateway.engine.WebSocketChannel;
import dev.skysocket.gateway.engine.WriteBatch;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * A websocket written one frame at a time: the next frame goes out once the previous write completed, as the
 * reference server waits for each write before the next, so two packets sent back to back (the CONNECT reply and
 * a first emit) reach the client as separate writes rather than one. A frame that follows a write from an idle
 * channel waits {@value #BURST_PAUSE_MS} ms more: on loopback a completed write is still in the client's socket
 * buffer when the next one lands, and a client that reads one frame per turn (the Socket.IO protocol's test
 * suite) would get both at once. Only the second frame of a burst pays it; a broadcast's one frame per socket
 * and a steady stream (the channel never idle) do not. Thread-safe; the close waits its turn too, so frames sent
 * before it are not lost.
 */
final class SequentialChannel implements WebSocketChannel {
    /** Marks the close in the queue. */
    private static final Object CLOSE = new Object();
    static final long BURST_PAUSE_MS = 1;

    private final ServerWebSocket socket;
    /** The websocket's event loop (created there); null outside Vert.x, where completions run the next write. */
    private final Context context = Vertx.currentContext();
    /** Runs a task on that event loop (a {@link WriteBatch}'s writes for it). */
    private final Executor loop = task -> context.runOnContext(ignored -> task.run());
    private final int maxQueuedBytes;
    private final ArrayDeque<Object> queue = new ArrayDeque<>();
    private boolean writing;
    /** The frame being written left an idle channel: what queues behind it waits for the pause. */
    private boolean burstStart;
    private long queuedBytes;

    /** @param maxQueuedBytes bytes waiting here past which the channel says it is not writable */
    SequentialChannel(ServerWebSocket socket, int maxQueuedBytes) {
        this.socket = socket;
        this.maxQueuedBytes = maxQueuedBytes;
    }

    @Override
    public void sendText(String frame) {
        submit(frame, frame.length());
    }

    @Override
    public void sendBinary(byte[] frame) {
        submit(Buffer.buffer(frame), frame.length);
    }

    @Override
    public synchronized boolean writable() {
        // Idle, the socket holds nothing of ours (a write completes once flushed): no need to ask it, under its lock.
        return queuedBytes < maxQueuedBytes && !(writing && socket.writeQueueFull());
    }

    @Override
    public void close() {
        submit(CLOSE, 0);
    }

    private void submit(Object frame, int size) {
        synchronized (this) {
            if (writing) {
                queue.add(frame);
                queuedBytes += size;
                return;
            }
            writing = true;
            burstStart = true;
        }
        // From a worker inside a broadcast: written with the batch's other frames for this event loop.
        if (context != null && Vertx.currentContext() != context
                && WriteBatch.add(context, loop, () -> write(frame))) {
            return;
        }
        write(frame);
    }

    private void write(Object frame) {
        Future<Void> done;
        if (frame == CLOSE) {
            done = socket.close();
        } else if (frame instanceof String text) {
            done = socket.writeTextMessage(text);
        } else {
            done = socket.writeBinaryMessage((Buffer) frame);
        }
        // The next frame starts in a later turn of the event loop, not inside this write's completion: written
        // from there it could join the bytes still being flushed.
        done.onComplete(ignored -> {
            boolean pause;
            synchronized (this) {
                if (queue.isEmpty()) {
                    // Idle again, at once: a broadcast's one frame per socket costs no second turn of the loop.
                    writing = false;
                    burstStart = false;
                    return;
                }
                pause = burstStart;
                burstStart = false;
            }
            if (context == null) {
                next();
            } else if (pause) {
                context.owner().setTimer(BURST_PAUSE_MS, timer -> next());
            } else {
                context.runOnContext(later -> next());
            }
        });
    }

    private void next() {
        Object frame;
        synchronized (this) {
            frame = queue.poll();
            if (frame == null) {
                writing = false;
                return;
            }
            queuedBytes -= frame instanceof String text ? text.length() : frame instanceof Buffer b ? b.length() : 0;
        }
        write(frame);
    }
}
