package dev.skysocket.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
@SkysocketTest(app = RoomsApp.class, settings = {"skysocket.stage=kit", "app.greeting=hello"})
class SkysocketExtensionTest {
    private static LocalStack beforeAll;
    private final LocalStack constructed;
    private LocalStack beforeEach;

    SkysocketExtensionTest(LocalStack stack) {
        this.constructed = stack;
    }

    @BeforeAll
    static void rememberTheStack(LocalStack stack) {
        beforeAll = stack;
    }

    @BeforeEach
    void rememberTheStackAgain(LocalStack stack) {
        beforeEach = stack;
    }

    @Test
    void handsTheClassItsOneStackWhereverAParameterAsksForIt(LocalStack stack) {
        assertThat(stack).isSameAs(beforeAll).isSameAs(beforeEach).isSameAs(constructed);
    }

    @Test
    void startsTheStackOnLoopbackWithTheGivenSettingsOverTheDefaults(LocalStack stack) {
        assertThat(stack.stage()).isEqualTo("kit");
        assertThat(stack.apiGatewayUrl()).matches("ws://127\\.0\\.0\\.1:\\d+").isNotEqualTo("ws://127.0.0.1:3001");
        assertThat(stack.fallbackUrl()).matches("http://127\\.0\\.0\\.1:\\d+").isNotEqualTo("http://127.0.0.1:3000");
        try (TestClient client = stack.connectApiGateway("/")) {
            assertThat(client.id()).isNotBlank();
        }
    }

    @Test
    void givesTheAppItsAppSettingsWithoutTouchingSystemProperties(LocalStack stack) {
        try (TestClient client = stack.connectFallback("/")) {
            assertThat(client.emitWithAck("greeting").get(0).asText()).isEqualTo("hello");
        }
        assertThat(System.getProperty("app.greeting")).isNull();
        assertThat(System.getProperty("skysocket.stage")).isNull();
    }

    @Nested
    class InANestedClass {
        @Test
        void usesTheEnclosingClassStack(LocalStack stack) {
            assertThat(stack).isSameAs(beforeAll);
        }
    }
}
