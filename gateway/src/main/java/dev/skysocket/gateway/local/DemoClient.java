package dev.skysocket.gateway.local;

import dev.skysocket.config.Settings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the demo page's socket.io-client bundle comes from locally. The bundle is never committed: unless
 * {@code skysocket.demo-client-dir} says otherwise, the local stack uses the copy npm installed for the
 * integration tests ({@code mvn verify} runs {@code npm ci} there once).
 */
final class DemoClient {
    static final Path NPM_DIST = Path.of("integration-tests", "js", "node_modules", "socket.io-client", "dist");

    private DemoClient() {
    }

    static Settings located(Settings settings) {
        if (settings.string("skysocket.demo-client-dir", null) != null || !Files.isDirectory(NPM_DIST)) {
            return settings;
        }
        return settings.with(Map.of("skysocket.demo-client-dir", NPM_DIST.toAbsolutePath().toString()));
    }
}
