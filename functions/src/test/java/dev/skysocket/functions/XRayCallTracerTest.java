package dev.skysocket.functions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.xray.AWSXRayRecorder;
import com.amazonaws.xray.AWSXRayRecorderBuilder;
import com.amazonaws.xray.contexts.LambdaSegmentContext;
import com.amazonaws.xray.contexts.SegmentContextResolverChain;
import com.amazonaws.xray.emitters.Emitter;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;
import dev.skysocket.fanout.FanoutReport;
import dev.skysocket.fanout.ManagementApiClients;
import dev.skysocket.fanout.ManagementApiFanout;
import dev.skysocket.runtime.AwsClients;
import dev.skysocket.runtime.DynamoLimits;
import dev.skysocket.testing.DynamoDbLocalServer;
import dev.skysocket.testing.ManagementApiStub;
import dev.skysocket.tracing.CallTracer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * X-Ray subsegments for the AWS calls of an invocation, as Lambda's Java runtime sets them up: the trace header in
 * the {@code com.amazonaws.xray.traceHeader} property, the SDK's Lambda context. The calls are real (DynamoDB
 * Local, the Management API stub on loopback); only the emitter is a list instead of the UDP daemon Lambda runs.
 */
class XRayCallTracerTest {
    private static final String HEADER_PROPERTY = "com.amazonaws.xray.traceHeader";
    private static final String ROOT = "1-5759e988-bd862e3fe1be46a994272793";
    private static final String PARENT = "53995c3f42cd8ad8";
    private static final StaticCredentialsProvider DUMMY =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy"));

    private final List<Subsegment> sent = new CopyOnWriteArrayList<>();
    /** Lambda sends the invocation's segment itself: the function must never send one. */
    private final List<Segment> segments = new CopyOnWriteArrayList<>();
    private CallTracer tracer;

    @BeforeEach
    void aSampledInvocation() {
        System.setProperty(HEADER_PROPERTY, "Root=" + ROOT + ";Parent=" + PARENT + ";Sampled=1");
        SegmentContextResolverChain lambdaContext = new SegmentContextResolverChain();
        lambdaContext.addResolver(LambdaSegmentContext::new);
        AWSXRayRecorder recorder = AWSXRayRecorderBuilder.standard()
                .withSegmentContextResolverChain(lambdaContext)
                .withEmitter(new Emitter() {
                    @Override
                    public boolean sendSegment(Segment segment) {
                        segments.add(segment);
                        return true;
                    }

                    @Override
                    public boolean sendSubsegment(Subsegment subsegment) {
                        sent.add(subsegment);
                        return true;
                    }
                })
                .build();
        tracer = new XRayCallTracer(recorder);
    }

    @AfterEach
    void invocationOver() {
        System.clearProperty(HEADER_PROPERTY);
        assertThat(segments).isEmpty();
    }

    @Test
    void eachDynamoDbCallIsASubsegmentOfTheInvocation() {
        try (DynamoDbClient dynamo = AwsClients.dynamo(Region.US_EAST_1, DUMMY, DynamoDbLocalServer.endpoint(),
                DynamoLimits.DEFAULTS, tracer)) {
            dynamo.listTables();
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !sent.isEmpty());
        Subsegment call = sent.get(0);
        assertThat(call.getName()).isEqualTo("DynamoDb");
        assertThat(call.getNamespace()).isEqualTo("aws");
        assertThat(call.getAws()).containsEntry("operation", "ListTables");
        assertThat(call.getParentSegment().getTraceId().toString()).isEqualTo(ROOT);
        assertThat(call.getParentSegment().getId()).isEqualTo(PARENT);
        assertThat(call.isError() || call.isFault()).isFalse();
    }

    @Test
    void eachFanoutPostIsASubsegmentWithItsStatus() {
        try (ManagementApiStub stub = ManagementApiStub.start();
             ManagementApiClients clients = new ManagementApiClients(Region.US_EAST_1, DUMMY, 4,
                     Duration.ofSeconds(10), tracer)) {
            stub.markGone("left");
            ManagementApiFanout fanout = new ManagementApiFanout(clients, gone -> { }, 4);
            FanoutReport report = fanout.deliver(List.of("42[\"hi\"]"),
                    List.of(stub.recipient("here"), stub.recipient("left")));
            assertThat(report.delivered()).isEqualTo(1);
            assertThat(report.gone()).isEqualTo(1);
            assertThat(fanout.get(stub.recipient("here"))).isPresent();

            await().atMost(Duration.ofSeconds(10)).until(() -> sent.size() >= 3);
            List<Subsegment> posts = sent.stream().filter(s -> "PostToConnection".equals(s.getAws().get("operation")))
                    .toList();
            assertThat(posts).hasSize(2).allSatisfy(post -> {
                assertThat(post.getName()).isEqualTo("ApiGatewayManagementApi");
                assertThat(post.getParentSegment().getId()).isEqualTo(PARENT);
            });
            assertThat(posts).anySatisfy(post -> {
                assertThat(status(post)).isEqualTo(200);
                assertThat(post.isError() || post.isFault()).isFalse();
            });
            assertThat(posts).anySatisfy(post -> {
                assertThat(status(post)).isEqualTo(410);
                assertThat(post.isError()).isTrue();
            });
            // GET goes through the SDK client: traced by the interceptor, under the same service name.
            assertThat(sent).anySatisfy(get -> {
                assertThat(get.getName()).isEqualTo("ApiGatewayManagementApi");
                assertThat(get.getAws()).containsEntry("operation", "GetConnection");
            });
        }
    }

    @Test
    void aCallOutsideAnyInvocationIsNotSentAndDoesNotFail() {
        System.clearProperty(HEADER_PROPERTY);
        tracer.start("ApiGatewayManagementApi", "PostToConnection").end(0, new IllegalStateException("refused"));
        try (DynamoDbClient dynamo = AwsClients.dynamo(Region.US_EAST_1, DUMMY, DynamoDbLocalServer.endpoint(),
                DynamoLimits.DEFAULTS, tracer)) {
            dynamo.listTables();
        }
        assertThat(sent).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static int status(Subsegment subsegment) {
        Object response = subsegment.getHttp().get("response");
        return response instanceof Map<?, ?> m ? ((Number) m.get("status")).intValue() : 0;
    }
}
