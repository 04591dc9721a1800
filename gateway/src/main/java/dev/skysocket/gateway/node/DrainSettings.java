package dev.skysocket.gateway.node;

import dev.skysocket.config.Settings;

/**
 * How long a draining node takes to close its sessions.
 *
 * <p>ECS sends SIGTERM to a stopping task and SIGKILL {@code stopTimeout} later (Fargate: at most 120 s,
 * AWS-FACTS). The drain window, the grace for stragglers and the shutdown after it must all fit in that, so the
 * window plus grace is capped at {@link #MAX_WINDOW_PLUS_GRACE_MS}, which leaves 10 s to stop the listeners and
 * exit.
 *
 * @param windowMs over how long the closes are spread ({@code skysocket.drain-window-ms}, default 60 s)
 * @param graceMs  how long after the window the drain still waits for closes to finish before giving up
 */
public record DrainSettings(long windowMs, long graceMs) {
    public static final String WINDOW_SETTING = "skysocket.drain-window-ms";
    public static final long DEFAULT_WINDOW_MS = 60_000;
    public static final long DEFAULT_GRACE_MS = 10_000;
    /** Fargate's maximum stopTimeout (120 s) minus 10 s for stopping the listeners and the JVM. */
    public static final long MAX_WINDOW_PLUS_GRACE_MS = 110_000;

    public DrainSettings {
        if (windowMs < 1 || graceMs < 0 || windowMs + graceMs > MAX_WINDOW_PLUS_GRACE_MS) {
            throw new IllegalArgumentException("setting " + WINDOW_SETTING + " (" + Settings.envName(WINDOW_SETTING)
                    + ") must be at least 1 and, with a grace of " + graceMs + " ms, at most "
                    + (MAX_WINDOW_PLUS_GRACE_MS - Math.max(graceMs, 0)) + " ms (Fargate stops a task "
                    + "120 s after SIGTERM), got " + windowMs);
        }
    }

    public static DrainSettings from(Settings settings) {
        return new DrainSettings(settings.longValue(WINDOW_SETTING, DEFAULT_WINDOW_MS), DEFAULT_GRACE_MS);
    }

    public static DrainSettings defaults() {
        return new DrainSettings(DEFAULT_WINDOW_MS, DEFAULT_GRACE_MS);
    }

    /** The longest a drain may take: the window plus the grace. */
    public long boundMs() {
        return windowMs + graceMs;
    }
}
