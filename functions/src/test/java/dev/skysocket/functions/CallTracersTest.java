package dev.skysocket.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.skysocket.config.Settings;
import dev.skysocket.tracing.CallTracer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The setting turns X-Ray on only on Lambda with its daemon, and with tracing off no X-Ray class is loaded. */
class CallTracersTest {
    private static final Map<String, String> ON_LAMBDA = Map.of(CallTracers.SETTING, "xray",
            CallTracers.LAMBDA_MARKER, "chat-DefaultFunction", CallTracers.DAEMON_ADDRESS, "169.254.79.129:2000");

    @Test
    void xrayOnlyOnLambdaWithItsDaemon() {
        assertThat(CallTracers.fromSettings(Settings.of(Map.of()))).isSameAs(CallTracer.NONE);
        assertThat(CallTracers.fromSettings(Settings.of(Map.of(CallTracers.SETTING, "xray"))))
                .isSameAs(CallTracer.NONE);
        assertThat(CallTracers.fromSettings(Settings.of(Map.of(CallTracers.SETTING, "xray",
                CallTracers.LAMBDA_MARKER, "chat-DefaultFunction")))).isSameAs(CallTracer.NONE);
        CallTracer onLambda = CallTracers.fromSettings(Settings.of(ON_LAMBDA));
        assertThat(onLambda).isInstanceOf(XRayCallTracer.class);
        assertThat(onLambda.sdkInterceptors()).hasSize(1);
        assertThatThrownBy(() -> CallTracers.fromSettings(Settings.of(Map.of(CallTracers.SETTING, "zipkin"))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SKYSOCKET_TRACING");
    }

    /** On Lambda without a trace header (init, priming) a call is a no-op: no exception, nothing sent. */
    @Test
    void aCallWithoutTraceHeaderDoesNotThrow() {
        CallTracer onLambda = CallTracers.fromSettings(Settings.of(ON_LAMBDA));
        onLambda.start("ApiGatewayManagementApi", "PostToConnection").end(200, null);
        onLambda.start("ApiGatewayManagementApi", "PostToConnection").end(0, new IllegalStateException("refused"));
    }

    @Test
    void tracingOffLoadsNoXRayClass() throws Exception {
        assertThat(xrayClassesLoadedBy(Map.of())).isEmpty();
        assertThat(xrayClassesLoadedBy(Map.of(CallTracers.SETTING, "xray"))).isEmpty();
        // The check can fail: with tracing on the same loader does load X-Ray's classes.
        assertThat(xrayClassesLoadedBy(ON_LAMBDA)).isNotEmpty();
    }

    /** Runs {@link CallTracers#fromSettings} in a fresh loader of the functions' classes that notes X-Ray's. */
    private static List<String> xrayClassesLoadedBy(Map<String, String> settings) throws Exception {
        List<String> xray = new CopyOnWriteArrayList<>();
        ClassLoader parent = CallTracersTest.class.getClassLoader();
        ClassLoader fresh = new ClassLoader(parent) {
            @Override
            protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
                synchronized (getClassLoadingLock(name)) {
                    if (name.startsWith("com.amazonaws.xray.")) {
                        xray.add(name);
                    }
                    if (!name.startsWith("dev.skysocket.functions.")) {
                        return super.loadClass(name, resolve);
                    }
                    Class<?> loaded = findLoadedClass(name);
                    return loaded != null ? loaded : define(name);
                }
            }

            private Class<?> define(String name) {
                try (InputStream in = parent.getResourceAsStream(name.replace('.', '/') + ".class")) {
                    byte[] bytes = in.readAllBytes();
                    return defineClass(name, bytes, 0, bytes.length);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
        Method fromSettings = fresh.loadClass(CallTracers.class.getName()).getDeclaredMethod("fromSettings",
                Settings.class);
        fromSettings.setAccessible(true);
        fromSettings.invoke(null, Settings.of(settings));
        return xray;
    }
}
