package dev.skysocket.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.skysocket.testing.ManagementApiStub;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

@ParameterizedClass
@EnumSource(PostPath.class)
class ManagementApiFanoutTest {
    private static final RetryPolicy RETRIES = new RetryPolicy(5, Duration.ofMillis(25), Duration.ofSeconds(1));

    /** One set of clients per way of posting, kept across the class's tests: Netty is slow to start. */
    private static final Map<PostPath, ManagementApiClients> CLIENTS = new EnumMap<>(PostPath.class);

    @Parameter
    PostPath path;
    private ManagementApiClients clients;
    private ManagementApiStub stub;
    private final List<Recipient> pruned = new CopyOnWriteArrayList<>();
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    private static synchronized ManagementApiClients clients(PostPath path) {
        return CLIENTS.computeIfAbsent(path, p -> p.clients(Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")), 64,
                Duration.ofSeconds(5)));
    }

    @AfterAll
    static synchronized void closeClients() {
        CLIENTS.values().forEach(ManagementApiClients::close);
        CLIENTS.clear();
    }

    @BeforeEach
    void startStub() {
        stub = ManagementApiStub.start();
        clients = clients(path);
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    /** Waits are recorded and skipped, so retries cost no time; jitter always picks the ceiling. */
    private ManagementApiFanout fanout(int maxInFlight) {
        RetryDelay recordAndRunNow = delay -> {
            waits.add(delay);
            return Runnable::run;
        };
        return new ManagementApiFanout(clients, pruned::add, maxInFlight, RETRIES, new AlwaysHighest(), recordAndRunNow);
    }

    private List<Recipient> recipients(int count) {
        return IntStream.range(0, count).mapToObj(i -> stub.recipient("conn-" + i + "=")).toList();
    }

    @Test
    void deliversEveryFrameInOrderToEachOfManyRecipients() {
        List<String> frames = List.of("42[\"a\",1]", "42[\"b\",\"héllo ✓\"]", "42[\"c\",3]", "42[\"d\",4]");
        List<Recipient> recipients = recipients(40);

        FanoutReport report = fanout(8).deliver(frames, recipients);

        assertThat(report.delivered()).isEqualTo(40);
        assertThat(report.gone()).isZero();
        assertThat(report.failed()).isZero();
        assertThat(report.retries()).isZero();
        for (Recipient recipient : recipients) {
            assertThat(stub.postsTo(recipient.connectionId())).as(recipient.connectionId()).isEqualTo(frames);
        }
        assertThat(pruned).isEmpty();
    }

    @Test
    void a410PrunesTheRecipientNeverTheSender() {
        // The sender broadcasts to a room it is in; one other member has gone away without a $disconnect.
        Recipient sender = stub.recipient("sender=");
        Recipient alive = stub.recipient("alive=");
        Recipient vanished = stub.recipient("vanished=");
        stub.markGone("vanished=");

        FanoutReport report = fanout(4).deliver(List.of("42[\"x\"]", "42[\"y\"]"), List.of(sender, vanished, alive));

        assertThat(pruned).containsExactly(vanished);
        assertThat(report.gone()).isEqualTo(1);
        assertThat(report.goneConnectionIds()).containsExactly("vanished=");
        assertThat(report.delivered()).isEqualTo(2);
        assertThat(stub.postsTo("sender=")).hasSize(2);
        // After the 410 the second frame is not posted to the gone connection.
        assertThat(stub.postsTo("vanished=")).hasSize(1);
    }

    @Test
    void throttledPostsAreRetriedThenDeliveredInOrder() {
        stub.failNext("busy=", 429, 2);
        List<String> frames = List.of("42[\"first\"]", "42[\"second\"]");

        FanoutReport report = fanout(4).deliver(frames, List.of(stub.recipient("busy="), stub.recipient("calm=")));

        assertThat(report.delivered()).isEqualTo(2);
        assertThat(report.retries()).isEqualTo(2);
        assertThat(stub.postsTo("busy=")).containsExactly("42[\"first\"]", "42[\"first\"]", "42[\"first\"]",
                "42[\"second\"]");
        // Full jitter below a ceiling that doubles from 25 ms.
        assertThat(waits).containsExactly(Duration.ofMillis(25), Duration.ofMillis(50));
    }

    @Test
    void theDefaultTimerReallyRunsTheRetries() {
        stub.failNext("busy=", 429, 1);
        stub.failNext("busy=", 503, 1);
        ManagementApiFanout fanout = new ManagementApiFanout(clients, pruned::add, 4);

        FanoutReport report = fanout.deliver(List.of("42[\"x\"]"), List.of(stub.recipient("busy=")));

        assertThat(report.delivered()).isEqualTo(1);
        assertThat(report.retries()).isEqualTo(2);
        assertThat(stub.postsTo("busy=")).hasSize(3);
    }

    @Test
    void aServerErrorThatPersistsFailsAfterTheLastAttempt() {
        stub.failAlways("broken=", 500);

        FanoutReport report = fanout(4).deliver(List.of("42[\"x\"]", "42[\"y\"]"),
                List.of(stub.recipient("broken="), stub.recipient("fine=")));

        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.delivered()).isEqualTo(1);
        assertThat(report.retries()).isEqualTo(4);
        assertThat(stub.postsTo("broken=")).hasSize(5).containsOnly("42[\"x\"]");
        assertThat(waits).hasSize(4).allSatisfy(wait -> assertThat(wait).isLessThanOrEqualTo(Duration.ofSeconds(1)));
        assertThat(pruned).isEmpty();
    }

