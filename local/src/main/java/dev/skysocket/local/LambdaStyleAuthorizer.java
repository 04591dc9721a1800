package dev.skysocket.local;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.skysocket.apigw.ApiGatewayAuthorizer;
import dev.skysocket.local.apigw.RequestAuthorizer;
import java.util.Map;

/**
 * Calls the {@code $connect} authorizer the way Lambda calls the {@code authorizer} function: the event JSON is
 * read into the map {@link ApiGatewayAuthorizer} takes, and its answer goes back as JSON.
 */
final class LambdaStyleAuthorizer implements RequestAuthorizer {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> EVENT = new TypeReference<>() {
    };

    private final ApiGatewayAuthorizer authorizer;

    LambdaStyleAuthorizer(ApiGatewayAuthorizer authorizer) {
        this.authorizer = authorizer;
    }

    @Override
    public String authorize(String eventJson) throws Exception {
        return MAPPER.writeValueAsString(authorizer.handle(MAPPER.readValue(eventJson, EVENT)));
    }
}
