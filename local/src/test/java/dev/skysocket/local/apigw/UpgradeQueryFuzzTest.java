package dev.skysocket.local.apigw;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.skysocket.gateway.http.MalformedRequests;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer target for the upgrade query the emulator reads: the 400 check API Gateway's front end stands for, then the
 * decoding into {@code queryStringParameters} / {@code multiValueQueryStringParameters} and the authorizer's identity
 * sources. The bytes are the query as it reaches the server (one char per byte, as Netty reads a request line).
 * A finding: any exception at all (a query the 400 check lets through must decode), parameters that do not survive
 * being encoded again, or an identity source that is not the parameter's last value. Without JAZZER_FUZZ it replays
 * the seeds under {@code UpgradeQueryFuzzTestInputs}.
 */
class UpgradeQueryFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void anUpgradeQueryIsRefusedOrDecodesIntoTheEventsParameters(byte[] input) {
        String raw = new String(input, StandardCharsets.ISO_8859_1);
        String malformed = MalformedRequests.reason(raw, "websocket", "AAAAAAAAAAAAAAAAAAAAAA==");
        if (malformed != null) {
            assertThat(malformed).isEqualTo("bad_query_escape");
            return; // answered 400 before anything decodes it
        }
        Map<String, List<String>> parameters = WebSocketEvents.QueryStrings.parse(raw);
        assertThat(WebSocketEvents.QueryStrings.parse(encode(parameters))).isEqualTo(parameters);
        ConnectionContext context = new ConnectionContext("id", 0, "127.0.0.1", null, List.of(), raw);
        parameters.forEach((name, values) -> assertThat(values).isNotEmpty()
                .last().isEqualTo(context.queryParameter(name)));
    }

    /** What a client would send for these parameters, every value of a name in order, percent-encoded as UTF-8. */
    private static String encode(Map<String, List<String>> parameters) {
        StringJoiner joined = new StringJoiner("&");
        parameters.forEach((name, values) -> values.forEach(value -> joined.add(URLEncoder.encode(name,
                StandardCharsets.UTF_8) + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8))));
        return joined.toString();
    }
}
