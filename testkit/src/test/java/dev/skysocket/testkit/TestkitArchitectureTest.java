package dev.skysocket.testkit;

import static dev.skysocket.testing.ImportRules.importsMatching;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kit starts the local stack and drives the stock client, and never reaches into the stack's store, codecs or
 * sessions (package note), so a test sees the app exactly as a client does.
 */
class TestkitArchitectureTest {

    @Test
    void theKitImportsNoStoreCodecsSessionsOrServerInternals() {
        assertThat(importsMatching("dev.skysocket.testkit", true, List.of("dev.skysocket.store.",
                "dev.skysocket.protocol.", "dev.skysocket.server.", "dev.skysocket.apigw.", "dev.skysocket.fanout.",
                "dev.skysocket.gateway.", "dev.skysocket.local.apigw."))).isEmpty();
    }
}
