package dev.skysocket.functions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.skysocket.apigw.ApiGatewayRuntime;
import dev.skysocket.apigw.SweepReport;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * The heartbeat sweep ({@code QUARKUS_LAMBDA_HANDLER=heartbeat}), run by an EventBridge schedule every
 * {@code skysocket.sweep-period-ms}; one invocation passes every {@code skysocket.sweep-pass-period-ms} while
 * anything falls due in its own period or the next one's (so a missed or late run leaves no gap), never past the
 * invocation's remaining time. The scheduled event's content does not matter. Reports the passes' sums.
 */
@Named("heartbeat")
@Singleton
public class HeartbeatHandler implements RequestHandler<Map<String, Object>, SweepReport> {
    private final ApiGatewayRuntime runtime;

    @Inject
    public HeartbeatHandler(ApiGatewayRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public SweepReport handleRequest(Map<String, Object> scheduledEvent, Context context) {
        return Invocations.run(context, () -> handle(scheduledEvent, context));
    }

    private SweepReport handle(Map<String, Object> scheduledEvent, Context context) {
        return runtime.heartbeatPasses().run(context::getRemainingTimeInMillis).total();
    }
}
