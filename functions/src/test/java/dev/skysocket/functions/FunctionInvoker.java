package dev.skysocket.functions;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;

/**
 * Invokes the function under test: posts one event to Quarkus's mock event server (port 8081 in tests), which
 * hands it to the handler that {@code quarkus.lambda.handler} chose and answers with the handler's result. The
 * result is read with Jackson rather than RestAssured's path expressions, which are slow to warm up per boot.
 */
final class FunctionInvoker {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FunctionInvoker() {
    }

    /** The handler's result; fails unless the invocation succeeded. */
    static JsonNode invoke(String eventJson) {
        String body = given().contentType("application/json").body(eventJson)
                .when().post()
                .then().statusCode(200)
                .extract().asString();
        try {
            return JSON.readTree(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException("the handler's result is not JSON: " + body, e);
        }
    }
}
