package dev.skysocket.fanout;

import static dev.skysocket.fanout.PooledFramePosterTest.failureOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Real API Gateway endpoints are HTTPS: our connections speak TLS with SNI and check the certificate's name, as
 * the SDK's client does. The server's certificate is made by the JDK's keytool for {@code localhost} only.
 */
class PooledFramePosterTlsTest {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static HttpsServer server;
    private static KeyStore keys;
    private static final List<String> hosts = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startHttpsServer(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("server.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost", "-validity", "2",
                "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "changeit")
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as(output).isZero();
        keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.getRequestBody().readAllBytes();
                hosts.add(exchange.getRequestHeaders().getFirst("Host") + " "
                        + exchange.getRequestHeaders().getFirst("Authorization"));
                exchange.sendResponseHeaders(200, -1);
            } catch (IOException e) {
                // the client went away
            }
        });
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    private static TrustManagerFactory trusting(KeyStore store) throws Exception {
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("server", store.getCertificate("server"));
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(anchors);
        return trust;
    }

    private static Throwable post(String host, TrustManagerFactory trust) {
        try (ManagementApiClients clients = ManagementApiClients.trusting(trust,
                StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))) {
            String endpoint = "https://" + host + ":" + server.getAddress().getPort() + "/prod";
            return failureOf(clients.poster(endpoint).post("abc=", Frame.of("3")));
        }
    }

    @Test
    void aPostReachesAnHttpsEndpointWhoseCertificateNamesItsHost() throws Exception {
        hosts.clear();

        assertThat(post("localhost", trusting(keys))).isNull();

        assertThat(hosts).singleElement().asString()
                .startsWith("localhost:" + server.getAddress().getPort() + " AWS4-HMAC-SHA256 ");
    }

    @Test
    void aCertificateForAnotherNameIsRefused() throws Exception {
        Throwable error = post("127.0.0.1", trusting(keys));

        assertThat(error).isInstanceOf(SdkClientException.class);
        assertThat(CallFailure.of(error)).isEqualTo(CallFailure.FINAL);
    }

    @Test
    void aCertificateNoTrustedAuthoritySignedIsRefused() {
        Throwable error = post("localhost", null);

        assertThat(error).isInstanceOf(SdkClientException.class);
        assertThat(CallFailure.of(error)).isEqualTo(CallFailure.FINAL);
    }
}
