package dev.skysocket.functions.bench;

import dev.skysocket.store.dynamodb.TableBootstrap;
import dev.skysocket.testing.DynamoDbLocalServer;
import dev.skysocket.testing.ManagementApiStub;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Cold start of the {@code $connect} and {@code $default} functions: for each run, a fresh JVM per variant (Quarkus
 * {@code function.zip} through {@code QuarkusStreamHandler}, and {@link dev.skysocket.functions.PlainJavaHandler})
 * and route, under the AWS runtime interface client, against DynamoDB Local and a loopback Management API. Each
 * JVM gets one event, then {@code warm} more, one at a time. Prints a Markdown table ({@link ColdStartReport}).
 *
 * <p>System properties: {@code coldstart.quarkus} (the unpacked function.zip), {@code coldstart.plain} (class path
 * of the plain handler), {@code coldstart.ric} (class path of the runtime client), {@code coldstart.jvm-opts},
 * {@code coldstart.logs} (folder for the children's output). Arguments: {@code --runs=3 --warm=30
 * --variants=quarkus,plain --prime=on|off | --smoke}.
 */
public final class ColdStart {
    static final String RIC_MAIN = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
    static final String QUARKUS_HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest";
    static final String PLAIN_HANDLER = "dev.skysocket.functions.PlainJavaHandler::handleRequest";

    enum Variant { QUARKUS, PLAIN }

    enum Route { CONNECT, DEFAULT }

    /** One JVM: nanoseconds from spawn to first poll and to first response, the first call, the warm calls. */
    record Sample(Variant variant, Route route, double initMs, double coldMs, double firstCallMs, double[] warmMs) {
    }

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        int runs = 3;
        int warm = 30;
        List<Variant> variants = List.of(Variant.QUARKUS, Variant.PLAIN);
        boolean prime = true;
        for (String arg : args) {
            if (arg.equals("--smoke")) {
                runs = 1;
                warm = 3;
            } else if (arg.startsWith("--runs=")) {
                runs = Integer.parseInt(arg.substring(7));
            } else if (arg.startsWith("--warm=")) {
                warm = Integer.parseInt(arg.substring(7));
            } else if (arg.equals("--prime=off") || arg.equals("--prime=on")) {
                prime = arg.endsWith("on");
            } else if (arg.startsWith("--variants=")) {
                variants = Arrays.stream(arg.substring(11).split(",")).map(v -> Variant.valueOf(v.toUpperCase(
                        java.util.Locale.ROOT))).toList();
            } else {
                System.err.println("unknown argument " + arg + "; use --runs=N --warm=N --variants=quarkus,plain "
                        + "--prime=on|off or --smoke");
                System.exit(2);
            }
        }
        Path logs = Path.of(System.getProperty("coldstart.logs", "functions/target/coldstart-logs"));
        Files.createDirectories(logs);
        String jvmOpts = System.getProperty("coldstart.jvm-opts",
                "-XX:+TieredCompilation -XX:TieredStopAtLevel=1 -Xmx512m");
        try (DynamoDbClient dynamo = DynamoDbLocalServer.client();
             ManagementApiStub management = ManagementApiStub.start("dev");
             RuntimeApiServer runtimeApi = new RuntimeApiServer()) {
            String table = "coldstart-" + Long.toHexString(System.nanoTime());
            TableBootstrap.ensureTable(dynamo, table);
            Map<String, String> env = new HashMap<>();
            env.put("AWS_LAMBDA_RUNTIME_API", runtimeApi.address());
            env.put("AWS_REGION", "us-east-1");
            env.put("AWS_DEFAULT_REGION", "us-east-1");
            env.put("AWS_ACCESS_KEY_ID", "dummy");
            env.put("AWS_SECRET_ACCESS_KEY", "dummy");
            env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", "1024");
            env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
            env.put("AWS_LAMBDA_LOG_GROUP_NAME", "/aws/lambda/skysocket-bench");
            env.put("AWS_LAMBDA_LOG_STREAM_NAME", "bench");
            // The connect function invokes the open function asynchronously; the emulator accepts it with 202.
            env.put("AWS_ENDPOINT_URL_LAMBDA", "http://" + runtimeApi.address());
            env.put("SKYSOCKET_OPEN_FUNCTION", "skysocket-open");
            env.put("SKYSOCKET_TABLE", table);
            env.put("SKYSOCKET_DYNAMODB_ENDPOINT", DynamoDbLocalServer.endpoint().toString());
            env.put("SKYSOCKET_MANAGEMENT_ENDPOINT", management.endpoint());
            env.put("SKYSOCKET_PRIME", Boolean.toString(prime));
            String domain = "benchapi01.execute-api.us-east-1.amazonaws.com";
            Children children = new Children(runtimeApi, env, jvmOpts, logs, domain);

            List<Sample> samples = new ArrayList<>();
            for (int run = 0; run < runs; run++) {
                List<Variant> order = new ArrayList<>(variants);
                if (run % 2 == 1) {
                    Collections.reverse(order);
                }
                Map<Variant, List<String>> connected = new HashMap<>();
                for (Variant variant : order) {
                    List<String> ids = new ArrayList<>();
                    samples.add(children.run(variant, Route.CONNECT, run, warm, ids));
                    connected.put(variant, ids);
                }
                for (Variant variant : order) {
                    samples.add(children.run(variant, Route.DEFAULT, run, warm, connected.get(variant)));
                }
                System.err.printf("run %d of %d done%n", run + 1, runs);
            }
            System.out.print(ColdStartReport.markdown(samples, runs, warm,
                    "`" + jvmOpts + "`, priming " + (prime ? "on" : "off (SKYSOCKET_PRIME=false)"),
                    runtimeApi.asyncInvokes()));
        }
        // DynamoDB Local's server threads would keep this JVM alive.
        System.out.flush();
        System.exit(0);
    }

    static String classPath(Variant variant) {
        String ric = System.getProperty("coldstart.ric");
        if (variant == Variant.QUARKUS) {
            String fn = System.getProperty("coldstart.quarkus");
            return ric + File.pathSeparator + fn + File.pathSeparator + fn + File.separator + "lib" + File.separator
                    + "*";
        }
        return ric + File.pathSeparator + System.getProperty("coldstart.plain");
    }

    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
        }
    }
}
