package dev.skysocket.local;

import static dev.skysocket.testing.ImportRules.importsMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The local stack's rules (README and package notes): the emulator is an HTTP binding that sees only JSON events,
 * and the runner wires without touching the HTTP library itself.
 */
class LocalArchitectureTest {
    private static final List<String> HTTP_LIBRARY = List.of("io.vertx.", "io.netty.");

    @Test
    void theEmulatorImportsNothingOfSocketIoOrEngineIo() {
        // The integration sees only AWS's JSON events, as on AWS.
        assertThat(importsMatching("dev.skysocket.local.apigw", true, List.of("dev.skysocket.protocol.",
                "dev.skysocket.server.", "dev.skysocket.apigw.", "dev.skysocket.api.", "dev.skysocket.store.",
                "dev.skysocket.fanout.", "dev.skysocket.gateway.engine.", "dev.skysocket.gateway.node.",
                "dev.skysocket.local.LocalRunner"))).isEmpty();
    }

    @Test
    void onlyTheEmulatorTouchesTheHttpLibrary() {
        assertThat(importsMatching("dev.skysocket.local", false, HTTP_LIBRARY)).isEmpty();
    }
}
