package dev.skysocket.protocol.socketio;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NumericNode;
import com.fasterxml.jackson.databind.node.ValueNode;
import dev.skysocket.protocol.CodecLimits;
import dev.skysocket.protocol.ProtocolError;
import dev.skysocket.protocol.ProtocolException;

/** Jackson set up for hostile input: bounded depth, string and number length; one compact writer. */
final class SocketIoJson {
    /** Written the way JavaScript's JSON.stringify writes: compact, lower-case hex in escapes. */
    private static final ObjectWriter WRITER = JsonMapper.builder()
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .build()
            .writer();

    private final ObjectReader reader;

    SocketIoJson(CodecLimits limits) {
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxJsonDepth())
                .maxStringLength(limits.maxStringLength())
                .maxNameLength(limits.maxStringLength())
                .maxNumberLength(limits.maxNumberLength())
                .maxDocumentLength(limits.maxFrameChars())
                .build();
        JsonFactory factory = JsonFactory.builder().streamReadConstraints(constraints).build();
        ObjectMapper mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .nodeFactory(new FiniteNumbers())
                .build();
        this.reader = mapper.reader();
    }

    /** Parses exactly one JSON value; anything else, including trailing tokens, is BAD_JSON. */
    JsonNode parse(String json) {
        JsonNode node;
        try {
            node = reader.readTree(json);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // Jackson's message quotes the input, so only its type goes into ours.
            throw new ProtocolException(ProtocolError.BAD_JSON, "payload is not valid JSON within limits ("
                    + e.getClass().getSimpleName() + ")");
        }
        if (node == null || node.isMissingNode()) {
            throw new ProtocolException(ProtocolError.BAD_JSON, "payload holds no JSON value");
        }
        return node;
    }

    static String write(JsonNode node) {
        try {
            return WRITER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /**
     * 1e999 parses to Infinity, which JSON cannot write back (JSON.stringify sends null): refuse it, so every
     * decoded tree re-encodes to the same tree.
     */
    private static final class FiniteNumbers extends JsonNodeFactory {
        private static final long serialVersionUID = 1L;

        @Override
        public NumericNode numberNode(double v) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("number out of range");
            }
            return super.numberNode(v);
        }

        @Override
        public NumericNode numberNode(float v) {
            if (!Float.isFinite(v)) {
                throw new IllegalArgumentException("number out of range");
            }
            return super.numberNode(v);
        }

        @Override
        public ValueNode numberNode(Double v) {
            if (v != null && !Double.isFinite(v)) {
                throw new IllegalArgumentException("number out of range");
            }
            return super.numberNode(v);
        }
    }
}
