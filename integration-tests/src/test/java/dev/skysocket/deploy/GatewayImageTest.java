package dev.skysocket.deploy;

import static dev.skysocket.deploy.Template.list;
import static dev.skysocket.deploy.Template.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.skysocket.testing.DynamoDbLocalServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The gateway image tar that {@code gateway}'s package phase writes: its config agrees with template.yaml's
 * {@code GatewayTaskDefinition} (entrypoint, ports, a user that is not root), it carries its own runtime, and
 * — where this machine allows a chroot — the gateway starts from the extracted layers through the image's own
 * dynamic loader and answers the target group's health check.
 */
@Timeout(240)
class GatewayImageTest {
    private static final Path TEMPLATE = path("skysocket.template", "../template.yaml");
    private static final Path IMAGE = path("skysocket.gateway-image",
            "../examples/chat/gateway/target/skysocket-gateway-image.tar");
    private static final String MAIN = "dev.skysocket.gateway.fallback.FallbackMain";

    @TempDir
    static Path extracted;
    private static GatewayImage image;
    private static Template template;

    @BeforeAll
    static void openTheImageAndTheTemplate() throws IOException {
        if (!Files.isRegularFile(IMAGE)) {
            assumeTrue(!Boolean.getBoolean("skysocket.image.skip"),
                    "the image was skipped (-Dskysocket.image.skip): no image tests");
            throw new AssertionError("no image tar at " + IMAGE + ": `mvn package` in gateway writes it");
        }
        image = GatewayImage.open(IMAGE);
        template = Template.load(TEMPLATE);
    }

    @Test
    void theEntrypointRunsTheFallbackGatewayWithTheImagesOwnJava() throws IOException {
        List<String> entrypoint = entrypoint();
        Map<String, Integer> files = image.files();

        assertThat(entrypoint.get(0)).isEqualTo("/opt/java/bin/java");
        assertThat(entrypoint).last().isEqualTo(MAIN);
        assertThat(entrypoint).containsSubsequence("-cp", "@/app/jib-classpath-file");
        // The collector and its sizing are named, not left to ergonomics (docs/benchmarks-journal.md, memory per idle
        // connection by JVM setting), and C1 only (docs/benchmarks.md, cold start of the gateway).
        assertThat(entrypoint).contains("-XX:MaxRAMPercentage=75", "-XX:+UseG1GC", "-XX:MinHeapFreeRatio=10",
                "-XX:MaxHeapFreeRatio=20", "-XX:TieredStopAtLevel=1");
        assertThat(files).containsKey("/app/jib-classpath-file");
        assertThat(files.get("/opt/java/bin/java")).as("java's mode").satisfies(mode -> assertThat(mode & 0111)
                .isEqualTo(0111));
        assertThat(files.get("/lib64/ld-linux-x86-64.so.2")).as("the loader's mode")
                .satisfies(mode -> assertThat(mode & 0111).isEqualTo(0111));
        assertThat(files).containsKeys("/lib/x86_64-linux-gnu/libc.so.6", "/lib/x86_64-linux-gnu/libz.so.1",
                "/opt/skysocket/runtime-sources.txt", "/etc/passwd");
        assertThat(files.keySet()).anyMatch(file -> file.matches("/app/libs/skysocket-gateway-[^/]*\\.jar"));
        assertThat(image.config().path("os").asText()).isEqualTo("linux");
        assertThat(image.config().path("architecture").asText()).as("the task definition's CpuArchitecture X86_64")
                .isEqualTo("amd64");
        assertThat(string(map(taskDefinition().get("RuntimePlatform")).get("CpuArchitecture"))).isEqualTo("X86_64");
    }

    @Test
    void theImageExposesExactlyThePortsOfTheTaskDefinitionAndTheLoadBalancerUsesOne() {
        Set<Integer> exposed = new HashSet<>();
        image.containerConfig().path("ExposedPorts").fieldNames()
                .forEachRemaining(port -> exposed.add(Integer.parseInt(port.replace("/tcp", ""))));
        Set<Integer> mapped = new HashSet<>();
        list(container().get("PortMappings")).forEach(m -> mapped.add(number(map(m).get("ContainerPort"))));
        Map<String, Object> env = Template.nameValues(container().get("Environment"));
        Map<String, Object> service = props("AWS::ECS::Service");
        int balanced = number(map(list(service.get("LoadBalancers")).get(0)).get("ContainerPort"));

        assertThat(exposed).containsExactlyInAnyOrder(3000, 3002).isEqualTo(mapped);
        assertThat(balanced).isEqualTo(number(env.get("SKYSOCKET_GATEWAY_PORT"))).isIn(exposed);
        assertThat(number(props("AWS::ElasticLoadBalancingV2::TargetGroup").get("Port"))).isEqualTo(balanced);
        assertThat(number(env.get("SKYSOCKET_GATEWAY_MANAGEMENT_PORT"))).isIn(exposed).isNotEqualTo(balanced);
    }

    @Test
    void theGatewayRunsAsTheImagesNonRootUser() throws IOException {
        String user = image.containerConfig().path("User").asText();
        assertThat(user).as("User in the image config").matches("\\d+:\\d+");
        String uid = user.substring(0, user.indexOf(':'));
        assertThat(uid).isNotEqualTo("0");
        extractOnce();
        assertThat(Files.readAllLines(extracted.resolve("etc/passwd")))
                .anyMatch(line -> line.startsWith("skysocket:x:" + uid + ":"));
        assertThat(Files.getPosixFilePermissions(extracted.resolve("tmp")).size()).as("/tmp is writable by all")
                .isEqualTo(9);
    }

