package dev.skysocket.apigw;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.api.SocketApp;
import dev.skysocket.limits.Draw;
import dev.skysocket.limits.InboundLimits;
import dev.skysocket.store.dynamodb.DynamoSchema;
import dev.skysocket.testing.DynamoDbLocalServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * What the inbound limits cost per frame on the API Gateway path at their defaults (docs/benchmarks.md): every
 * DynamoDB call the routes make is counted by an SDK interceptor on DynamoDB Local, and the limits' own counter
 * writes (keys {@code RL#…} and {@code EQ#…}) apart. The limits sample what they write with a seeded draw, so the
 * figures repeat; their expected value is 1/20 of a write a frame for each limit.
 */
class InboundLimitsCostTest {
    private static final SocketApp APP = io -> io.of("/").on("echo", (socket, args, ack) -> ack.send(args.get(0)));
    private static final Map<String, String> DEFAULTS = Map.of(
            InboundLimits.BURST, String.valueOf(InboundLimits.DEFAULT_BURST),
            InboundLimits.PER_SECOND, String.valueOf(InboundLimits.DEFAULT_PER_SECOND),
            InboundLimits.TENANT_PER_SECOND, String.valueOf(InboundLimits.DEFAULT_TENANT_PER_SECOND));

    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger counterWrites = new AtomicInteger();
    private final RouteHarness routes = new RouteHarness(APP, DEFAULTS, DynamoDbLocalServer.client(
            new ExecutionInterceptor() {
                @Override
                public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                    calls.incrementAndGet();
                    if (context.request() instanceof UpdateItemRequest update && isCounter(update)) {
                        counterWrites.incrementAndGet();
                    }
                }
            }), Draw.seeded(7));

    @AfterEach
    void close() {
        routes.close();
    }

    private static boolean isCounter(UpdateItemRequest update) {
        String pk = update.key().get(DynamoSchema.PK).s();
        return pk.startsWith("RL#") || pk.startsWith("EQ#");
    }

    private String joined() {
        String connection = routes.connect();
        routes.send(connection, "40");
        calls.set(0);
        counterWrites.set(0);
        return connection;
    }

    private void report(String what, int frames) {
        System.out.printf("inbound limits cost, %s: %d frames, %d DynamoDB calls (%.2f a frame), %d counter writes"
                + " (%.3f a frame)%n", what, frames, calls.get(), calls.get() / (double) frames, counterWrites.get(),
                counterWrites.get() / (double) frames);
    }

    @Test
    void anOrdinaryClientSendingTwentyEvents() {
        String client = joined();
        for (int i = 0; i < 20; i++) {
            routes.send(client, "42" + i + "[\"echo\"," + i + "]");
            routes.clock.advance(Duration.ofMillis(200));
        }
        report("ordinary client, 20 events at 5 a second", 20);
        assertThat(answered(client)).isEqualTo(20);
        // Expected 2 (20 frames × 2 limits × 1/20); every frame wrote both before sampling: 40.
        assertThat(counterWrites.get()).isLessThanOrEqualTo(5);
    }

    @Test
    void tenOrdinaryClientsWriteAboutATenthOfACounterAFrame() {
        List<String> clients = new ArrayList<>();
        for (int c = 0; c < 10; c++) {
            clients.add(joined());
        }
        calls.set(0);
        counterWrites.set(0);
        for (int i = 0; i < 20; i++) {
            for (String client : clients) {
                routes.send(client, "42" + i + "[\"echo\"," + i + "]");
            }
            routes.clock.advance(Duration.ofMillis(200));
        }
        report("10 ordinary clients, 20 events each at 5 a second", 200);
        assertThat(clients).allMatch(client -> answered(client) == 20);
        assertThat(counterWrites.get() / 200d).isLessThanOrEqualTo(0.15);
    }

    @Test
    void aBurstOfTwoHundredFromOneConnection() {
        String client = joined();
        for (int i = 0; i < 200; i++) {
            routes.send(client, "42" + i + "[\"echo\"," + i + "]");
        }
        report("burst of 200 from one connection", 200);
        assertThat(answered(client)).isEqualTo(200);
        assertThat(counterWrites.get() / 200d).isLessThanOrEqualTo(0.15);
    }

    private long answered(String client) {
        return routes.posts(client).stream().filter(frame -> frame.startsWith("43")).count();
    }
}
