package dev.skysocket.testkit;

import dev.skysocket.api.SocketApp;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit extension behind {@link SkysocketTest}: starts one {@link LocalStack} per test class before its first
 * test, keeps it in the class's extension store (closed with the class even if a test fails), stops it after the
 * class's last test, and hands it to any test method, lifecycle method or constructor parameter of type
 * {@code LocalStack}. A {@code @Nested} class uses its enclosing class's stack.
 */
public final class SkysocketExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final Namespace NAMESPACE = Namespace.create(SkysocketExtension.class);
    private static final String STACK = "stack";

    @Override
    public void beforeAll(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        // The store looks in the enclosing classes' stores too: a @Nested class finds the stack already there.
        if (store.get(STACK, RunningStack.class) == null) {
            SkysocketTest test = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), SkysocketTest.class)
                    .orElseThrow(() -> new ExtensionConfigurationException("SkysocketExtension needs @SkysocketTest on "
                            + context.getRequiredTestClass().getName()));
            LocalStack stack = LocalStack.start(StackSettings.of(test.settings()), () -> app(test));
            store.put(STACK, new RunningStack(stack));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        // Only the class that started the stack holds it at its own level; remove() looks nowhere else.
        RunningStack stack = context.getStore(NAMESPACE).remove(STACK, RunningStack.class);
        if (stack != null) {
            stack.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return Optional.ofNullable(context.getStore(NAMESPACE).get(STACK, RunningStack.class))
                .map(RunningStack::stack)
                .orElseThrow(() -> new ExtensionConfigurationException("no local stack for "
                        + context.getDisplayName() + ": put @SkysocketTest on the test class"));
    }

    /** A new instance of the annotation's app, or null for the ServiceLoader's. */
    private static SocketApp app(SkysocketTest test) {
        Class<? extends SocketApp> type = test.app();
        if (type == SocketApp.class) {
            return null;
        }
        try {
            Constructor<? extends SocketApp> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            return constructor.newInstance();
        } catch (NoSuchMethodException e) {
            throw new ExtensionConfigurationException("@SkysocketTest(app = " + type.getName()
                    + ".class) needs a constructor without arguments", e);
        } catch (InvocationTargetException e) {
            throw new ExtensionConfigurationException("constructing " + type.getName() + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new ExtensionConfigurationException("cannot construct " + type.getName(), e);
        }
    }

    /** The store's handle on a stack: JUnit closes it with the class's context if afterAll never ran. */
    private record RunningStack(LocalStack stack) implements AutoCloseable {
        @Override
        public void close() {
            stack.stop();
        }
    }
}
