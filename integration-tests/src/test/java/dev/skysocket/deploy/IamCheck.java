package dev.skysocket.deploy;

import static dev.skysocket.deploy.Template.list;
import static dev.skysocket.deploy.Template.map;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Least privilege: no Allow statement anywhere in the template grants a wildcard action, uses NotAction or
 * NotResource, or grants a {@code "*"} resource — except for the few actions AWS defines no resource for. AWS
 * managed policies are refused too, except the ones a Lambda function in a VPC needs.
 */
final class IamCheck {
    /**
     * Actions AWS only accepts on {@code "*"} (they act on no resource with an ARN). Each must be justified in the
     * template where it is granted.
     */
    static final Set<String> STAR_ONLY_ACTIONS = Set.of(
            "ecr:GetAuthorizationToken",        // a registry login token, not tied to a repository
            "xray:PutTraceSegments",            // X-Ray has no resource-level permissions for writes
            "xray:PutTelemetryRecords",
            "cloudwatch:PutMetricData");        // metrics have no ARN; scope with a cloudwatch:namespace condition
    /** AWS managed policies allowed: ENI handling for functions in a VPC (its EC2 actions require "*"). */
    static final Set<String> ALLOWED_MANAGED_POLICIES = Set.of(
            "service-role/AWSLambdaVPCAccessExecutionRole");

    private IamCheck() {
    }

    static List<String> noWildcards(Template t) {
        List<String> problems = new ArrayList<>();
        t.resources().forEach((id, resource) -> walk(id, resource, problems));
        // SAM lets a function name AWS managed policies in Policies, and SAM then attaches them.
        t.propertiesOfType("AWS::Serverless::Function").forEach((id, function) -> list(function.get("Policies"))
                .stream().filter(String.class::isInstance)
                .filter(name -> !ALLOWED_MANAGED_POLICIES.contains("service-role/" + name))
                .forEach(name -> problems.add(id + ": AWS managed policy " + name)));
        return problems;
    }

    private static void walk(String where, Object node, List<String> problems) {
        if (node instanceof Map<?, ?>) {
            Map<String, Object> m = map(node);
            if (m.containsKey("Statement")) {
                list(m.get("Statement")).forEach(s -> statement(where, map(s), problems));
            }
            Object managed = m.get("ManagedPolicyArns");
            if (managed != null) {
                managedPolicies(where, managed, problems);
            }
            m.values().forEach(v -> walk(where, v, problems));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> walk(where, v, problems));
        }
    }

    private static void statement(String where, Map<String, Object> statement, List<String> problems) {
        if (!"Allow".equals(statement.get("Effect"))) {
            return;  // a Deny with wildcards only narrows
        }
        if (statement.containsKey("NotAction") || statement.containsKey("NotResource")) {
            problems.add(where + ": an Allow with NotAction/NotResource grants everything else");
        }
        List<String> actions = new ArrayList<>();
        list(statement.get("Action")).forEach(a -> actions.add(String.valueOf(a)));
        for (String action : actions) {
            if (action.contains("*")) {
                problems.add(where + ": wildcard action " + action);
            }
        }
        if (statement.containsKey("Principal")) {
            return;  // a trust policy: who may assume the role, no resource
        }
        List<Object> resources = list(statement.get("Resource"));
        if (resources.isEmpty()) {
            problems.add(where + ": an Allow of " + actions + " without Resource");
        }
        if (resources.contains("*") && !STAR_ONLY_ACTIONS.containsAll(actions)) {
            problems.add(where + ": Resource \"*\" for " + actions + " (only " + STAR_ONLY_ACTIONS + " may use it)");
        }
    }

    /** AWS managed policies show as {@code arn:...:iam::aws:policy/...}, literally or inside a Sub. */
    private static void managedPolicies(String where, Object node, List<String> problems) {
        if (node instanceof String arn) {
            int at = arn.indexOf(":iam::aws:policy/");
            if (at >= 0 && !ALLOWED_MANAGED_POLICIES.contains(arn.substring(at + ":iam::aws:policy/".length()))) {
                problems.add(where + ": AWS managed policy " + arn);
            }
        } else if (node instanceof Map<?, ?> m) {
            m.values().forEach(v -> managedPolicies(where, v, problems));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> managedPolicies(where, v, problems));
        }
    }
}
