package dev.skysocket.functions;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.entities.Entity;
import com.amazonaws.xray.entities.EntityDataKeys;
import com.amazonaws.xray.entities.Namespace;
import com.amazonaws.xray.entities.Subsegment;
import com.amazonaws.xray.interceptors.TracingInterceptor;
import com.amazonaws.xray.strategy.IgnoreErrorContextMissingStrategy;
import dev.skysocket.tracing.CallTracer;
import dev.skysocket.tracing.TracedCall;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/**
 * X-Ray subsegments for the AWS calls of a traced invocation ({@code skysocket.tracing=xray}, which template.yaml
 * sets beside {@code Tracing: Active}): the DynamoDB, Management API and Lambda clients through the X-Ray SDK's
 * interceptor, the fan-out's own signed posts through {@link #start}. Lambda sends the invocation's segment; the
 * subsegments name it as parent through the trace header the runtime sets per invocation, and go to the X-Ray daemon
 * Lambda runs (UDP on loopback), only when Lambda sampled the invocation. Off Lambda (tests, the local stack) the
 * setting builds nothing: there is no trace header and no daemon.
 */
final class XRayCallTracer implements CallTracer {
    private final AWSXRayRecorder recorder;
    private final List<ExecutionInterceptor> interceptors;

    XRayCallTracer(AWSXRayRecorder recorder) {
        this.recorder = recorder;
        this.interceptors = List.of(new TracingInterceptor(recorder, null, null));
    }

    /** The tracer for a Lambda function with tracing on ({@link CallTracers} decides when). */
    static XRayCallTracer create() {
        return new XRayCallTracer(recorder());
    }

    /**
     * A call outside any invocation (priming during init, before a snapshot) has no trace header: it gets a
     * no-op segment, never an error.
     */
    private static AWSXRayRecorder recorder() {
        return AWSXRayRecorderBuilder.standard()
                .withContextMissingStrategy(new IgnoreErrorContextMissingStrategy())
                .build();
    }

    @Override
    public List<ExecutionInterceptor> sdkInterceptors() {
        return interceptors;
    }

    /**
     * Begins the subsegment detached from the calling thread (as the SDK interceptor does): one fan-out has many
     * posts in flight at once, and none may become the parent of the next.
     */
    @Override
    public TracedCall start(String service, String operation) {
        Entity origin = recorder.getTraceEntity();
        Subsegment subsegment = recorder.beginSubsegment(service);
        recorder.setTraceEntity(origin);
        subsegment.setNamespace(Namespace.AWS.toString());
        subsegment.putAws(EntityDataKeys.AWS.OPERATION_KEY, operation);
        return (status, error) -> {
            if (status > 0) {
                subsegment.putHttp(EntityDataKeys.HTTP.RESPONSE_KEY, Map.of(EntityDataKeys.HTTP.STATUS_CODE_KEY, status));
            }
            if (error != null) {
                subsegment.addException(error);
            }
            // X-Ray's classes: 4xx an error (429 also a throttle), 5xx or no answer at all a fault.
            if (status == 429) {
                subsegment.setThrottle(true);
            }
            if (status >= 400 && status < 500) {
                subsegment.setError(true);
            } else if (status >= 500 || error != null && status == 0) {
                subsegment.setFault(true);
            }
            recorder.endSubsegment(subsegment);
        };
    }
}
