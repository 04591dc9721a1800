package dev.skysocket.config.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;

/**
 * Every parameter under one path, as {@code name relative to the path → value}. Fails with
 * {@link ParameterStoreException} (naming the path, never a value) on an error answer, so a deployment whose
 * settings cannot be read fails at start instead of running without them.
 */
public final class ParameterStore {
    /** GetParametersByPath answers at most 10 per page; a bound on pages keeps a mistaken path from looping. */
    private static final int MAX_PAGES = 100;
    private static final int MAX_ANSWER_BYTES = 1 << 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final String region;
    private final URI endpoint;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    /** {@code endpoint} null: the Region's public endpoint. */
    public ParameterStore(SdkHttpClient http, AwsCredentialsProvider credentials, String region, URI endpoint) {
        this.http = http;
        this.credentials = credentials;
        this.region = region;
        this.endpoint = endpoint != null ? endpoint : URI.create("https://ssm." + region + ".amazonaws.com");
    }

    public Map<String, String> read(String path) {
        String prefix = ParameterPaths.normalized(path);
        Map<String, String> values = new LinkedHashMap<>();
        String next = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            ObjectNode request = JSON.createObjectNode().put("Path", ParameterPaths.withoutTrailingSlash(prefix))
                    .put("Recursive", true).put("WithDecryption", true).put("MaxResults", 10);
            if (next != null) {
                request.put("NextToken", next);
            }
            JsonNode answer = call(prefix, request);
            for (JsonNode parameter : answer.path("Parameters")) {
                String name = parameter.path("Name").asText("");
                if (name.startsWith(prefix) && parameter.path("Value").isTextual()) {
                    values.put(name.substring(prefix.length()), parameter.path("Value").asText());
                }
            }
            next = answer.path("NextToken").isTextual() ? answer.path("NextToken").asText() : null;
            if (next == null || next.isEmpty()) {
                return values;
            }
        }
        throw new ParameterStoreException("more than " + MAX_PAGES + " pages of parameters under " + prefix);
    }

    private JsonNode call(String path, ObjectNode request) {
        byte[] body = request.toString().getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest unsigned = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint.resolve("/"))
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "AmazonSSM.GetParametersByPath")
                .putHeader("Content-Length", Integer.toString(body.length))
                .build();
        SignedRequest signed = signer.sign(r -> r.identity(credentials.resolveCredentials())
                .request(unsigned)
                .payload(ContentStreamProvider.fromByteArray(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ssm")
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder()
                    .request(signed.request()).contentStreamProvider(signed.payload().orElse(null)).build()).call();
            byte[] text = read(response);
            int status = response.httpResponse().statusCode();
            JsonNode answer = text.length == 0 ? JSON.createObjectNode() : JSON.readTree(text);
            if (status != 200) {
                throw new ParameterStoreException("GetParametersByPath " + path + " answered " + status + " "
                        + answer.path("__type").asText("") + ": " + answer.path("message").asText(
                        answer.path("Message").asText("")));
            }
            return answer;
        } catch (IOException e) {
            throw new ParameterStoreException("GetParametersByPath " + path + " failed: " + e, e);
        } catch (UncheckedIOException e) {
            throw new ParameterStoreException("GetParametersByPath " + path + " failed: " + e.getCause(), e);
        }
    }

    private static byte[] read(HttpExecuteResponse response) throws IOException {
        if (response.responseBody().isEmpty()) {
            return new byte[0];
        }
        try (InputStream in = response.responseBody().get()) {
            byte[] text = in.readNBytes(MAX_ANSWER_BYTES + 1);
            if (text.length > MAX_ANSWER_BYTES) {
                throw new ParameterStoreException("a GetParametersByPath answer over " + MAX_ANSWER_BYTES + " bytes");
            }
            return text;
        }
    }
}
