package dev.skysocket.fanout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

class ManagementApiClientsTest {

    private static ManagementApiClients clients() {
        return new ManagementApiClients(Region.EU_WEST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy")), 4, Duration.ofSeconds(1));
    }

    @Test
    void oneEndpointGetsOneClientWithOrWithoutATrailingSlash() {
        try (ManagementApiClients clients = clients()) {
            var first = clients.forEndpoint("https://abc.execute-api.eu-west-1.amazonaws.com/dev");

            assertThat(clients.forEndpoint("https://abc.execute-api.eu-west-1.amazonaws.com/dev/")).isSameAs(first);
            assertThat(clients.forEndpoint("https://abc.execute-api.eu-west-1.amazonaws.com/prod")).isNotSameAs(first);
            assertThat(first.serviceClientConfiguration().region()).isEqualTo(Region.EU_WEST_1);
            assertThat(first.serviceClientConfiguration().endpointOverride())
                    .hasValue(java.net.URI.create("https://abc.execute-api.eu-west-1.amazonaws.com/dev"));
        }
    }

    @Test
    void somethingThatIsNotAnHttpEndpointIsRefused() {
        try (ManagementApiClients clients = clients()) {
            assertThatThrownBy(() -> clients.forEndpoint("")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> clients.forEndpoint("ftp://abc/dev")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> clients.forEndpoint("not a url")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aClosedSetOfClientsBuildsNoMore() {
        ManagementApiClients clients = clients();
        clients.close();

        assertThatThrownBy(() -> clients.forEndpoint("http://127.0.0.1:1/dev")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void nonsenseLimitsAreRefused() {
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy"));
        assertThatThrownBy(() -> new ManagementApiClients(Region.EU_WEST_1, credentials, 0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ManagementApiClients(Region.EU_WEST_1, credentials, 4, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
