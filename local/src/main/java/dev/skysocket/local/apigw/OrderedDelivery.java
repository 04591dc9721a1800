package dev.skysocket.local.apigw;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The ordered mode's {@code $default} route: instead of invoking the integration, each client frame is sent to a
 * {@link FifoQueue} in the connection's message group, with the attributes template.yaml's request template sets
 * (the raw frame as body, the request context as string attributes), and the {@link QueueIntegration} consumes the
 * queue in SQS events. As on AWS, the client gets no route response, and {@code $connect}/{@code $disconnect} stay
 * direct invocations: {@code $disconnect} may run before the connection's last frames are consumed.
 */
final class OrderedDelivery implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger(OrderedDelivery.class.getName());
    private final SqsEvents events = new SqsEvents();
    private final QueueIntegration consumer;
    private final ExecutorService workers;
    private final Duration timeout;
    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "apigw-fifo-visibility");
        thread.setDaemon(true);
        return thread;
    });
    private final FifoQueue queue;
    private final String apiId;
    private final String stage;
    private final String domainName;

    OrderedDelivery(OrderedDeliverySettings settings, QueueIntegration consumer, ExecutorService workers,
                    Duration timeout, String apiId, String stage, String domainName) {
        this.consumer = consumer;
        this.workers = workers;
        this.timeout = timeout;
        this.apiId = apiId;
        this.stage = stage;
        this.domainName = domainName;
        this.queue = new FifoQueue(settings, this::consume, timers);
    }

    /** What the route's SendMessage carries: group = connection id, deduplication id = request id. */
    void send(ConnectionContext connection, String body, long receivedAtMillis) {
        if (!SqsEvents.acceptable(body)) {
            // SendMessage would refuse it (empty, or a character SQS does not allow): the frame goes nowhere.
            LOG.log(Level.WARNING, "apigw.ordered.refused_by_sqs connectionId={0} length={1}",
                    connection.connectionId(), String.valueOf(body == null ? 0 : body.length()));
            return;
        }
        String requestId = AwsIds.newId();
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("connectionId", connection.connectionId());
        attributes.put("requestId", requestId);
        attributes.put("apiId", apiId);
        attributes.put("stage", stage);
        attributes.put("domainName", domainName);
        attributes.put("requestTimeEpoch", String.valueOf(receivedAtMillis));
        attributes.put("connectedAt", String.valueOf(connection.connectedAtMillis()));
        queue.send(UUID.randomUUID().toString(), connection.connectionId(), body, attributes);
    }

    FifoQueue queue() {
        return queue;
    }

    private CompletionStage<Set<String>> consume(List<FifoQueue.Message> batch) {
        String event = events.batch(batch);
        return CompletableFuture.supplyAsync(() -> {
            try {
                return events.failures(consumer.consume(event), batch);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, workers).orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).exceptionally(error -> {
            LOG.log(Level.WARNING, "apigw.ordered.batch_failed group={0} size={1} error={2}",
                    batch.get(0).group(), String.valueOf(batch.size()), error.toString());
            return null;
        }).thenApply(failed -> {
            if (failed == null || !failed.isEmpty()) {
                LOG.log(Level.WARNING, "apigw.ordered.redeliver group={0} failed={1}", batch.get(0).group(),
                        failed == null ? "all" : String.valueOf(failed.size()));
            }
            return failed;
        });
    }

    @Override
    public void close() {
        queue.close();
        timers.shutdownNow();
    }
}