    @Test
    void theRuntimeTrustsTheUsualCertificateAuthoritiesForAwsEndpoints() throws IOException,
            GeneralSecurityException {
        extractOnce();
        KeyStore cacerts = KeyStore.getInstance(KeyStore.getDefaultType());
        try (InputStream in = Files.newInputStream(extracted.resolve("opt/java/lib/security/cacerts"))) {
            cacerts.load(in, null);
        }
        assertThat(cacerts.size()).as("CA certificates in the image's runtime").isGreaterThan(50);
        assertThat(Files.readString(extracted.resolve("opt/skysocket/runtime-sources.txt")))
                .contains("package libc6=", "package zlib1g=", "java modules: java.base");
    }

    @Test
    void theImagesJavaRunsThroughItsOwnLoaderInAChroot() throws Exception {
        extractOnce();
        ImageProcess.Result version = ImageProcess.run(extracted, image.containerConfig().path("User").asText(),
                List.of("/opt/java/bin/java", "-version"), Map.of());
        assumeTrue(version.ranInside(), () -> "cannot run the image here (needs root, unshare and chroot): "
                + version.output());
        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.output()).contains("openjdk version \"17");
    }

    @Test
    void theGatewayStartsFromTheImageWithTheTaskEnvironmentAndAnswersTheHealthCheck() throws Exception {
        extractOnce();
        String healthPath = string(props("AWS::ElasticLoadBalancingV2::TargetGroup").get("HealthCheckPath"));
        // /health asks the store (a node that cannot reach it is unhealthy), so the task's table must answer.
        Map<String, String> env = new HashMap<>(ImageProcess.taskEnvironment(template, container()));
        try (DynamoDbClient dynamo = DynamoDbLocalServer.client()) {
            env.put("SKYSOCKET_TABLE", DynamoDbLocalServer.freshTable(dynamo, "image"));
        }
        env.put("SKYSOCKET_DYNAMODB_ENDPOINT", DynamoDbLocalServer.endpoint().toString());
        // DynamoDB Local keeps one database per access key and region: the test's client's.
        env.put("AWS_ACCESS_KEY_ID", "dummy");
        env.put("AWS_SECRET_ACCESS_KEY", "dummy");
        try (ImageProcess gateway = ImageProcess.start(extracted, image.containerConfig().path("User").asText(),
                entrypoint(), env)) {
            assumeTrue(gateway.ranInside(), () -> "cannot run the image here (needs root, unshare and chroot): "
                    + gateway.output());
            gateway.awaitHealthy(healthPath);
            assertThat(gateway.output()).as("the gateway's log").contains("Skysocket gateway listening on port");
        }
    }

    @Test
    void theImageHoldsTheAppAndTheGatewayButNothingOfTheLocalStack() throws IOException {
        Set<String> files = image.files().keySet();
        assertThat(files).anyMatch(file -> file.matches("/app/libs/skysocket-example-chat-[^/]*\\.jar"));
        assertThat(files).as("files of the local stack in the image")
                .noneMatch(file -> LocalOnly.NAMES.matcher(file).find());

        extractOnce();
        List<String> jarEntries = new ArrayList<>();
        try (var jars = Files.list(extracted.resolve("app/libs"))) {
            for (Path jar : jars.filter(file -> file.toString().endsWith(".jar")).toList()) {
                try (JarFile opened = new JarFile(jar.toFile())) {
                    opened.stream().forEach(entry -> jarEntries.add(jar.getFileName() + "!" + entry.getName()));
                }
            }
        }
        assertThat(jarEntries).as("classes in the image's jars").anyMatch(entry -> entry.endsWith(
                "!dev/skysocket/gateway/fallback/FallbackMain.class"));
        assertThat(jarEntries).as("local-stack classes in the image's jars")
                .noneMatch(entry -> LocalOnly.NAMES.matcher(entry).find());
    }

    private static synchronized void extractOnce() throws IOException {
        if (!Files.exists(extracted.resolve("opt/java/bin/java"))) {
            image.extractTo(extracted);
            // The chroot's / is this directory: the image's user must be able to enter it (JUnit makes it 700).
            Files.setPosixFilePermissions(extracted, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static List<String> entrypoint() {
        List<String> entrypoint = new ArrayList<>();
        image.containerConfig().path("Entrypoint").forEach(arg -> entrypoint.add(arg.asText()));
        assertThat(entrypoint).as("Entrypoint in the image config").isNotEmpty();
        return entrypoint;
    }

    private static Map<String, Object> taskDefinition() {
        return props("AWS::ECS::TaskDefinition");
    }

    private static Map<String, Object> container() {
        List<Object> containers = list(taskDefinition().get("ContainerDefinitions"));
        assertThat(containers).hasSize(1);
        return map(containers.get(0));
    }

    private static Map<String, Object> props(String type) {
        Map<String, Map<String, Object>> found = template.propertiesOfType(type);
        assertThat(found).as(type + " in template.yaml").hasSize(1);
        return found.values().iterator().next();
    }

    private static int number(Object value) {
        return (int) Template.number(value, "a port");
    }

    private static String string(Object value) {
        return String.valueOf(value);
    }

    private static Path path(String property, String fallback) {
        return Path.of(System.getProperty(property, fallback)).toAbsolutePath().normalize();
    }
}
