package dev.skysocket.archetype;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mvn archetype:generate} with Skysocket's archetype in an empty folder, then {@code mvn verify} in the
 * generated project, both offline against the local repository this build installed into: the project's own
 * test (the test kit, real clients on both paths) passes, its {@code function.zip} holds its app and the Lambda
 * runtime, and {@code cfn-lint} passes its {@code template.yaml}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class ArchetypeIT {
    private static final String VERSION = System.getProperty("skysocket.version", "0.1.0-SNAPSHOT");
    private static final boolean CI = "true".equals(System.getenv("CI"));

    @TempDir
    static Path workspace;

    @Test
    @Order(1)
    void aGeneratedProjectBuildsAndPassesItsOwnTestsOffline() throws Exception {
        Path project = generate();

        assertThat(project.resolve("app/src/main/java/com/example/chat/App.java")).isRegularFile();
        assertThat(project.resolve("app/src/test/java/com/example/chat/AppTest.java")).isRegularFile();
        assertThat(Files.readString(project.resolve("app/src/main/resources/META-INF/services/"
                + "dev.skysocket.api.SocketApp")).trim()).isEqualTo("com.example.chat.App");
        assertThat(Files.readString(project.resolve("README.md")))
                .contains("## Set-up", "java -jar local/target/chat-local.jar", "mvn verify");

        Result build = maven(project, "verify", "-Dskysocket.image.skip");
        assertThat(build.exitCode()).as(build.output()).isZero();
        assertThat(build.output()).as("the generated test ran").containsPattern("Tests run: [1-9]");

        try (ZipFile zip = new ZipFile(project.resolve("lambda/target/function.zip").toFile())) {
            List<String> names = new ArrayList<>();
            zip.stream().forEach(entry -> names.add(entry.getName()));
            assertThat(names).anyMatch(name -> name.matches("lib/com\\.example\\.chat-app-.*\\.jar"))
                    .anyMatch(name -> name.matches("lib/dev\\.skysocket\\.skysocket-functions-.*\\.jar"))
                    .noneMatch(name -> name.contains("skysocket-local") || name.contains("DynamoDBLocal"));
            byte[] appJar = zip.getInputStream(zip.stream()
                    .filter(entry -> entry.getName().matches("lib/com\\.example\\.chat-app-.*\\.jar"))
                    .findFirst().orElseThrow()).readAllBytes();
            assertThat(new String(appJar, StandardCharsets.ISO_8859_1)).contains("com/example/chat/App.class");
        }
    }

    @Test
    @Order(2)
    void theGeneratedTemplatePassesCfnLint() throws Exception {
        Path template = workspace.resolve("chat/template.yaml");
        assertThat(template).isRegularFile();
        assertThat(Files.readString(template)).contains("CodeUri: lambda/target/function.zip")
                .doesNotContain("examples/chat");
        boolean haveLint = run(workspace, List.of("sh", "-c", "command -v cfn-lint")).exitCode() == 0;
        if (!CI) {
            assumeTrue(haveLint, "cfn-lint is not on PATH (pip install cfn-lint); .ci/run installs it");
        }
        Result lint = run(workspace, List.of("cfn-lint", template.toString()));
        assertThat(lint.exitCode()).as(lint.output()).isZero();
    }

    private static Path generate() throws Exception {
        // The plugin by its coordinates: offline, a prefix needs plugin-group metadata a fresh repository lacks.
        Result generated = maven(workspace, System.getProperty("skysocket.archetype-plugin",
                        "org.apache.maven.plugins:maven-archetype-plugin:3.4.0:generate"),
                "-DinteractiveMode=false",
                "-DarchetypeGroupId=dev.skysocket", "-DarchetypeArtifactId=skysocket-archetype",
                "-DarchetypeVersion=" + VERSION, "-DgroupId=com.example", "-DartifactId=chat",
                "-Dversion=1.0.0-SNAPSHOT", "-Dpackage=com.example.chat");
        assertThat(generated.exitCode()).as(generated.output()).isZero();
        return workspace.resolve("chat");
    }

    private static Result maven(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(mavenExecutable(), "-B", "-o", "-ntp"));
        String repo = System.getProperty("skysocket.maven-repo");
        if (repo != null && !repo.isBlank()) {
            command.add("-Dmaven.repo.local=" + repo);
        }
        command.addAll(List.of(args));
        return run(dir, command);
    }

    private static String mavenExecutable() {
        String home = System.getProperty("skysocket.maven-home");
        if (home != null && Files.isExecutable(Path.of(home, "bin", "mvn"))) {
            return Path.of(home, "bin", "mvn").toString();
        }
        return "mvn";
    }

    private static Result run(Path dir, List<String> command) throws IOException, InterruptedException {
        Path log = Files.createTempFile(workspace, "run", ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(12, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in 12 minutes: "
                    + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log));
    }

    record Result(int exitCode, String output) {
        @Override
        public String output() {
            // The end of a Maven log says why it failed.
            return output.length() > 20_000 ? output.substring(output.length() - 20_000) : output;
        }
    }
}