    @Test
    void aForbiddenAnswerIsNotRetried() {
        stub.failAlways("denied=", 403);

        FanoutReport report = fanout(4).deliver(List.of("42[\"x\"]"), List.of(stub.recipient("denied=")));

        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.retries()).isZero();
        assertThat(stub.requestsFor("denied=")).hasSize(1);
        assertThat(pruned).isEmpty();
    }

    @Test
    void neverHasMoreRecipientsInFlightThanTheBound() {
        stub.hold();
        List<Recipient> recipients = recipients(12);
        CompletableFuture<FanoutReport> running =
                CompletableFuture.supplyAsync(() -> fanout(3).deliver(List.of("42[\"x\"]", "42[\"y\"]"), recipients));

        // Requests park at the stub's gate; with a correct bound no fourth can arrive until one is released.
        await().atMost(Duration.ofSeconds(10)).until(() -> stub.parked() >= 3);
        stub.release(recipients.size() * 2);
        FanoutReport report = running.join();

        assertThat(report.delivered()).isEqualTo(12);
        assertThat(stub.maxInFlight()).isEqualTo(3);
    }

    @Test
    void duplicateRecipientsAreDeliveredOnce() {
        Recipient twice = stub.recipient("twice=");

        FanoutReport report = fanout(4).deliver(List.of("42[\"x\"]"),
                List.of(twice, stub.recipient("once="), new Recipient("twice=", stub.endpoint())));

        assertThat(report.delivered()).isEqualTo(2);
        assertThat(stub.postsTo("twice=")).hasSize(1);
    }

    @Test
    void everyRequestIsSignedWithSigV4() {
        fanout(4).deliver(List.of("42[\"x\"]"), recipients(3));

        assertThat(stub.requests()).hasSize(3).allSatisfy(request -> assertThat(request.signed()).isTrue());
    }

    @Test
    void anEmptyRecipientListMakesNoCalls() {
        FanoutReport report = fanout(4).deliver(List.of("42[\"x\"]"), List.of());

        assertThat(report).isEqualTo(FanoutReport.empty());
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void aRecipientWithABadEndpointFailsWithoutStoppingTheOthers() {
        List<Recipient> recipients = new ArrayList<>(recipients(2));
        recipients.add(new Recipient("lost=", "not a url"));

        FanoutReport report = fanout(4).deliver(List.of("42[\"x\"]"), recipients);

        assertThat(report.delivered()).isEqualTo(2);
        assertThat(report.failed()).isEqualTo(1);
    }

    @Test
    void aFailingPruneDoesNotStopTheNextOne() {
        stub.markGone("a=");
        stub.markGone("b=");
        List<Recipient> seen = new CopyOnWriteArrayList<>();
        GoneListener flaky = recipient -> {
            seen.add(recipient);
            throw new IllegalStateException("store unavailable");
        };
        ManagementApiFanout fanout = new ManagementApiFanout(clients, flaky, 2, RETRIES, new AlwaysHighest(),
                delay -> Runnable::run);

        FanoutReport report = fanout.deliver(List.of("42[\"x\"]"), List.of(stub.recipient("a="), stub.recipient("b=")));

        assertThat(report.gone()).isEqualTo(2);
        assertThat(seen).extracting(Recipient::connectionId).containsExactly("a=", "b=");
    }
}
