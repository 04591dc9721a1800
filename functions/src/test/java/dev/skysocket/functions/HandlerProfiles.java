package dev.skysocket.functions;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;

/**
 * One Quarkus boot per handler, as on AWS where each function sets its own {@code QUARKUS_LAMBDA_HANDLER}: the
 * mock event server then delivers every posted event to that handler only.
 */
final class HandlerProfiles {
    private HandlerProfiles() {
    }

    abstract static class Handler implements QuarkusTestProfile {
        private final String handler;

        Handler(String handler) {
            this.handler = handler;
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.lambda.handler", handler);
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LambdaBackends.class));
        }
    }

    public static final class Connect extends Handler {
        public Connect() {
            super("connect");
        }
    }

    public static final class Default extends Handler {
        public Default() {
            super("default");
        }
    }

    public static final class Ordered extends Handler {
        public Ordered() {
            super("ordered");
        }
    }

    public static final class Disconnect extends Handler {
        public Disconnect() {
            super("disconnect");
        }
    }

    public static final class Open extends Handler {
        public Open() {
            super("open");
        }
    }

    public static final class Heartbeat extends Handler {
        public Heartbeat() {
            super("heartbeat");
        }
    }

    public static final class Publish extends Handler {
        public Publish() {
            super("publish");
        }
    }

    /**
     * The authorizer itself needs only an issuer to check tokens against; the backends stay because Quarkus
     * initializes every handler class of the test app at start, {@link PlainJavaHandler} among them.
     */
    public static final class Authorizer extends Handler {
        public Authorizer() {
            super("authorizer");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(LambdaBackends.class), new TestResourceEntry(JwtIssuer.class));
        }
    }
}
