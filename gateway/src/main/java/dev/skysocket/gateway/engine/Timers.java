package dev.skysocket.gateway.engine;

import java.util.concurrent.ScheduledFuture;

/** Cancelling a timer that may not exist. */
final class Timers {
    private Timers() {
    }

    static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
