package dev.skysocket.fanout;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiAsyncClient;

/**
 * Our SigV4 for {@code PostToConnection} against the SDK's own signer, byte for byte: the same unsigned request
 * signed both ways at the same instant must carry the same headers. And the request itself against the one the
 * SDK's client builds: same path, same body.
 */
class PostSignerTest {
    private static final Instant NOW = Instant.parse("2026-11-22T23:59:58Z");
    private static final Frame FRAME = Frame.of("42[\"news\",{\"text\":\"héllo ✓\"}]");
    private static final AwsCredentialsProvider LONG_TERM =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"));
    private static final AwsCredentialsProvider SESSION = StaticCredentialsProvider.create(
            AwsSessionCredentials.create("ASIAEXAMPLE", "secret/with+chars", "IQoJb3JpZ2luX2VjE//token+/=="));

    private static SignedFramePoster poster(String endpoint, AwsCredentialsProvider credentials, Instant now,
                                            String region) {
        return new SignedFramePoster(null, credentials, new PostSigner(region, SignedFramePoster.SERVICE),
                Clock.fixed(now, ZoneOffset.UTC), Duration.ofSeconds(10), endpoint);
    }

    /**
     * The same request, signed by the SDK's AwsV4HttpSigner from scratch: it adds X-Amz-Date, the token and the
     * payload hash itself, hashing the body it is given.
     */
    private static SdkHttpRequest signedBySdk(SdkHttpFullRequest ours, AwsCredentialsProvider credentials,
                                              Instant now, String region) {
        SdkHttpFullRequest unsigned = ours.toBuilder()
                .removeHeader("Authorization").removeHeader("X-Amz-Date").removeHeader("X-Amz-Security-Token")
                .removeHeader("x-amz-content-sha256")
                .build();
        var resolved = credentials.resolveCredentials();
        AwsCredentialsIdentity identity = resolved instanceof AwsSessionCredentials session
                ? AwsSessionCredentialsIdentity.create(session.accessKeyId(), session.secretAccessKey(),
                session.sessionToken())
                : AwsCredentialsIdentity.create(resolved.accessKeyId(), resolved.secretAccessKey());
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(identity)
                .request(unsigned)
                .payload(ContentStreamProvider.fromByteArray(FRAME.bytes()))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(now, ZoneOffset.UTC)));
        return signed.request();
    }

    private static Map<String, List<String>> lowerCased(Map<String, List<String>> headers) {
        Map<String, List<String>> lower = new TreeMap<>();
        headers.forEach((name, values) -> lower.put(name.toLowerCase(java.util.Locale.ROOT), values));
        return lower;
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc=", "a+b/c=", "L0SM9cOFvHcCIhw=", "spaces and ünïcödé", "100%#?&@:"})
    void ourSignatureEqualsTheSdkSignersForAnyConnectionId(String connectionId) {
        String endpoint = "https://abc123.execute-api.eu-west-1.amazonaws.com/prod";
        SdkHttpFullRequest ours = poster(endpoint, LONG_TERM, NOW, "eu-west-1").signedRequest(connectionId, FRAME);

        SdkHttpRequest sdk = signedBySdk(ours, LONG_TERM, NOW, "eu-west-1");

        assertThat(lowerCased(ours.headers())).isEqualTo(lowerCased(sdk.headers()));
        assertThat(ours.encodedPath()).isEqualTo(sdk.encodedPath());
        assertThat(ours.firstMatchingHeader("Authorization")).get().asString()
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261122/eu-west-1/execute-api/aws4_request, "
                        + "SignedHeaders=content-length;host;x-amz-content-sha256;x-amz-date, Signature=");
    }

    @Test
    void sessionCredentialsSignTheirTokenAsTheSdkSignerDoes() {
        String endpoint = "https://abc123.execute-api.us-east-1.amazonaws.com/dev";
        SdkHttpFullRequest ours = poster(endpoint, SESSION, NOW, "us-east-1").signedRequest("abc=", FRAME);

        SdkHttpRequest sdk = signedBySdk(ours, SESSION, NOW, "us-east-1");

        assertThat(lowerCased(ours.headers())).isEqualTo(lowerCased(sdk.headers()));
        assertThat(ours.firstMatchingHeader("X-Amz-Security-Token")).contains("IQoJb3JpZ2luX2VjE//token+/==");
    }

    @Test
    void aNonDefaultPortIsPartOfTheSignedHost() {
        SdkHttpFullRequest ours = poster("http://127.0.0.1:8123/local", LONG_TERM, NOW, "us-east-1")
                .signedRequest("abc=", FRAME);

        SdkHttpRequest sdk = signedBySdk(ours, LONG_TERM, NOW, "us-east-1");

        assertThat(ours.firstMatchingHeader("Host")).contains("127.0.0.1:8123");
        assertThat(lowerCased(ours.headers())).isEqualTo(lowerCased(sdk.headers()));
    }

    @Test
    void theSigningKeyFollowsTheDayAcrossMidnight() {
        PostSigner signer = new PostSigner("us-east-1", SignedFramePoster.SERVICE);
        String endpoint = "https://abc123.execute-api.us-east-1.amazonaws.com/dev";
        for (Instant now : List.of(NOW, NOW.plusSeconds(5), NOW.plus(Duration.ofDays(1)))) {
            SignedFramePoster poster = new SignedFramePoster(null, LONG_TERM, signer, Clock.fixed(now, ZoneOffset.UTC),
                    Duration.ofSeconds(10), endpoint);
            SdkHttpFullRequest ours = poster.signedRequest("abc=", FRAME);

            assertThat(lowerCased(ours.headers())).as(now.toString())
                    .isEqualTo(lowerCased(signedBySdk(ours, LONG_TERM, now, "us-east-1").headers()));
        }
    }

    @Test
    void ourRequestHasThePathAndBodyOfTheSdkClientsRequest() throws Exception {
        List<SdkHttpRequest> seen = new CopyOnWriteArrayList<>();
        List<byte[]> bodies = new CopyOnWriteArrayList<>();
        var server = com.sun.net.httpserver.HttpServer.create(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            bodies.add(exchange.getRequestBody().readAllBytes());
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        String endpoint = "http://127.0.0.1:" + server.getAddress().getPort() + "/dev";
        String connectionId = "a+b/c=";
        try (var http = NettyNioAsyncHttpClient.create();
             var client = ApiGatewayManagementApiAsyncClient.builder()
                     .endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1).credentialsProvider(LONG_TERM)
                     .httpClient(http)
                     .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
                         @Override
                         public void beforeTransmission(Context.BeforeTransmission context,
                                                        ExecutionAttributes attributes) {
                             seen.add(context.httpRequest());
                         }
                     })).build()) {
            client.postToConnection(b -> b.connectionId(connectionId).data(FRAME.sdkBytes())).join();
        } finally {
            server.stop(0);
        }

        SdkHttpFullRequest ours = poster(endpoint, LONG_TERM, NOW, "us-east-1").signedRequest(connectionId, FRAME);
        assertThat(seen).singleElement().satisfies(sdk -> {
            assertThat(ours.encodedPath()).isEqualTo(sdk.encodedPath());
            assertThat(ours.firstMatchingHeader("Host")).isEqualTo(sdk.firstMatchingHeader("Host"));
            assertThat(ours.method()).isEqualTo(sdk.method());
        });
        assertThat(bodies).singleElement().isEqualTo(FRAME.bytes());
        assertThat(new String(FRAME.bytes(), StandardCharsets.UTF_8)).contains("héllo ✓");
    }
}
