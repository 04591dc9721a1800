package dev.skysocket.local.apigw;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * An in-process SQS FIFO queue with a Lambda event source mapping in front of its consumer: messages of one group
 * are delivered in the order they were sent, with at most one batch of a group in flight (SQS returns no message of
 * a group while an earlier one is in flight); a batch holds up to {@code batchSize} messages of one group; groups
 * are independent and their batches run at the same time. After a batch, the messages not reported failed are
 * deleted; the failed ones go back to the head of the group, invisible for the visibility timeout (the whole group
 * waits), and a message received {@code maxReceiveCount} times moves to the dead-letter list instead. A consumer that
 * fails as a whole (throws, times out, answers an unknown item id) fails the whole batch.
 *
 * <p>Not emulated: the network hops and the poller's long-poll cadence (so this adds almost no latency where AWS adds
 * the SendMessage call and the ESM's receive), batches that mix groups, deduplication (every frame has a unique
 * request id, so it never applies), retention expiry, throughput quotas and the ESM's concurrency scaling.
 */
final class FifoQueue {

    /** One message as the consumer sees it; {@code receiveCount} counts this delivery. */
    record Message(String id, String group, String body, Map<String, String> attributes, long sentAtMillis,
                   long sequenceNumber, int receiveCount) {
        Message received() {
            return new Message(id, group, body, attributes, sentAtMillis, sequenceNumber, receiveCount + 1);
        }
    }

    /** The consumer: a batch in, the ids of its failed messages out (failing as a whole fails them all). */
    interface Consumer extends Function<List<Message>, CompletionStage<Set<String>>> {
    }

    private static final class Group {
        final Deque<Message> waiting = new ArrayDeque<>();
        boolean inFlight;
        boolean invisible;
    }

    private final OrderedDeliverySettings settings;
    private final Consumer consumer;
    private final ScheduledExecutorService timers;
    private final Map<String, Group> groups = new HashMap<>();
    private final List<Message> deadLetters = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private int inFlightCount;
    private boolean closed;

    FifoQueue(OrderedDeliverySettings settings, Consumer consumer, ScheduledExecutorService timers) {
        this.settings = settings;
        this.consumer = consumer;
        this.timers = timers;
    }

    /** Sends one message to its group's tail, and delivers it at once if the group is idle. */
    void send(String id, String group, String body, Map<String, String> attributes) {
        Message message = new Message(id, group, body, Map.copyOf(attributes), System.currentTimeMillis(),
                sequence.incrementAndGet(), 0);
        List<Message> batch;
        synchronized (this) {
            if (closed) {
                return;
            }
            groups.computeIfAbsent(group, key -> new Group()).waiting.addLast(message);
            batch = take(group);
        }
        deliver(group, batch);
    }

    /** Messages moved to the dead-letter list, oldest first. */
    synchronized List<Message> deadLetters() {
        return List.copyOf(deadLetters);
    }

    /** Messages sent and neither deleted nor dead-lettered yet, in flight ones included. */
    synchronized int pending() {
        return groups.values().stream().mapToInt(g -> g.waiting.size()).sum() + inFlightCount;
    }

    long batches() {
        return batches.get();
    }

    /** Stops delivering; what is still queued is dropped, as when a stack is deleted. */
    synchronized void close() {
        closed = true;
        groups.clear();
    }

    /** The group's next batch, marking it in flight, or null when it is busy, invisible or empty. Holds the lock. */
    private List<Message> take(String group) {
        Group state = groups.get(group);
        if (state == null || state.inFlight || state.invisible || state.waiting.isEmpty() || closed) {
            return null;
        }
        List<Message> batch = new ArrayList<>();
        while (batch.size() < settings.batchSize() && !state.waiting.isEmpty()) {
            Message next = state.waiting.pollFirst();
            if (next.receiveCount() >= settings.maxReceiveCount()) {
                deadLetters.add(next);  // SQS moves it on the receive after its last allowed one
                continue;
            }
            batch.add(next.received());
        }
        if (batch.isEmpty()) {
            dropIfIdle(group, state);
            return null;
        }
        state.inFlight = true;
        inFlightCount += batch.size();
        return batch;
    }

    private void deliver(String group, List<Message> batch) {
        if (batch == null) {
            return;
        }
        batches.incrementAndGet();
        CompletionStage<Set<String>> outcome;
        try {
            outcome = consumer.apply(batch);
        } catch (RuntimeException e) {
            outcome = CompletableFuture.failedFuture(e);
        }
        outcome.whenComplete((failed, error) -> finish(group, batch, error != null ? null : failed));
    }

    /** @param failed the failed ids, or null when the whole batch failed */
    private void finish(String group, List<Message> batch, Set<String> failed) {
        // Lambda deletes every message not reported failed: keeping order after a failure is the consumer's job
        // (it reports the rest of the group too), as on AWS.
        List<Message> back = batch.stream().filter(m -> failed == null || failed.contains(m.id())).toList();
        List<Message> next;
        synchronized (this) {
            inFlightCount -= batch.size();
            Group state = groups.get(group);
            if (state == null) {
                return;  // closed meanwhile
            }
            state.inFlight = false;
            for (int i = back.size() - 1; i >= 0; i--) {
                state.waiting.addFirst(back.get(i));
            }
            if (!back.isEmpty()) {
                state.invisible = true;
                timers.schedule(() -> reappear(group), settings.visibilityTimeout().toMillis(), TimeUnit.MILLISECONDS);
                return;
            }
            next = take(group);
            if (next == null) {
                dropIfIdle(group, state);
            }
        }
        deliver(group, next);
    }

    private void reappear(String group) {
        List<Message> next;
        synchronized (this) {
            Group state = groups.get(group);
            if (state == null) {
                return;
            }
            state.invisible = false;
            next = take(group);
        }
        deliver(group, next);
    }

    /** A group with nothing left is forgotten, so a long-running stack does not keep one per past connection. */
    private void dropIfIdle(String group, Group state) {
        if (!state.inFlight && !state.invisible && state.waiting.isEmpty()) {
            groups.remove(group);
        }
    }
}
