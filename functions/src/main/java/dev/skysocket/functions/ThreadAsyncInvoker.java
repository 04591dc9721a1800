package dev.skysocket.functions;

import dev.skysocket.apigw.AsyncInvoker;
import dev.skysocket.apigw.OpenPacketStep;
import dev.skysocket.apigw.OpenRequest;
import java.lang.System.Logger.Level;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the open step on a background thread of this process ({@code skysocket.open-invoker=thread}), for tests
 * and local runs. Not for AWS: Lambda freezes the process once {@code $connect} returns, so the step would stall.
 */
final class ThreadAsyncInvoker implements AsyncInvoker, AutoCloseable {
    private static final System.Logger LOG = System.getLogger(ThreadAsyncInvoker.class.getName());
    private final OpenPacketStep step;
    private final ExecutorService executor;

    ThreadAsyncInvoker(OpenPacketStep step) {
        this.step = step;
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(r, "skysocket-open-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public void invokeOpen(OpenRequest request) {
        executor.execute(() -> {
            try {
                step.run(request);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "event=open_failed connection={0} error={1}", request.connectionId(),
                        e.getClass().getSimpleName());
            }
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
