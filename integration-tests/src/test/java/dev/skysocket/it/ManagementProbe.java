package dev.skysocket.it;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

/**
 * Calls the {@code @connections} API as a backend would, with the real SDK client: the local stack's emulator
 * with dummy credentials, or a stage with the default credential chain (SigV4, which the API requires). The
 * endpoint is {@code https://<host>/<stage>} of the WebSocket URL unless {@code -Dskysocket.it.management-url}
 * names another; the Region comes from an execute-api host name or {@code -Dskysocket.it.region}.
 */
final class ManagementProbe implements AutoCloseable {
    static final String MANAGEMENT_URL = "skysocket.it.management-url";
    static final String REGION = "skysocket.it.region";

    /** What a call answered: 200 (or 204) with no error type, else the HTTP status and AWS's error type. */
    record Answer(int status, String errorType) {
        boolean ok() {
            return status / 100 == 2;
        }

        @Override
        public String toString() {
            return errorType == null ? String.valueOf(status) : status + " " + errorType;
        }
    }

    private final String endpoint;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final SdkHttpClient http = UrlConnectionHttpClient.create();

    private ManagementProbe(String endpoint, Region region, AwsCredentialsProvider credentials) {
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
    }

    /** The probe for {@code target}, or a skip of {@code fact} saying what is missing. */
    static ManagementProbe require(TestStack.Target target, String fact) {
        if (target.isLocal()) {
            return local(target.local().managementEndpoint());
        }
        URI websocket = URI.create(target.websocketUrl());
        String configured = System.getProperty(MANAGEMENT_URL);
        String endpoint = configured != null && !configured.isBlank() ? configured.trim().replaceAll("/+$", "")
                : "https://" + websocket.getRawAuthority() + target.path();
        String region = System.getProperty(REGION, regionOf(websocket.getHost()));
        FactLog.skipUnless(region != null, fact, "the Region is not in the host name " + websocket.getHost()
                + ": set -D" + REGION);
        DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build();
        try {
            chain.resolveCredentials();
        } catch (RuntimeException none) {
            FactLog.skip(fact, "needs AWS credentials allowed to call execute-api:ManageConnections on the stage"
                    + " (the default chain: AWS_PROFILE, AWS_ACCESS_KEY_ID, ...); none resolved: " + none.getMessage());
        }
        return new ManagementProbe(endpoint, Region.of(region), chain);
    }

    /** A probe of a local emulator's {@code @connections} API, which accepts any SigV4-shaped request. */
    static ManagementProbe local(String endpoint) {
        return new ManagementProbe(endpoint, Region.US_EAST_1,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
    }

    String endpoint() {
        return endpoint;
    }

    /** PostToConnection at this probe's endpoint. */
    Answer post(String connectionId, byte[] data) {
        return post(endpoint, connectionId, data);
    }

    /** PostToConnection at another base URL (a custom domain's), signed for the same Region. */
    Answer post(String baseUrl, String connectionId, byte[] data) {
        try (ApiGatewayManagementApiClient client = client(baseUrl)) {
            client.postToConnection(r -> r.connectionId(connectionId).data(SdkBytes.fromByteArray(data)));
            return new Answer(200, null);
        } catch (AwsServiceException refused) {
            String type = refused.awsErrorDetails() != null ? refused.awsErrorDetails().errorCode() : null;
            return new Answer(refused.statusCode(), type != null ? type : refused.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        http.close();
    }

    private ApiGatewayManagementApiClient client(String baseUrl) {
        return ApiGatewayManagementApiClient.builder()
                .endpointOverride(URI.create(baseUrl))
                .region(region)
                .credentialsProvider(credentials)
                // A client given to the builder stays open when the SDK client closes.
                .httpClient(http)
                // One attempt: the answer itself is the observation.
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    /** {@code <api>.execute-api.<region>.amazonaws.com} → the Region; null for any other host. */
    static String regionOf(String host) {
        String[] parts = host == null ? new String[0] : host.split("\\.");
        return parts.length >= 5 && "execute-api".equals(parts[1]) ? parts[2] : null;
    }
}
