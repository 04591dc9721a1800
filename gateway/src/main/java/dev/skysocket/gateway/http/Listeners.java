package dev.skysocket.gateway.http;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Handler;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP server per event loop on one shared port. Vert.x hands each accepted connection to the next of them,
 * so the node's websockets, and the writes of a broadcast to them, spread over the task's vCPUs instead of all
 * sitting on the event loop of a single server. Each server lives in its own verticle instance because only a
 * verticle gets an event-loop context of its own; a server made from a plain thread joins that thread's context.
 */
final class Listeners {
    private final List<HttpServer> servers;

    private Listeners(List<HttpServer> servers) {
        this.servers = List.copyOf(servers);
    }

    /** Blocks until every listener is bound (30 s at most); throws if one cannot bind. */
    static Listeners start(Vertx vertx, HttpServerOptions options, Handler<HttpServerRequest> handler, int count,
                           HeaderDeadline deadline) {
        List<HttpServer> bound = new CopyOnWriteArrayList<>();
        try {
            vertx.deployVerticle(() -> new Listener(options, handler, bound, deadline),
                            new DeploymentOptions().setInstances(count))
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot bind " + count + " listener(s)", e);
        }
        return new Listeners(bound);
    }

    /** The port every listener shares: the one asked for, or the free one picked for port 0. */
    int port() {
        return servers.get(0).actualPort();
    }

    int count() {
        return servers.size();
    }

    private static final class Listener extends AbstractVerticle {
        private final HttpServerOptions options;
        private final Handler<HttpServerRequest> handler;
        private final List<HttpServer> bound;
        private final HeaderDeadline deadline;

        Listener(HttpServerOptions options, Handler<HttpServerRequest> handler, List<HttpServer> bound,
                 HeaderDeadline deadline) {
            this.options = options;
            this.handler = handler;
            this.bound = bound;
            this.deadline = deadline;
        }

        @Override
        public void start(Promise<Void> started) {
            vertx.createHttpServer(new HttpServerOptions(options))
                    .connectionHandler(CloseHandshakeGuard.installThen(deadline.onConnection()))
                    .requestHandler(handler)
                    .listen()
                    .onSuccess(bound::add)
                    .<Void>mapEmpty()
                    .onComplete(started);
        }
    }
}
