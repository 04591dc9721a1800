package dev.skysocket.fanout;

import dev.skysocket.config.Settings;
import dev.skysocket.tracing.CallTracer;
import java.io.Closeable;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import javax.net.ssl.TrustManagerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiAsyncClient;

/**
 * One Management API client per endpoint base URL ({@code https://{api}.execute-api.{region}.amazonaws.com/{stage}}),
 * all sharing one Netty HTTP client. Clients are built on first use, so a function that never fans out never pays
 * for Netty (STYLE 11). The SDK's own retries are off: {@link ManagementApiFanout} retries itself so its report
 * can count them.
 *
 * <p>{@code PostToConnection}, the call a fan-out makes once per recipient, goes as a signed request on keep-alive
 * connections of our own ({@code PooledFramePoster}): the SDK client's per-call pipeline cost about four times the
 * HTTP exchange itself, and its HTTP client's per-request work twice what a plain HTTP client needs. The paths it
 * was measured against are in the shared test jar ({@code PostPath}), for the benchmarks and tests only. GET and
 * DELETE always use the SDK client.
 */
public final class ManagementApiClients implements Closeable {

    /** One attempt that hangs must not hold a fan-out for ever; API Gateway answers in milliseconds. */
    static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_ACQUISITION_TIMEOUT = Duration.ofSeconds(10);
    static final String IO_THREADS = "skysocket.fanout-io-threads";

    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final AutoCloseable ownedCredentials;
    private final int maxConcurrency;
    private final Duration acquisitionTimeout;
    /** How {@code PostToConnection} reaches an endpoint; null for our own pool. Another only in tests. */
    private final BiFunction<ManagementApiClients, String, FramePoster> posterFactory;
    private final PostSigner signer;
    private final Map<String, ApiGatewayManagementApiAsyncClient> clients = new ConcurrentHashMap<>();
    private final Map<String, FramePoster> posters = new ConcurrentHashMap<>();
    private final TrustManagerFactory trust;
    private final CallTracer tracer;
    private SdkAsyncHttpClient http;
    private PostTransport transport;
    private boolean closed;

    /**
     * @param region             the signing region (AWS_REGION in Lambda)
     * @param credentials        the default chain in production, static dummy credentials on a laptop
     * @param maxConcurrency     most open HTTP connections across all endpoints
     * @param acquisitionTimeout how long a call may wait for a free connection before it fails
     */
    public ManagementApiClients(Region region, AwsCredentialsProvider credentials, int maxConcurrency,
                                Duration acquisitionTimeout) {
        this(region, credentials, maxConcurrency, acquisitionTimeout, CallTracer.NONE);
    }

    /** As above, with every call (posts included) traced by {@code tracer}. */
    public ManagementApiClients(Region region, AwsCredentialsProvider credentials, int maxConcurrency,
                                Duration acquisitionTimeout, CallTracer tracer) {
        this(region, credentials, null, maxConcurrency, acquisitionTimeout, null, null, tracer);
    }

    /** For comparisons (the test jar's {@code PostPath}): {@code PostToConnection} through posters of its own. */
    ManagementApiClients(Region region, AwsCredentialsProvider credentials, int maxConcurrency,
                         Duration acquisitionTimeout, BiFunction<ManagementApiClients, String, FramePoster> posters) {
        this(region, credentials, null, maxConcurrency, acquisitionTimeout, posters, null, CallTracer.NONE);
    }

    /** For tests: TLS to endpoints whose certificates {@code trust} accepts instead of the JDK's trust store. */
    static ManagementApiClients trusting(TrustManagerFactory trust, AwsCredentialsProvider credentials) {
        return new ManagementApiClients(Region.US_EAST_1, credentials, null, 4, DEFAULT_ACQUISITION_TIMEOUT,
                null, trust, CallTracer.NONE);
    }

    /** The Region the clients sign for: the API's, since the functions run beside it. */
    public Region region() {
        return region;
    }

    private ManagementApiClients(Region region, AwsCredentialsProvider credentials, AutoCloseable ownedCredentials,
                                 int maxConcurrency, Duration acquisitionTimeout,
                                 BiFunction<ManagementApiClients, String, FramePoster> posterFactory,
                                 TrustManagerFactory trust, CallTracer tracer) {
        if (maxConcurrency < 1) {
            throw new IllegalArgumentException("maxConcurrency must be positive, got " + maxConcurrency);
        }
        if (acquisitionTimeout.isNegative() || acquisitionTimeout.isZero()) {
            throw new IllegalArgumentException("acquisitionTimeout must be positive, got " + acquisitionTimeout);
        }
        this.region = java.util.Objects.requireNonNull(region, "region");
        this.credentials = java.util.Objects.requireNonNull(credentials, "credentials");
        this.ownedCredentials = ownedCredentials;
        this.maxConcurrency = maxConcurrency;
        this.acquisitionTimeout = acquisitionTimeout;
        this.posterFactory = posterFactory;
        this.signer = new PostSigner(region.id(), PostTarget.SERVICE);
        this.trust = trust;
        this.tracer = java.util.Objects.requireNonNull(tracer, "tracer");
    }

