package dev.skysocket.config.ssm;

import dev.skysocket.config.AppSettings;
import dev.skysocket.config.Settings;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

/**
 * The app settings of a deployed process: the parameters under {@code skysocket.app-settings-path} (set by
 * template.yaml from its {@code AppSettingsPath}), read once at start, over the {@code app.*} fallback.
 */
public final class AppSettingsLoader {
    private static final System.Logger LOG = System.getLogger(AppSettingsLoader.class.getName());
    private static final String PATH = "skysocket.app-settings-path";

    private AppSettingsLoader() {
    }

    /** Without {@code skysocket.app-settings-path} no HTTP client is even built: nothing joins a cold start. */
    public static AppSettings load(Settings settings, AwsCredentialsProvider credentials, String region) {
        if (settings.string(PATH, null) == null) {
            return AppSettings.of(Map.of(), settings);
        }
        try (SdkHttpClient http = UrlConnectionHttpClient.create()) {
            return load(settings, http, credentials, region);
        }
    }

    /** The same over a given HTTP client. */
    public static AppSettings load(Settings settings, SdkHttpClient http, AwsCredentialsProvider credentials,
                                   String region) {
        String path = settings.string(PATH, null);
        if (path == null) {
            return AppSettings.of(Map.of(), settings);
        }
        String endpoint = settings.string("skysocket.ssm-endpoint", null);
        Map<String, String> loaded = new ParameterStore(http, credentials, region,
                endpoint == null ? null : URI.create(endpoint)).read(path);
        LOG.log(Level.INFO, "event=app_settings_loaded path={0} count={1}", path, Integer.toString(loaded.size()));
        return AppSettings.of(loaded, settings);
    }
}
