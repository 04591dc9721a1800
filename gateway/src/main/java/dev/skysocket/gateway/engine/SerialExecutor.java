package dev.skysocket.gateway.engine;

import java.lang.System.Logger.Level;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/** Runs tasks on a shared pool one at a time and in order: the per-session listener queue. */
final class SerialExecutor implements Executor {
    private static final System.Logger LOG = System.getLogger(SerialExecutor.class.getName());

    private final Executor pool;
    /** One per session, mostly empty: 2 slots, not the default 16, and it grows under a burst. */
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>(2);
    private boolean running;

    SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (tasks) {
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        pool.execute(this::drain);
    }

    private void drain() {
        while (true) {
            Runnable next;
            synchronized (tasks) {
                next = tasks.poll();
                if (next == null) {
                    running = false;
                    return;
                }
            }
            try {
                next.run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "engine.listener.failed error={0}", e.getClass().getName());
            }
        }
    }
}
