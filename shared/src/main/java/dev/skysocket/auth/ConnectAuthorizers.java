package dev.skysocket.auth;

import dev.skysocket.api.auth.ConnectAuthorizer;
import dev.skysocket.config.Settings;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Picks the one {@link ConnectAuthorizer} a deployment runs, in this order: the single implementation found
 * through {@link ServiceLoader}; else {@link JwtAuthorizer} when {@code skysocket.jwt-issuer} is set; else, for
 * local development only, {@link QueryIdentityAuthorizer} when {@code skysocket.local-query-identity} is on; else
 * {@link AnonymousAuthorizer} into {@code skysocket.default-tenant}. A wrong setup fails here, at start.
 */
public final class ConnectAuthorizers {
    private static final System.Logger LOG = System.getLogger(ConnectAuthorizers.class.getName());
    private static final String SERVICE_FILE = "META-INF/services/" + ConnectAuthorizer.class.getName();

    private ConnectAuthorizers() {
    }

    /** The authorizer for {@code settings}, custom ones looked up with the thread's context class loader. */
    public static ConnectAuthorizer load(Settings settings) {
        return load(settings, Thread.currentThread().getContextClassLoader());
    }

    /** As {@link #load(Settings)}, looking custom authorizers up in {@code loader}. */
    public static ConnectAuthorizer load(Settings settings, ClassLoader loader) {
        List<ServiceLoader.Provider<ConnectAuthorizer>> providers;
        try {
            providers = ServiceLoader.load(ConnectAuthorizer.class, loader).stream().toList();
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("a " + SERVICE_FILE + " entry is broken (each must name a public class "
                    + "implementing ConnectAuthorizer with a public no-argument constructor): " + e.getMessage(), e);
        }
        if (providers.size() > 1) {
            String names = providers.stream().map(p -> p.type().getName()).sorted()
                    .collect(Collectors.joining(", "));
            throw new IllegalStateException("more than one ConnectAuthorizer is installed (" + names + "): keep "
                    + "exactly one class in the " + SERVICE_FILE + " files on the classpath");
        }
        ConnectAuthorizer chosen;
        if (providers.size() == 1) {
            chosen = instantiate(providers.get(0));
        } else if (JwtSettings.configured(settings)) {
            chosen = new JwtAuthorizer(JwtSettings.from(settings));
        } else if (settings.bool(QueryIdentityAuthorizer.SETTING, false)) {
            // INFO, not WARNING: the local stack turns it on by design and starts without a warning.
            LOG.log(System.Logger.Level.INFO, "event=local_query_identity: identities come unchecked from the "
                    + "user and tenant query parameters; never turn this on in a deployment");
            chosen = new QueryIdentityAuthorizer(settings.string(JwtSettings.DEFAULT_TENANT, "default"));
        } else {
            chosen = new AnonymousAuthorizer(settings.string(JwtSettings.DEFAULT_TENANT, "default"));
        }
        LOG.log(System.Logger.Level.INFO, "event=connect_authorizer class={0}", chosen.getClass().getName());
        return chosen;
    }

    private static ConnectAuthorizer instantiate(ServiceLoader.Provider<ConnectAuthorizer> provider) {
        try {
            return provider.get();
        } catch (ServiceConfigurationError e) {
            throw new IllegalStateException("could not create the ConnectAuthorizer " + provider.type().getName()
                    + " named in " + SERVICE_FILE + " (it needs a public no-argument constructor): "
                    + e.getMessage(), e);
        }
    }
}
