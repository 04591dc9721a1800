package dev.skysocket.functions;

import dev.skysocket.apigw.ApiGatewayAuthorizer;
import dev.skysocket.apigw.ApiGatewayRuntime;
import dev.skysocket.auth.ConnectAuthorizers;
import dev.skysocket.config.Settings;
import dev.skysocket.metrics.EmfSink;
import dev.skysocket.metrics.Metrics;
import dev.skysocket.runtime.MetricsSetting;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.lang.System.Logger.Level;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Builds the process's one {@link ApiGatewayRuntime} from settings ({@link Settings#system()}: system properties,
 * then {@code SKYSOCKET_*} environment variables) the first time it is needed, and closes its clients at
 * shutdown. Clients built once and kept across invocations are what makes warm invocations cheap.
 *
 * <p>One {@code function.zip} holds every handler. Each function MUST set {@code QUARKUS_LAMBDA_HANDLER}
 * ({@code connect}, {@code default}, {@code ordered}, {@code disconnect}, {@code open}, {@code heartbeat}, {@code publish} or
 * {@code authorizer}): with several {@code @Named} handlers and none chosen, Quarkus does not fail but silently
 * picks one. This class therefore refuses to start without it. The {@code authorizer} function builds only its
 * {@link ApiGatewayAuthorizer}: it reads no table and runs no app.
 */
@Singleton
public class RuntimeProducer {
    static final String HANDLER_PROPERTY = "quarkus.lambda.handler";
    /** The one handler that needs no runtime (no table, no app): only the authorizer's own settings. */
    static final String AUTHORIZER = "authorizer";
    private static final System.Logger LOG = System.getLogger(RuntimeProducer.class.getName());
    private RuntimeWiring wiring;
    @Inject
    Instance<ApiGatewayAuthorizer> authorizers;

    /**
     * Builds the runtime during start (Lambda's init phase, which a snapshot would capture) rather than on the
     * first event, so that a wrong setup fails at start, saying how to fix it.
     */
    void onStart(@Observes StartupEvent started) {
        String handler = requireHandler(
                ConfigProvider.getConfig().getOptionalValue(HANDLER_PROPERTY, String.class).orElse(null));
        installMetrics(Settings.system());
        if (AUTHORIZER.equals(handler)) {
            authorizers.get();
        } else {
            wiring();
        }
        LOG.log(Level.INFO, "event=runtime_ready handler={0}", handler);
    }

    /** One EMF line per invocation (Invocations), unless {@code skysocket.metrics=none}. */
    static void installMetrics(Settings settings) {
        if (MetricsSetting.emf(settings, true)) {
            EmfSink sink = EmfSink.toStdout("functions");
            Metrics.install(sink);
            Invocations.flushing(sink);
        }
    }

    static String requireHandler(String configured) {
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException("QUARKUS_LAMBDA_HANDLER is not set: set it on each function to connect, "
                    + "default, ordered, disconnect, open, heartbeat, publish or authorizer (otherwise Quarkus picks one handler "
                    + "silently)");
        }
        return configured;
    }

    @Produces
    @Singleton
    ApiGatewayRuntime runtime() {
        return wiring().runtime();
    }

    /**
     * The {@code $connect} authorizer, built once per process from {@link Settings#system()}; a wrong
     * {@code SKYSOCKET_JWT_*} setting fails here, at start.
     */
    @Produces
    @Singleton
    ApiGatewayAuthorizer authorizer() {
        return new ApiGatewayAuthorizer(ConnectAuthorizers.load(Settings.system()));
    }

    private synchronized RuntimeWiring wiring() {
        if (wiring == null) {
            wiring = RuntimeWiring.from(Settings.system(),
                    ConfigProvider.getConfig().getOptionalValue(HANDLER_PROPERTY, String.class).orElse(null));
        }
        return wiring;
    }

    void onStop(@Observes ShutdownEvent stopping) {
        RuntimeWiring built;
        synchronized (this) {
            built = wiring;
            wiring = null;
        }
        if (built != null) {
            // The fan-out's Netty client waits out a 2 s quiet period when closed; nothing in a stopping process
            // needs to wait for that, so it closes on a daemon thread of its own.
            Thread closer = new Thread(built::close, "skysocket-runtime-close");
            closer.setDaemon(true);
            closer.start();
        }
    }
}
