package dev.skysocket.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Jazzer target for the Engine.IO query every gateway listener reads. Without JAZZER_FUZZ it replays the seeds under
 * {@code HandshakeQueryFuzzTestInputs}; with JAZZER_FUZZ=1 it fuzzes for maxDuration. The bytes are the query as
 * it reaches the server (one char per byte, as Netty reads a request line). A finding: any exception but
 * {@link HandshakeQuery.MalformedQueryException}, a refusal where {@link MalformedRequests} lets the request through
 * (or the reverse), a message echoing the query, or parameters that do not survive being encoded again.
 */
class HandshakeQueryFuzzTest {

    @FuzzTest(maxDuration = "30s")
    void aQueryParsesOrIsRefusedLikeTheListenersFourHundred(byte[] input) {
        String raw = new String(input, StandardCharsets.ISO_8859_1);
        Map<String, String> query;
        try {
            query = HandshakeQuery.parse(raw);
        } catch (HandshakeQuery.MalformedQueryException refused) {
            assertThat(MalformedRequests.reason(raw, null, null)).isEqualTo("bad_query_escape");
            if (raw.length() > 8) { // short inputs may occur in any message by chance
                assertThat(refused.getMessage()).doesNotContain(raw);
            }
            return;
        }
        assertThat(MalformedRequests.reason(raw, null, null)).isNull();
        assertThat(query.size()).isLessThanOrEqualTo(HandshakeQuery.MAX_PARAMETERS);
        assertThat(HandshakeQuery.parse(encode(query))).isEqualTo(query);
    }

    /** What a client would send for these parameters: each name and value percent-encoded as UTF-8. */
    private static String encode(Map<String, String> query) {
        StringJoiner joined = new StringJoiner("&");
        query.forEach((name, value) -> joined.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return joined.toString();
    }
}
