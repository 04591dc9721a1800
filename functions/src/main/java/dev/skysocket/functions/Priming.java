package dev.skysocket.functions;

import dev.skysocket.apigw.ApiGatewayRuntime;
import dev.skysocket.fanout.ManagementApiClients;
import java.lang.System.Logger.Level;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;

/**
 * Runs each path of a first call once during init, so the first event does not pay for class loading and the SDK
 * clients' lazy setup: the work a SnapStart {@code beforeCheckpoint} hook would do, and useful without SnapStart
 * too, since init is when Lambda gives the function its burst of CPU. Every step is harmless: the codecs run on
 * constant frames, DynamoDB gets one read of a key that never exists, the Management API client is sent to a
 * closed loopback port (it fails at once, but its signing, marshalling and Netty set-up are then loaded), and the
 * Lambda client makes a {@code DryRun} invoke, which only checks the permission. A failed step is logged and skipped:
 * priming must never stop a function from starting. Off with {@code SKYSOCKET_PRIME=false}.
 */
final class Priming {
    static final String SETTING = "skysocket.prime";
    /** The discard port on loopback: nothing listens, so the connection is refused without waiting. */
    private static final String NOWHERE = "http://127.0.0.1:9/priming";
    private static final System.Logger LOG = System.getLogger(Priming.class.getName());

    private Priming() {
    }

    static void run(ApiGatewayRuntime runtime, ManagementApiClients management, LambdaClient lambda,
                    String openFunction) {
        long start = System.nanoTime();
        step("codecs", () -> {
            runtime.openStep().openFrame("priming");
            runtime.context().engineDecoder().decode("42[\"priming\",{\"n\":1}]");
            runtime.context().socketDecoder().decode("2[\"priming\",{\"n\":1}]");
        });
        step("dynamodb", () -> runtime.context().connections().find("priming#none"));
        step("management-api", () -> {
            try {
                management.forEndpoint(NOWHERE).getConnection(r -> r.connectionId("priming")).join();
            } catch (CompletionException expected) {
                // refused: the client's whole request path has run once
            }
            management.primePost(NOWHERE);
        });
        if (lambda != null && openFunction != null) {
            step("lambda", () -> lambda.invoke(b -> b.functionName(openFunction)
                    .invocationType(InvocationType.DRY_RUN)));
        }
        LOG.log(Level.INFO, "event=primed ms={0}", (System.nanoTime() - start) / 1_000_000);
    }

    private static void step(String name, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "event=priming_step_failed step={0} error={1}", name, e.getClass().getName());
        }
    }
}
