package dev.skysocket.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skysocket.testing.ManagementApiStub;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
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
import software.amazon.awssdk.services.apigatewaymanagementapi.model.ForbiddenException;

/** post / get / close on single connections, including the 410 paths. */
@ParameterizedClass
@EnumSource(PostPath.class)
class ManagementApiConnectionControlTest {
    /** One set of clients per way of posting, kept across the class's tests: Netty is slow to start. */
    private static final Map<PostPath, ManagementApiClients> CLIENTS = new EnumMap<>(PostPath.class);

    @Parameter
    PostPath path;
    private ManagementApiClients clients;
    private ManagementApiStub stub;
    private final List<Recipient> pruned = new CopyOnWriteArrayList<>();
    private ConnectionControl control;

    private static synchronized ManagementApiClients clients(PostPath path) {
        return CLIENTS.computeIfAbsent(path, p -> p.clients(Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")), 8,
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
        control = new ManagementApiFanout(clients, pruned::add, 4, RetryPolicy.defaults(), new AlwaysHighest(),
                delay -> Runnable::run);
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    @Test
    void postSendsOneSignedFrameAsUtf8() {
        assertThat(control.post(stub.recipient("abc="), "42[\"é\"]")).isTrue();

        assertThat(stub.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.connectionId()).isEqualTo("abc=");
            assertThat(request.signed()).isTrue();
            assertThat(request.body()).isEqualTo("42[\"é\"]".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
    }

    @Test
    void postAnswersFalseForAGoneConnectionWithoutPruningAnything() {
        stub.markGone("old=");

        assertThat(control.post(stub.recipient("old="), "3")).isFalse();
        assertThat(pruned).isEmpty();
    }

    @Test
    void postRetriesAThrottledCall() {
        stub.failNext("busy=", 429, 1);

        assertThat(control.post(stub.recipient("busy="), "2")).isTrue();
        assertThat(stub.postsTo("busy=")).containsExactly("2", "2");
    }

    @Test
    void postRethrowsAForbiddenAnswer() {
        stub.failAlways("denied=", 403);

        assertThatThrownBy(() -> control.post(stub.recipient("denied="), "2")).isInstanceOf(ForbiddenException.class);
        assertThat(stub.requestsFor("denied=")).hasSize(1);
    }

    @Test
    void getMapsTheConnection() {
        assertThat(control.get(stub.recipient("abc="))).contains(new ConnectionInfo(ManagementApiStub.CONNECTED_AT,
                ManagementApiStub.LAST_ACTIVE_AT, ManagementApiStub.SOURCE_IP, ManagementApiStub.USER_AGENT));
        assertThat(stub.requests()).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.signed()).isTrue();
        });
    }

    @Test
    void getIsEmptyForAGoneConnection() {
        stub.markGone("old=");

        assertThat(control.get(stub.recipient("old="))).isEmpty();
    }

    @Test
    void closeDeletesTheConnection() {
        Recipient recipient = stub.recipient("abc=");

        assertThat(control.close(recipient)).isTrue();

        assertThat(stub.requestsFor("abc=")).extracting(ManagementApiStub.Request::method).containsExactly("DELETE");
        assertThat(control.get(recipient)).isEmpty();
    }

    @Test
    void closeAnswersFalseWhenTheConnectionIsAlreadyGone() {
        stub.markGone("old=");

        assertThat(control.close(stub.recipient("old="))).isFalse();
    }

    @Test
    void connectionIdsWithReservedCharactersSurviveThePath() {
        String id = "a+b/c=";

        assertThat(control.post(stub.recipient(id), "3")).isTrue();
        assertThat(stub.postsTo(id)).containsExactly("3");
    }
}
