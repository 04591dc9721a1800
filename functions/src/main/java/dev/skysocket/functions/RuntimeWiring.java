package dev.skysocket.functions;

import dev.skysocket.apigw.ApiGatewayRuntime;
import dev.skysocket.apigw.AsyncInvoker;
import dev.skysocket.apigw.LambdaAsyncInvoker;
import dev.skysocket.apigw.OpenPacketStep;
import dev.skysocket.config.AppSettings;
import dev.skysocket.config.Settings;
import dev.skysocket.config.ssm.AppSettingsLoader;
import dev.skysocket.config.SkysocketConfig;
import dev.skysocket.fanout.ManagementApiClients;
import dev.skysocket.runtime.AwsClients;
import dev.skysocket.runtime.Owned;
import dev.skysocket.server.DeclaredServer;
import dev.skysocket.tracing.CallTracer;
import java.util.Locale;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

/**
 * Builds the {@link ApiGatewayRuntime} of one process from settings ({@link ApiGatewayRuntime#fromSettings}, as
 * the local stack does), and owns what it needs: the AWS clients every path builds through {@link AwsClients},
 * plus the Lambda client of the open step. Every setting is checked
 * before any client is built, so a wrong setup fails at start with the fix in the message. Cold start (STYLE 11):
 * sync calls use the small url-connection client; the Netty client of the fan-out is only built on the first post.
 */
final class RuntimeWiring implements AutoCloseable {
    static final String OPEN_INVOKER = "skysocket.open-invoker";
    static final String OPEN_FUNCTION = "skysocket.open-function";

    private final ApiGatewayRuntime runtime;
    private final Owned owned;

    private RuntimeWiring(ApiGatewayRuntime runtime, Owned owned) {
        this.runtime = runtime;
        this.owned = owned;
    }

    /** The wiring of the {@code connect} function, the strictest: it alone starts the open step. */
    static RuntimeWiring from(Settings settings) {
        return from(settings, "connect");
    }

    /**
     * @param handler the function's QUARKUS_LAMBDA_HANDLER; only {@code connect} starts the open step, so only it
     *                needs the open function's name (the open function cannot name itself in the template)
     */
    static RuntimeWiring from(Settings settings, String handler) {
        // Settings first, clients after: a wrong setup fails before anything is built.
        SkysocketConfig.from(settings);
        AwsClients.region(settings);
        AwsClients.endpoint(settings, AwsClients.DYNAMODB_ENDPOINT);
        String invokerKind = settings.string(OPEN_INVOKER, "lambda").toLowerCase(Locale.ROOT);
        String openFunction = settings.string(OPEN_FUNCTION, null);
        if (!invokerKind.equals("lambda") && !invokerKind.equals("thread")) {
            throw new IllegalStateException("setting " + OPEN_INVOKER + " (" + Settings.envName(OPEN_INVOKER)
                    + ") must be 'lambda' (on AWS) or 'thread' (tests and local runs), got '" + invokerKind + "'");
        }
        boolean startsOpenStep = "connect".equals(handler);
        if (invokerKind.equals("lambda") && openFunction == null && startsOpenStep) {
            throw new IllegalStateException("the open step runs as an async Lambda invocation, but setting "
                    + OPEN_FUNCTION + " is not set: set " + Settings.envName(OPEN_FUNCTION)
                    + " to the open function's name or ARN, or " + Settings.envName(OPEN_INVOKER) + "=thread locally");
        }

        Owned owned = new Owned();
        try {
            // X-Ray subsegments for every AWS call when tracing is on (on Lambda only; nothing otherwise).
            CallTracer tracer = CallTracers.fromSettings(settings);
            AwsClients aws = owned.add(AwsClients.fromSettings(settings, tracer));
            Region region = aws.region();
            AwsCredentialsProvider credentials = aws.credentials();
            Function<OpenPacketStep, AsyncInvoker> invokerFor;
            LambdaClient lambda = null;
            if (invokerKind.equals("lambda")) {
                lambda = owned.add(LambdaClient.builder()
                        .region(region)
                        .credentialsProvider(credentials)
                        .httpClient(UrlConnectionHttpClient.create())
                        .overrideConfiguration(c -> c.executionInterceptors(tracer.sdkInterceptors()))
                        .build());
                LambdaClient invoking = lambda;
                invokerFor = openFunction != null ? step -> new LambdaAsyncInvoker(invoking, openFunction)
                        : step -> request -> {
                            throw new IllegalStateException("only the connect function starts the open step");
                        };
            } else {
                invokerFor = step -> owned.add(new ThreadAsyncInvoker(step));
            }
            ManagementApiClients management = aws.management();
            // The app's own settings (secrets among them) from the parameter store, once, before the app configures.
            AppSettings appSettings = AppSettingsLoader.load(settings, credentials, region.id());
            ApiGatewayRuntime runtime = ApiGatewayRuntime.fromSettings(settings,
                    DeclaredServer.fromServiceLoader(appSettings), aws, invokerFor);
            if (settings.bool(Priming.SETTING, true)) {
                Priming.run(runtime, management, lambda, startsOpenStep ? openFunction : null);
            }
            return new RuntimeWiring(runtime, owned);
        } catch (RuntimeException e) {
            owned.close();
            throw e;
        }
    }

    ApiGatewayRuntime runtime() {
        return runtime;
    }

    /** Closes in reverse order of building: open-step threads before the fan-out they post through. */
    @Override
    public void close() {
        owned.close();
    }
}
