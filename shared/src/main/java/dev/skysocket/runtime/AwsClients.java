package dev.skysocket.runtime;

import dev.skysocket.config.Settings;
import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.fanout.ManagementApiClients;
import dev.skysocket.tracing.CallTracer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The AWS clients of one process, built from settings in one place for the Lambda functions, the Fargate gateway
 * and the local stack: the DynamoDB client and the Management API clients, with one fan-out concurrency
 * ({@code skysocket.fanout-concurrency}) and one retry policy per call path. DynamoDB calls are retried by the SDK
 * alone ({@link #DYNAMO_ATTEMPTS} attempts in all, standard strategy: exponential backoff with jitter, throttling
 * and 5xx only); nothing of ours retries them again. Management API calls are retried by the fan-out alone (the
 * SDK's retries are off in {@link ManagementApiClients}). Sync calls use the small url-connection HTTP client for
 * cold start (STYLE 11); {@link DynamoLimits} bounds how many DynamoDB calls are in flight and how long each may take.
 * Closes what it built, in reverse order.
 */
public final class AwsClients implements AutoCloseable {
    public static final String REGION = "skysocket.region";
    public static final String DYNAMODB_ENDPOINT = "skysocket.dynamodb-endpoint";
    /** Read as the {@code aws.region} system property, then {@code AWS_REGION}, which Lambda and ECS set. */
    public static final String AWS_REGION = "aws.region";
    /** Every DynamoDB call: the first attempt and at most two retries, the SDK's standard bound. */
    public static final int DYNAMO_ATTEMPTS = 3;
    /** A post waits at most this long for a free connection of the fan-out's pool. */
    public static final Duration ACQUISITION_TIMEOUT = Duration.ofSeconds(10);

    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final DynamoDbClient dynamo;
    private final ManagementApiClients management;
    private final Owned owned;

    private AwsClients(Region region, AwsCredentialsProvider credentials, DynamoDbClient dynamo,
                       ManagementApiClients management, Owned owned) {
        this.region = region;
        this.credentials = credentials;
        this.dynamo = dynamo;
        this.management = management;
        this.owned = owned;
    }

    /** On AWS: region and DynamoDB endpoint from settings, credentials from the default chain. */
    public static AwsClients fromSettings(Settings settings) {
        return fromSettings(settings, CallTracer.NONE);
    }

    /** As {@link #fromSettings(Settings)}, every DynamoDB and Management API call traced by {@code tracer}. */
    public static AwsClients fromSettings(Settings settings, CallTracer tracer) {
        Region region = region(settings);
        URI endpoint = endpoint(settings, DYNAMODB_ENDPOINT);
        SkysocketConfig config = SkysocketConfig.from(settings);
        DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build();
        return build(config, DynamoLimits.from(settings), region, chain, chain, endpoint, tracer);
    }

    /**
     * Given credentials and a DynamoDB endpoint (the local stack: DynamoDB Local and the emulator's Management
     * API, with dummy credentials).
     */
    public static AwsClients with(Settings settings, Region region, AwsCredentialsProvider credentials, URI dynamoEndpoint) {
        return build(SkysocketConfig.from(settings), DynamoLimits.from(settings), region, credentials, null,
                dynamoEndpoint, CallTracer.NONE);
    }

    private static AwsClients build(SkysocketConfig config, DynamoLimits limits, Region region,
                                    AwsCredentialsProvider credentials, AutoCloseable ownedCredentials,
                                    URI dynamoEndpoint, CallTracer tracer) {
        Owned owned = new Owned();
        if (ownedCredentials != null) {
            owned.add(ownedCredentials);
        }
        try {
            DynamoDbClient dynamo = dynamo(region, credentials, dynamoEndpoint, limits, tracer);
            owned.add(dynamo);
            ManagementApiClients management = new ManagementApiClients(region, credentials,
                    config.fanoutConcurrency(), ACQUISITION_TIMEOUT, tracer);
            owned.add(management);
            return new AwsClients(region, credentials, dynamo, management, owned);
        } catch (RuntimeException e) {
            owned.close();
            throw e;
        }
    }

    /** The DynamoDB client every path uses, with the default {@link DynamoLimits}. */
    public static DynamoDbClient dynamo(Region region, AwsCredentialsProvider credentials, URI endpoint) {
        return dynamo(region, credentials, endpoint, DynamoLimits.DEFAULTS);
    }

    /**
     * The DynamoDB client every path uses: the SDK's standard retries as the only ones, at most
     * {@code limits.maxConcurrency()} calls in flight, and a deadline on every attempt and every call.
     */
    public static DynamoDbClient dynamo(Region region, AwsCredentialsProvider credentials, URI endpoint,
                                        DynamoLimits limits) {
        return dynamo(region, credentials, endpoint, limits, CallTracer.NONE);
    }

    /** As above, every call traced by {@code tracer} (a subsegment per call, retries counted in it). */
    public static DynamoDbClient dynamo(Region region, AwsCredentialsProvider credentials, URI endpoint,
                                        DynamoLimits limits, CallTracer tracer) {
        var builder = DynamoDbClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.builder()
                        .socketTimeout(limits.attemptTimeout())
                        .build())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(DYNAMO_ATTEMPTS).build())
                        .apiCallAttemptTimeout(limits.attemptTimeout())
                        .apiCallTimeout(limits.callTimeout())
                        .addExecutionInterceptor(new ConcurrencyLimit(limits.maxConcurrency(),
                                limits.acquireTimeout()))
                        .addMetricPublisher(new StoreThrottles())
                        .applyMutation(c -> tracer.sdkInterceptors().forEach(c::addExecutionInterceptor))
                        .build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }

    /** The stores and fan-out over the configured table, through these clients. */
    public DynamoBackend backend(SkysocketConfig config, Clock clock) {
        return DynamoBackend.create(config, dynamo, management, clock);
    }

    public Region region() {
        return region;
    }

    public AwsCredentialsProvider credentials() {
        return credentials;
    }

    public DynamoDbClient dynamo() {
        return dynamo;
    }

    public ManagementApiClients management() {
        return management;
    }

    /** {@code skysocket.region}, else {@code aws.region} / {@code AWS_REGION}; none stops the start. */
    public static Region region(Settings settings) {
        String region = settings.string(REGION, settings.string(AWS_REGION, null));
        if (region == null) {
            throw new IllegalStateException("no AWS region: set AWS_REGION (Lambda and ECS set it) or "
                    + Settings.envName(REGION));
        }
        return Region.of(region);
    }

    /** An http(s) URL setting, or null when unset; anything else stops the start with the setting's name. */
    public static URI endpoint(Settings settings, String name) {
        String value = settings.string(name, null);
        if (value == null) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalStateException("setting " + name + " (" + Settings.envName(name)
                    + ") must be an http(s) URL such as http://127.0.0.1:8000, got '" + value + "'");
        }
        return uri;
    }

    /** Closes the Management API clients before the DynamoDB client, the credentials last. */
    @Override
    public void close() {
        owned.close();
    }
}
