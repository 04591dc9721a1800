package dev.skysocket.testkit;

import dev.skysocket.api.SocketApp;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against one local stack started for it: the app on the API Gateway path (the emulator) and
 * on the fallback gateway, over one DynamoDB Local, on free loopback ports with stage {@code dev}. Test methods,
 * lifecycle methods and constructors take a {@link LocalStack} parameter to connect clients.
 *
 * <pre>{@code
 * @SkysocketTest(settings = "app.admin-token=test-token")
 * class ChatAppTest {
 *     @Test
 *     void echoAcksItsArguments(LocalStack stack) {
 *         try (TestClient client = stack.connectApiGateway("/")) {
 *             assertThat(client.emitWithAck("echo", "hi").get(0).asText()).isEqualTo("hi");
 *         }
 *     }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(SkysocketExtension.class)
public @interface SkysocketTest {

    /**
     * The app to run; it needs a no-argument constructor. The default, {@code SocketApp.class}, runs the one app
     * listed in {@code META-INF/services/dev.skysocket.api.SocketApp} on the test class path.
     */
    Class<? extends SocketApp> app() default SocketApp.class;

    /**
     * Settings as {@code "name=value"} pairs (e.g. {@code "app.admin-token=x"}, an app setting), over the kit's defaults
     * (free ports, stage {@code dev}). They are also system properties while the app is constructed and
     * configured, so an app that reads its own settings from there sees them.
     */
    String[] settings() default {};
}
