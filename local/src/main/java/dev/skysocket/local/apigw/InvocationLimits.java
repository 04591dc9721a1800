package dev.skysocket.local.apigw;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many integration invocations the emulator runs at once and how many may wait. On AWS, Lambda's concurrency
 * and API Gateway's account throttle bound a burst (over the throttle API Gateway answers 429, AWS-FACTS); here a
 * fixed pool runs the invocations, and while {@code queueLimit} or more wait, upgrades are refused with 429 before
 * {@code $connect} runs. Invocations of connections already open ({@code $default}, {@code $disconnect}) are
 * bounded apart, by {@code backlog} ({@link InvocationBacklog}), and wait in per-connection lanes served in turn
 * ({@link FairDispatch}), so that a flood from one connection does not delay the others' frames.
 *
 * <p>Why a backlog of 10,000: AWS's account throttle is a token bucket per account and Region, shared by every REST,
 * HTTP and WebSocket API of the account and by its {@code @connections} calls: 10,000 requests a second steady,
 * 5,000 in the bucket, and 429 beyond. New WebSocket connections have their own quota, 500 a second per account and
 * Region across all WebSocket APIs. Neither is a rate the emulator can mirror: it runs far fewer invocations at
 * once than an account's Lambda concurrency, so a flood AWS absorbs waits here. The backlog bounds that wait
 * instead, at one second of the account's steady rate: a flood of more than that waiting at once meets
 * {@code Too Many Requests} frames here, where on AWS only a rate above 10,000 a second would.
 *
 * @param threads    integration workers ({@code skysocket.apigw-invocation-workers}, default 64)
 * @param queueLimit waiting invocations at which upgrades get 429 ({@code skysocket.apigw-invocation-queue},
 *                   default 1,000)
 * @param backlog    {@code $default} and {@code $disconnect} invocations waiting or running at which further ones
 *                   are refused ({@code skysocket.apigw-invocation-backlog}, default 10,000)
 */
public record InvocationLimits(int threads, int queueLimit, int backlog) {
    public static final int DEFAULT_BACKLOG = 10_000;
    public static final InvocationLimits DEFAULTS = new InvocationLimits(64, 1_000, DEFAULT_BACKLOG);

    public InvocationLimits {
        if (threads < 1 || queueLimit < 1 || backlog < 1) {
            throw new IllegalArgumentException("invocation workers, their queue limit and backlog must be positive");
        }
    }

    /** With the default backlog. */
    public InvocationLimits(int threads, int queueLimit) {
        this(threads, queueLimit, DEFAULT_BACKLOG);
    }

    /** The workers: a fixed pool of daemon threads that go away when idle. */
    ThreadPoolExecutor newPool() {
        AtomicInteger count = new AtomicInteger();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "apigw-integration-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * How many of the workers one connection's invocations may take at once: an eighth (8 of the default 64), and
     * never fewer than 2, so that a connection's invocations still overlap. A flood then leaves most workers, and
     * most of the machine, to the other connections ({@link FairDispatch}).
     */
    int perConnection() {
        return Math.max(2, threads / 8);
    }

    /** True while {@code queueLimit} or more invocations wait, for a worker or in a connection's lane. */
    boolean saturated(ThreadPoolExecutor pool, int waitingInLanes) {
        return pool.getQueue().size() + waitingInLanes >= queueLimit;
    }
}
