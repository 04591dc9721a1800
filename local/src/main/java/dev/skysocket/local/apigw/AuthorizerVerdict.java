package dev.skysocket.local.apigw;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What API Gateway makes of a Lambda authorizer's answer on {@code $connect}. A policy with a statement allowing
 * {@code execute-api:Invoke} on the {@code methodArn} and none denying it lets the upgrade go on to {@code $connect},
 * whose events then carry {@code principalId}, the context and {@code integrationLatency} in
 * {@code requestContext.authorizer}; any other policy refuses it with 403; an answer that is not a valid one (no
 * principal or policy, a context value that is an object or array), a failed call or a timeout refuses it with 500.
 */
sealed interface AuthorizerVerdict {

    int FORBIDDEN = 403;
    int UNAUTHORIZED = 401;
    int AUTHORIZER_FAILURE = 500;

    /** The upgrade goes on to {@code $connect}; {@code authorizer} is its events' {@code requestContext.authorizer}. */
    record Allowed(ObjectNode authorizer) implements AuthorizerVerdict {
    }

    /** The upgrade is refused with {@code status}; {@code reason} is for the log only. */
    record Refused(int status, String reason) implements AuthorizerVerdict {
    }

    ObjectMapper JSON = new ObjectMapper();

    /** The verdict on {@code answerJson} for {@code methodArn}; the call took {@code latencyMillis}. */
    static AuthorizerVerdict of(String answerJson, String methodArn, long latencyMillis) {
        JsonNode answer;
        try {
            answer = answerJson == null ? null : JSON.readTree(answerJson);
        } catch (IOException e) {
            return new Refused(AUTHORIZER_FAILURE, "answer is not JSON");
        }
        if (answer == null || !answer.isObject()) {
            return new Refused(AUTHORIZER_FAILURE, "answer is not a JSON object");
        }
        JsonNode principal = answer.get("principalId");
        JsonNode policy = answer.get("policyDocument");
        if (principal == null || !principal.isTextual() || policy == null || !policy.isObject()) {
            return new Refused(AUTHORIZER_FAILURE, "answer lacks principalId or policyDocument");
        }
        ObjectNode authorizer = JSON.createObjectNode();
        JsonNode context = answer.get("context");
        if (context != null && !context.isNull()) {
            if (!context.isObject()) {
                return new Refused(AUTHORIZER_FAILURE, "context is not an object");
            }
            var fields = context.fields();
            while (fields.hasNext()) {
                var field = fields.next();
                if (field.getValue().isContainerNode()) {
                    return new Refused(AUTHORIZER_FAILURE, "context value is an object or array");
                }
                authorizer.set(field.getKey(), field.getValue());
            }
        }
        authorizer.put("principalId", principal.asText());
        authorizer.put("integrationLatency", latencyMillis);
        boolean allowed = false;
        for (JsonNode statement : list(policy.get("Statement"))) {
            if (!matchesAny(statement.get("Action"), "execute-api:Invoke")
                    || !matchesAny(statement.get("Resource"), methodArn)) {
                continue;
            }
            String effect = statement.path("Effect").asText();
            if (effect.equals("Deny")) {
                return new Refused(FORBIDDEN, "denied");  // an explicit Deny wins over any Allow
            }
            allowed |= effect.equals("Allow");
        }
        return allowed ? new Allowed(authorizer) : new Refused(FORBIDDEN, "not allowed");
    }

    private static List<JsonNode> list(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(out::add);
        } else if (node != null && !node.isNull()) {
            out.add(node);
        }
        return out;
    }

    /** IAM matching: {@code *} any run of characters, {@code ?} any one; action names ignore case. */
    private static boolean matchesAny(JsonNode patterns, String value) {
        for (JsonNode pattern : list(patterns)) {
            if (pattern.isTextual() && glob(pattern.asText(), value.startsWith("arn:"))
                    .matcher(value).matches()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern glob(String pattern, boolean caseSensitive) {
        StringBuilder regex = new StringBuilder();
        for (String literal : pattern.split("(?=[*?])|(?<=[*?])")) {
            switch (literal) {
                case "*" -> regex.append(".*");
                case "?" -> regex.append('.');
                default -> regex.append(Pattern.quote(literal));
            }
        }
        return Pattern.compile(regex.toString(), caseSensitive ? 0 : Pattern.CASE_INSENSITIVE);
    }
}
