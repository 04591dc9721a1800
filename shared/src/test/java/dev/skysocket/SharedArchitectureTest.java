package dev.skysocket;

import static dev.skysocket.testing.ImportRules.importsMatching;
import static dev.skysocket.testing.ImportRules.importsOf;
import static dev.skysocket.testing.ImportRules.importsOutside;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skysocket.store.ConnectionStore;
import dev.skysocket.store.HeartbeatStore;
import dev.skysocket.store.ReadScope;
import dev.skysocket.store.RoomStore;
import dev.skysocket.store.SocketStore;
import dev.skysocket.store.SweepRuns;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The layers of {@code shared} (README: "each layer ignorant of those above"), as the package notes state them:
 * protocol (its own test), store, fan-out, server, the API Gateway path; config and logging beside them.
 */
class SharedArchitectureTest {
    private static final String P = "dev.skysocket.";
    private static final List<String> HTTP = List.of("io.vertx.", "io.netty.", "io.undertow.", "jakarta.ws.");
    private static final List<String> QUARKUS = List.of("io.quarkus.", "jakarta.enterprise.", "jakarta.inject.");

    @Test
    void configImportsOnlyTheJdkAndTheCodecLimits() {
        assertThat(importsOutside(P + "config", false, List.of("java.", P + "config.", P + "protocol.CodecLimits")))
                .isEmpty();
    }

    @Test
    void metricsImportOnlyTheJdkAndJsonSoEveryLayerMayCount() {
        assertThat(importsOutside(P + "metrics", false, List.of("java.", P + "metrics.",
                "com.fasterxml.jackson.core."))).isEmpty();
    }

    @Test
    void loggingImportsNothingOfTheLayersAbove() {
        assertThat(importsMatching(P + "logging", true, layers("protocol", "store", "fanout", "server", "apigw",
                "auth"))).isEmpty();
    }

    @Test
    void tracingIsAnInterfaceOverTheSdksInterceptorTypeOnly() {
        assertThat(importsOutside(P + "tracing", true, List.of("java.", P + "tracing.",
                "software.amazon.awssdk.core.interceptor.ExecutionInterceptor"))).isEmpty();
    }

    @Test
    void theStoreContractImportsNoAwsNoCodecsAndNothingAbove() {
        List<String> forbidden = new ArrayList<>(layers("protocol", "fanout", "server", "apigw"));
        forbidden.add("software.amazon.awssdk.");
        forbidden.add(P + "store.dynamodb.");
        assertThat(importsMatching(P + "store", false, forbidden)).isEmpty();
    }

    @Test
    void theStoreInterfacesDescribeStorageAndLeaveReadSharingToReadScope() {
        Set<String> scoping = new TreeSet<>();
        for (Method method : ReadScope.class.getDeclaredMethods()) {
            scoping.add(method.getName());
        }
        assertThat(scoping).containsExactlyInAnyOrder("withOneRead", "withHeldRead", "releaseHeldRead");
        for (Class<?> store : List.of(ConnectionStore.class, SocketStore.class, HeartbeatStore.class,
                RoomStore.class, SweepRuns.class)) {
            assertThat(ReadScope.class.isAssignableFrom(store)).as(store.getSimpleName()).isFalse();
            assertThat(Arrays.stream(store.getMethods()).map(Method::getName).filter(scoping::contains))
                    .as(store.getSimpleName()).isEmpty();
        }
    }

    @Test
    void theSocketIoLayerReachesStorageThroughItsStoresAndNeverScopesReads() {
        // Read sharing is the wiring's choice per inbound event (the routes, a gateway node's sessions).
        assertThat(importsMatching(P + "server", true, List.of(P + "store.ReadScope", P + "store.dynamodb.")))
                .isEmpty();
    }

    @Test
    void theDynamoDbModelImportsNoFanoutSocketIoApiGatewayPathOrServer() {
        List<String> forbidden = new ArrayList<>(layers("fanout", "server", "apigw", "protocol.socketio"));
        forbidden.addAll(HTTP);
        forbidden.addAll(QUARKUS);
        assertThat(importsMatching(P + "store.dynamodb", true, forbidden)).isEmpty();
    }

    @Test
    void onlyTheDynamoDbModelImportsDynamoDb() {
        Set<String> found = new TreeSet<>();
        for (String pkg : List.of("protocol", "store", "fanout", "server", "config", "logging", "auth")) {
            found.addAll(importsMatching(P + pkg, !pkg.equals("store"), List.of("software.amazon.awssdk.services.dynamodb.")));
        }
        assertThat(found).isEmpty();
    }

    @Test
    void fanoutMovesOpaqueFramesAndKnowsNothingOfStoreRoomsOrSocketIo() {
        List<String> forbidden = new ArrayList<>(layers("store", "server", "apigw", "protocol"));
        forbidden.add("software.amazon.awssdk.services.dynamodb.");
        forbidden.addAll(QUARKUS);
        assertThat(importsMatching(P + "fanout", true, forbidden)).isEmpty();
    }

    @Test
    void fanoutsOwnHttpClientStaysBehindFramePoster() {
        // Netty is the fan-out's own PostToConnection client; the rest of the package sees only FramePoster.
        Set<String> netty = new TreeSet<>();
        importsOf(P + "fanout", true).stream()
                .filter(i -> i.type().startsWith("io.netty."))
                .filter(i -> !List.of("PooledFramePoster.java", "PostTransport.java", "PostExchange.java")
                        .contains(i.file()))
                .forEach(i -> netty.add(i.toString()));
        assertThat(netty).isEmpty();
    }

    @Test
    void serverOwnsNoTransportAndNoAws() {
        List<String> forbidden = new ArrayList<>(layers("apigw", "store.dynamodb"));
        forbidden.addAll(List.of("software.amazon.awssdk.", "com.amazonaws."));
        forbidden.addAll(HTTP);
        forbidden.addAll(QUARKUS);
        assertThat(importsMatching(P + "server", true, forbidden)).isEmpty();
    }

    @Test
    void theApiGatewayPathImportsNoQuarkusAndNoHttpServer() {
        List<String> forbidden = new ArrayList<>(HTTP);
        forbidden.addAll(QUARKUS);
        assertThat(importsMatching(P + "apigw", true, forbidden)).isEmpty();
    }

    @Test
    void theSharedTestFixturesImportNoSocketIoLayerAndNoApiGatewayPath() {
        assertThat(importsMatching(P + "testing", true, layers("server", "apigw"))).isEmpty();
    }

    @Test
    void nothingOfSharedImportsTheGatewayTheLocalStackOrTheBenchmarks() {
        assertThat(importsMatching("dev.skysocket", true, List.of("dev.skysocket.gateway.", "dev.skysocket.local.",
                "dev.skysocket.functions.", "dev.skysocket.benchmarks."))).isEmpty();
    }

    @Test
    void theRulesSeeImportsAndRefuseAnEmptyPackage() {
        // A scan that finds nothing would pass every rule: it must see the fixtures' own JDK imports.
        assertThat(importsMatching(P + "testing", true, List.of("java."))).isNotEmpty();
        assertThatThrownBy(() -> importsOf(P + "nosuchpackage", true)).isInstanceOf(RuntimeException.class);
    }

    private static List<String> layers(String... packages) {
        return Arrays.stream(packages).map(p -> P + p + ".").toList();
    }
}
