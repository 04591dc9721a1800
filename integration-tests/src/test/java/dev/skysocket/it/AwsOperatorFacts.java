package dev.skysocket.it;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The facts of {@link AwsFactsIT} that need more than a stage URL: a redeploy while a connection is open (the
 * operator's deploy command, {@code -Dskysocket.it.redeploy-command}) and the {@code @connections} API behind a
 * custom domain ({@code -Dskysocket.it.custom-domain-url} and AWS credentials). The local stack has neither, so
 * both skip there.
 */
final class AwsOperatorFacts {
    static final String REDEPLOY_COMMAND = "skysocket.it.redeploy-command";
    static final String REDEPLOY_TIMEOUT_S = "skysocket.it.redeploy-timeout-s";
    static final String CUSTOM_DOMAIN_URL = "skysocket.it.custom-domain-url";
    private static final Path REDEPLOY_LOG = Path.of("target", "aws-facts-redeploy.log");

    private AwsOperatorFacts() {
    }

    static void redeploy(TestStack.Target target) throws Exception {
        String fact = "open connections survive a redeploy of the Lambda code, and their next frames are answered";
        FactLog.skipUnless(!target.isLocal(), fact, "the local stack runs the code in-process: nothing to"
                + " redeploy; run against a stage with -D" + RemoteStack.WSS_URL + " and -D" + REDEPLOY_COMMAND);
        String command = System.getProperty(REDEPLOY_COMMAND, "").trim();
        FactLog.skipUnless(!command.isEmpty(), fact, "needs an operator action: set -D" + REDEPLOY_COMMAND
                + "='<a command that deploys changed function code to this stage>'");
        Duration timeout = Duration.ofSeconds(Long.getLong(REDEPLOY_TIMEOUT_S, 1800));
        // RawClient answers the server's pings on its own thread while the command runs.
        try (RawClient open = RawClient.connect(target.websocketUrl(), target.path(), true)) {
            open.handshake("/");
            open.send("421[\"echo\",\"before\"]");
            open.awaitText(text -> text.startsWith("431["));
            OperatorCommand.Result ran = OperatorCommand.run(command, timeout, REDEPLOY_LOG);
            if (ran.exitCode() != 0) {
                throw new AssertionError("the redeploy command failed (exit " + ran.exitCode() + "), so the fact"
                        + " was not checked; its output is in " + REDEPLOY_LOG.toAbsolutePath());
            }
            String kept = open.isClosed() ? "closed with " + open.closed().getNow(null) : answers(open, 2);
            String fresh;
            try (RawClient next = RawClient.connect(target.websocketUrl(), target.path(), true)) {
                next.handshake("/");
                fresh = answers(next, 1);
            }
            FactLog.check(fact, "the connection opened before the deploy is still open and answers; a new one too",
                    "command took " + ran.took().toSeconds() + " s (exit 0); the earlier connection: " + kept
                            + "; a new connection: " + fresh,
                    kept.equals("answered") && fresh.equals("answered"));
        }
    }

    static void customDomain(TestStack.Target target) throws IOException {
        String fact = "@connections at https://{custom-domain}/{stage} answers 403; at execute-api it works";
        FactLog.skipUnless(!target.isLocal(), fact, "the emulator has no custom domains; run against a stage with"
                + " -D" + RemoteStack.WSS_URL + " and -D" + CUSTOM_DOMAIN_URL);
        String custom = System.getProperty(CUSTOM_DOMAIN_URL, "").trim().replaceAll("/+$", "");
        FactLog.skipUnless(!custom.isEmpty(), fact, "set -D" + CUSTOM_DOMAIN_URL
                + "=https://<custom domain>[/<base path>] (a custom domain mapped to this stage)");
        try (ManagementProbe probe = ManagementProbe.require(target, fact);
             WireClient client = WireClient.connect(target.websocketUrl(), target.path())) {
            String id = AwsFactsIT.sid(client.handshake()[0]);
            URI domain = URI.create(custom);
            // What an app building the endpoint from requestContext.domainName and stage would call.
            String domainAndStage = domain.getScheme() + "://" + domain.getRawAuthority() + target.path();
            ManagementProbe.Answer viaStage = probe.post(domainAndStage, id, bytes("via the domain and stage"));
            boolean basePath = domain.getRawPath() != null && !domain.getRawPath().isEmpty()
                    && !domainAndStage.equals(custom);
            ManagementProbe.Answer viaBase = basePath ? probe.post(custom, id, bytes("via the base path")) : null;
            ManagementProbe.Answer direct = probe.post(id, bytes("via execute-api"));
            List<String> received = new ArrayList<>();
            if (direct.ok()) {
                String text;
                do {
                    text = client.readData().text();
                    received.add(text);
                } while (!text.equals("via execute-api"));
            }
            if (viaBase != null) {
                FactLog.observe("@connections at https://{custom-domain}/{base-path} (works only when the"
                        + " execute-api endpoint is disabled)", "depends on the API's settings", custom + ": "
                        + viaBase);
            }
            FactLog.check(fact, "403 at " + domainAndStage + "; 200 at " + probe.endpoint(),
                    domainAndStage + ": " + viaStage + "; " + probe.endpoint() + ": " + direct
                            + "; the client received " + received,
                    viaStage.status() == 403 && direct.ok());
        }
    }

    /** Sends one acked echo (ack id {@code ackId}): "answered", or what went wrong. */
    private static String answers(RawClient client, int ackId) {
        try {
            client.send("42" + ackId + "[\"echo\",\"after\"]");
            client.awaitText(text -> text.startsWith("43" + ackId + "["));
            return "answered";
        } catch (AssertionError silent) {
            return client.isClosed() ? "closed with " + client.closed().getNow(null) : "no answer within "
                    + RawClient.WAIT.toSeconds() + " s";
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
