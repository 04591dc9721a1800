package dev.skysocket.fanout;

import java.time.Clock;
import java.time.Duration;
import java.util.function.BiFunction;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * How {@code PostToConnection} is sent, for comparisons only: the product always posts on its own pool
 * ({@code SIGNED_POOLED}); the two paths it was measured against live here, in the shared test jar, so the
 * fan-out tests run every path and the fan-out benchmark ({@code bench/fanout.sh --post-path=...}) can pick one.
 */
public enum PostPath {
    /** Signed here (SigV4, signing key kept per day) and sent on our own connection pool. The product's path. */
    SIGNED_POOLED(null),
    /** Signed here and handed to the SDK's shared Netty HTTP client. */
    SIGNED_HTTP((clients, endpoint) -> new SignedFramePoster(clients.http(), clients.credentials(), clients.signer(),
            Clock.systemUTC(), ManagementApiClients.ATTEMPT_TIMEOUT, endpoint)),
    /** Through the SDK's {@code ApiGatewayManagementApiAsyncClient}. */
    SDK_CLIENT((clients, endpoint) -> new SdkFramePoster(clients.forEndpoint(endpoint)));

    private final BiFunction<ManagementApiClients, String, FramePoster> posters;

    PostPath(BiFunction<ManagementApiClients, String, FramePoster> posters) {
        this.posters = posters;
    }

    /** Management API clients that post this way; otherwise as {@code new ManagementApiClients(...)}. */
    public ManagementApiClients clients(Region region, AwsCredentialsProvider credentials, int maxConcurrency,
                                        Duration acquisitionTimeout) {
        return new ManagementApiClients(region, credentials, maxConcurrency, acquisitionTimeout, posters);
    }
}
