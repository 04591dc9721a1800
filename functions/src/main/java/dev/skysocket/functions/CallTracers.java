package dev.skysocket.functions;

import dev.skysocket.config.Settings;
import dev.skysocket.tracing.CallTracer;
import java.lang.System.Logger.Level;
import java.util.Locale;

/**
 * Which {@link CallTracer} the functions use ({@code skysocket.tracing}). Kept apart from {@link XRayCallTracer} and
 * free of X-Ray imports, so that with tracing off (tests, the local stack) not one X-Ray class is loaded.
 */
final class CallTracers {
    static final String SETTING = "skysocket.tracing";
    /** Read as AWS_LAMBDA_FUNCTION_NAME, which Lambda sets in every function's environment. */
    static final String LAMBDA_MARKER = "aws.lambda.function.name";
    /** Read as AWS_XRAY_DAEMON_ADDRESS: where Lambda's X-Ray daemon listens; without it nothing could be sent. */
    static final String DAEMON_ADDRESS = "aws.xray.daemon.address";
    private static final System.Logger LOG = System.getLogger(CallTracers.class.getName());

    private CallTracers() {
    }

    /** X-Ray's tracer on Lambda with its daemon and {@code xray}; else {@link CallTracer#NONE}. */
    static CallTracer fromSettings(Settings settings) {
        String kind = settings.string(SETTING, "off").toLowerCase(Locale.ROOT);
        switch (kind) {
            case "off":
                return CallTracer.NONE;
            case "xray":
                if (settings.string(LAMBDA_MARKER, null) == null) {
                    LOG.log(Level.INFO, "event=tracing_off reason=not_on_lambda");
                    return CallTracer.NONE;
                }
                if (settings.string(DAEMON_ADDRESS, null) == null) {
                    LOG.log(Level.INFO, "event=tracing_off reason=no_xray_daemon");
                    return CallTracer.NONE;
                }
                return XRayCallTracer.create();
            default:
                throw new IllegalStateException("setting " + SETTING + " (" + Settings.envName(SETTING)
                        + ") must be 'xray' (on Lambda with Tracing: Active) or 'off', got '" + kind + "'");
        }
    }
}