    /** The client for one endpoint base URL; a trailing slash is ignored. */
    public ApiGatewayManagementApiAsyncClient forEndpoint(String endpoint) {
        String key = normalize(endpoint);
        ApiGatewayManagementApiAsyncClient client = clients.get(key);
        return client != null ? client : clients.computeIfAbsent(key, this::build);
    }

    /**
     * How {@code PostToConnection} reaches one endpoint, built on first use like the clients. Looked up once per
     * recipient, so the endpoint as given is a key too: parsing it every time would cost more than the lookup.
     */
    FramePoster poster(String endpoint) {
        FramePoster poster = endpoint == null ? null : posters.get(endpoint);
        if (poster == null) {
            poster = posters.computeIfAbsent(normalize(endpoint), this::buildPoster);
            posters.putIfAbsent(endpoint, poster);
        }
        return poster;
    }

    /**
     * Sends one {@code PostToConnection} to {@code endpoint}, which is expected to refuse it (a closed loopback
     * port), so that a function's first real post finds its classes loaded, its TLS context built and its code
     * compiled once (Lambda SnapStart-style priming during init). Never throws for the refusal.
     */
    public void primePost(String endpoint) {
        try {
            poster(endpoint).post("priming", Frame.of("priming")).join();
        } catch (CompletionException expected) {
            // refused: the whole post path has run once
        }
    }

    private FramePoster buildPoster(String endpoint) {
        FramePoster poster = posterFactory != null ? posterFactory.apply(this, endpoint)
                : new PooledFramePoster(new PostTarget(endpoint, credentials, signer, Clock.systemUTC()), transport(),
                        ATTEMPT_TIMEOUT);
        return tracer.enabled() ? new TracedFramePoster(poster, tracer) : poster;
    }

    AwsCredentialsProvider credentials() {
        return credentials;
    }

    PostSigner signer() {
        return signer;
    }

    static String normalize(String endpoint) {
        if (endpoint == null || endpoint.isBlank()) {
            throw new IllegalArgumentException("a Management API endpoint is required");
        }
        String trimmed = endpoint.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        URI uri = URI.create(trimmed);
        if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("not a Management API endpoint (need http(s)://host/stage): " + endpoint);
        }
        return trimmed;
    }

    private ApiGatewayManagementApiAsyncClient build(String endpoint) {
        return ApiGatewayManagementApiAsyncClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(region)
                .credentialsProvider(credentials)
                .httpClient(http())
                .overrideConfiguration(c -> c
                        .retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .executionInterceptors(tracer.sdkInterceptors()))
                .build();
    }

    /** The SDK's Netty HTTP client every SDK client here shares, built on first use. */
    synchronized SdkAsyncHttpClient http() {
        if (closed) {
            throw new IllegalStateException("ManagementApiClients is closed");
        }
        if (http == null) {
            http = NettyNioAsyncHttpClient.builder()
                    .eventLoopGroupBuilder(SdkEventLoopGroup.builder().numberOfThreads(ioThreads()))
                    .maxConcurrency(maxConcurrency)
                    .connectionAcquisitionTimeout(acquisitionTimeout)
                    .build();
        }
        return http;
    }

    private synchronized PostTransport transport() {
        if (closed) {
            throw new IllegalStateException("ManagementApiClients is closed");
        }
        if (transport == null) {
            transport = new PostTransport(ioThreads(), maxConcurrency, acquisitionTimeout, trust);
        }
        return transport;
    }

    /**
     * Netty's default is two event loops per core; posts are short, so fewer loops mean fewer handoffs and less
     * contention with the caller (docs/benchmarks.md, fan-out). {@code skysocket.fanout-io-threads} overrides.
     */
    static int ioThreads() {
        return Math.max(1, Settings.system().intValue(IO_THREADS,
                Runtime.getRuntime().availableProcessors() / 2));
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        // The SDK clients do not close an HTTP client handed to them, so the shared one is closed last, here.
        clients.values().forEach(ApiGatewayManagementApiAsyncClient::close);
        clients.clear();
        // Each poster is in the map twice (normalized and as given): close each once.
        new HashSet<>(posters.values()).forEach(poster -> {
            if (poster instanceof AutoCloseable closeable) {
                closeQuietly(closeable);
            }
        });
        posters.clear();
        synchronized (this) {
            if (http != null) {
                http.close();
                http = null;
            }
            if (transport != null) {
                transport.close();
                transport = null;
            }
        }
        if (ownedCredentials != null) {
            closeQuietly(ownedCredentials);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            System.getLogger(ManagementApiClients.class.getName())
                    .log(System.Logger.Level.DEBUG, "closing " + closeable.getClass().getSimpleName() + " failed", e);
        }
    }
}
