package dev.skysocket.deploy;

import static dev.skysocket.deploy.Template.environment;
import static dev.skysocket.deploy.Template.keyValues;
import static dev.skysocket.deploy.Template.list;
import static dev.skysocket.deploy.Template.map;
import static dev.skysocket.deploy.Template.nameValues;
import static dev.skysocket.deploy.Template.number;
import static dev.skysocket.deploy.Template.refTarget;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The deployment facts users get wrong, each as a function from a template to the list of what is wrong with it
 * (empty when right), so a test can run it on the real template and on a deliberately broken copy.
 * Table layout and IAM live in {@link TableCheck} and {@link IamCheck}.
 */
final class TemplateChecks {
    static final String HANDLER_PROPERTY = "QUARKUS_LAMBDA_HANDLER";
    static final String STREAM_HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler";
    static final String CODE_URI = "examples/chat/lambda/target/function.zip";
    /** Which {@code @Named} handler each WebSocket route must reach. */
    static final Map<String, String> ROUTE_HANDLERS = Map.of(
            "$connect", "connect", "$disconnect", "disconnect", "$default", "default");
    /** Engine.IO's default path; a health check there gets a 400 (no session), never a plain 200. */
    static final String SOCKET_PATH = "/socket.io/";
    /** The gateway's default of {@code skysocket.sticky-cookie} (DESIGN §7). */
    static final String GATEWAY_STICKY_COOKIE = "skysocket-node";
    /** The gateway's default of {@code skysocket.drain-window-ms}. */
    static final long GATEWAY_DRAIN_WINDOW_MS = 60_000;
    /** AWS defaults when the template leaves them out. */
    private static final long ALB_DEFAULT_IDLE_SECONDS = 60;
    private static final long TG_DEFAULT_DEREGISTRATION_SECONDS = 300;
    private static final long FARGATE_DEFAULT_STOP_TIMEOUT_SECONDS = 30;
    private static final Pattern RATE = Pattern.compile("rate\\((\\d+) (minute|minutes|hour|hours)\\)");

    private TemplateChecks() {
    }

    /**
     * Every WebSocket route exists and points at the published alias of a function with the matching handler,
     * whether SAM writes it (the API's {@code Routes}) or the template does (a plain {@code AWS::ApiGatewayV2::Route}
     * on the API whose integration invokes the function).
     */
    static List<String> routesReachTheirHandlers(Template t) {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Object>> functions = t.functions();
        Map<String, Map<String, Object>> apis = t.propertiesOfType("AWS::Serverless::WebSocketApi");
        if (apis.isEmpty()) {
            problems.add("no AWS::Serverless::WebSocketApi");
        }
        apis.forEach((apiId, api) -> {
            Map<String, Object> routes = new LinkedHashMap<>(map(api.get("Routes")));
            t.propertiesOfType("AWS::ApiGatewayV2::Route").forEach((id, route) -> {
                if (apiId.equals(refTarget(route.get("ApiId")))) {
                    Map<String, Object> asSam = new LinkedHashMap<>();
                    asSam.put("FunctionArn", integrationFunction(t, route.get("Target")));
                    routes.put(String.valueOf(route.get("RouteKey")), asSam);
                }
            });
            ROUTE_HANDLERS.forEach((routeKey, handler) -> {
                if (!routes.containsKey(routeKey)) {
                    problems.add(apiId + " has no " + routeKey + " route");
                }
            });
            routes.forEach((routeKey, route) -> {
                Object arn = map(route).get("FunctionArn");
                String target = refTarget(arn);
                if (target == null || !functions.containsKey(target)) {
                    problems.add(apiId + " route " + routeKey + " has no integration with a function of this "
                            + "template: " + arn);
                    return;
                }
                Map<String, Object> function = functions.get(target);
                // SnapStart applies to published versions only: a route to $LATEST pays the full cold start.
                if (function.get("AutoPublishAlias") != null
                        && !String.valueOf(map(arn).get("Ref")).endsWith(".Alias")) {
                    problems.add(apiId + " route " + routeKey + " invokes " + target + " unpublished; use !Ref "
                            + target + ".Alias");
                }
                String expected = ROUTE_HANDLERS.get(routeKey);
                Object actual = environment(function).get(HANDLER_PROPERTY);
                if (expected != null && !expected.equals(actual)) {
                    problems.add(apiId + " route " + routeKey + " reaches " + target + " whose handler is " + actual
                            + ", not " + expected);
                }
            });
        });
        // Plain API Gateway v2 routes, if any: the target must name an integration of this template.
        Set<String> integrations = t.propertiesOfType("AWS::ApiGatewayV2::Integration").keySet();
        t.propertiesOfType("AWS::ApiGatewayV2::Route").forEach((id, route) -> {
            List<String> refs = new ArrayList<>();
            collectRefs(route.get("Target"), refs);
            if (refs.stream().noneMatch(integrations::contains)) {
                problems.add("route " + id + " (" + route.get("RouteKey") + ") has no integration");
            }
        });
        return problems;
    }

    /**
     * Each {@code $connect} authorizer invokes the published alias of a function whose handler is
     * {@code authorizer}, takes the token from the query as the handler expects, may be invoked by API Gateway,
     * and is the one the {@code $connect} route names.
     */
    static List<String> connectAuthorizersReachTheAuthorizerHandler(Template t) {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Object>> functions = t.functions();
        Map<String, Map<String, Object>> connectRoutes = new LinkedHashMap<>();
        t.propertiesOfType("AWS::ApiGatewayV2::Route").forEach((id, route) -> {
            if ("$connect".equals(route.get("RouteKey"))) {
                connectRoutes.put(id, route);
            }
        });
        t.propertiesOfType("AWS::ApiGatewayV2::Authorizer").forEach((id, authorizer) -> {
            Map<String, Object> ref = firstRef(authorizer.get("AuthorizerUri"));
            String target = refTarget(ref);
            Map<String, Object> function = target == null ? null : functions.get(target);
            if (function == null) {
                problems.add(id + " invokes no function of this template: " + authorizer.get("AuthorizerUri"));
                return;
            }
            if (!"authorizer".equals(environment(function).get(HANDLER_PROPERTY))) {
                problems.add(id + " invokes " + target + " whose handler is "
                        + environment(function).get(HANDLER_PROPERTY) + ", not authorizer");
            }
            if (function.get("AutoPublishAlias") != null && !String.valueOf(ref.get("Ref")).endsWith(".Alias")) {
                problems.add(id + " invokes " + target + " unpublished; use !Ref " + target + ".Alias");
            }
            if (!"REQUEST".equals(authorizer.get("AuthorizerType"))
                    || !list(authorizer.get("IdentitySource")).contains("route.request.querystring.token")) {
                problems.add(id + " is not a REQUEST authorizer on route.request.querystring.token (the "
                        + "skysocket.jwt-token-param default)");
            }
            boolean invokable = t.propertiesOfType("AWS::Lambda::Permission").values().stream()
                    .anyMatch(p -> target.equals(refTarget(p.get("FunctionName")))
                            && "apigateway.amazonaws.com".equals(p.get("Principal")));
            if (!invokable) {
                problems.add(id + ": no permission lets API Gateway invoke " + target);
            }
            boolean attached = connectRoutes.values().stream().anyMatch(route -> {
                List<String> refs = new ArrayList<>();
                collectRefs(route.get("AuthorizerId"), refs);
                return refs.contains(id);
            });
            if (!attached) {
                problems.add(id + " is attached to no $connect route (AuthorizerId)");
            }
        });
        return problems;
    }

    /** Every function runs the one zip through Quarkus's stream handler and names a handler the zip contains. */
    static List<String> functionsNameHandlersInTheZip(Template t, Set<String> namedHandlers,
                                                      Predicate<String> classInZip) {
        List<String> problems = new ArrayList<>();
        if (!classInZip.test(STREAM_HANDLER)) {
            problems.add("the zip has no " + STREAM_HANDLER);
        }
        t.functions().forEach((id, function) -> {
            if (!CODE_URI.equals(function.get("CodeUri"))) {
                problems.add(id + " CodeUri is " + function.get("CodeUri") + ", not " + CODE_URI);
            }
            if (!(STREAM_HANDLER + "::handleRequest").equals(function.get("Handler"))) {
                problems.add(id + " Handler is " + function.get("Handler"));
            }
            Object handler = environment(function).get(HANDLER_PROPERTY);
            if (handler == null) {
                problems.add(id + " sets no " + HANDLER_PROPERTY + " (Quarkus would pick a handler silently)");
            } else if (!namedHandlers.contains(String.valueOf(handler))) {
                problems.add(id + " " + HANDLER_PROPERTY + "=" + handler + " names no @Named handler in the zip "
                        + namedHandlers);
            }
        });
        return problems;
    }

    /** {@code SKYSOCKET_OPEN_FUNCTION} of the connect function names the function whose handler is {@code open}. */
    static List<String> connectStartsTheOpenFunction(Template t) {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Object>> functions = t.functions();
        functions.forEach((id, function) -> {
            if (!"connect".equals(environment(function).get(HANDLER_PROPERTY))) {
                return;
            }
            String target = refTarget(environment(function).get("SKYSOCKET_OPEN_FUNCTION"));
            Map<String, Object> open = target == null ? null : functions.get(target);
            if (open == null || !"open".equals(environment(open).get(HANDLER_PROPERTY))) {
                problems.add(id + " SKYSOCKET_OPEN_FUNCTION does not name the open function: "
                        + environment(function).get("SKYSOCKET_OPEN_FUNCTION"));
            }
        });
        return problems;
    }

    /** The heartbeat schedule runs as often as the sweep period the functions are told. */
    static List<String> heartbeatScheduleMatchesSweepPeriod(Template t) {
        List<String> problems = new ArrayList<>();
        t.functions().forEach((id, function) -> {
            if (!"heartbeat".equals(environment(function).get(HANDLER_PROPERTY))) {
                return;
            }
            Object sweep = environment(function).get("SKYSOCKET_SWEEP_PERIOD_MS");
            List<Long> periods = new ArrayList<>();
            map(function.get("Events")).values().forEach(event -> {
                Matcher rate = RATE.matcher(String.valueOf(map(map(event).get("Properties")).get("Schedule")));
                if ("Schedule".equals(map(event).get("Type")) && rate.matches()) {
                    long unit = rate.group(2).startsWith("hour") ? 3_600_000 : 60_000;
                    periods.add(Long.parseLong(rate.group(1)) * unit);
                }
            });
            if (periods.size() != 1 || sweep == null || periods.get(0) != number(sweep, "SKYSOCKET_SWEEP_PERIOD_MS")) {
                problems.add(id + " schedule periods " + periods + " ms do not match SKYSOCKET_SWEEP_PERIOD_MS="
                        + sweep);
            }
        });
        return problems;
    }

    /** The ALB must not close a connection the Engine.IO heartbeat still keeps alive. */
    static List<String> albIdleTimeoutExceedsPingIntervalPlusTimeout(Template t) {
        List<String> problems = new ArrayList<>();
        long defaults = t.parameterDefault("PingIntervalMs") + t.parameterDefault("PingTimeoutMs");
        Optional<Long> interval = t.parameterMax("PingIntervalMs");
        Optional<Long> timeout = t.parameterMax("PingTimeoutMs");
        Map<String, Map<String, Object>> albs = t.propertiesOfType("AWS::ElasticLoadBalancingV2::LoadBalancer");
        if (albs.isEmpty()) {
            problems.add("no load balancer for the fallback");
        }
        albs.forEach((id, alb) -> {
            String idle = keyValues(alb.get("LoadBalancerAttributes")).get("idle_timeout.timeout_seconds");
            long idleMs = (idle == null ? ALB_DEFAULT_IDLE_SECONDS : number(idle, id + " idle timeout")) * 1000;
            if (idleMs <= defaults) {
                problems.add(id + " idle timeout " + idleMs + " ms <= pingInterval + pingTimeout defaults " + defaults);
            }
            if (interval.isPresent() && timeout.isPresent() && idleMs <= interval.get() + timeout.get()) {
                problems.add(id + " idle timeout " + idleMs + " ms <= largest allowed pingInterval + pingTimeout "
                        + (interval.get() + timeout.get()));
            }
        });
        return problems;
    }

    /** Health checks hit a plain route over HTTP/1.1, which WebSocket upgrades need. */
    static List<String> healthCheckIsAPlainRoute(Template t) {
        List<String> problems = new ArrayList<>();
        targetGroups(t, problems).forEach((id, group) -> {
            Object path = group.get("HealthCheckPath");
            if (path == null) {
                problems.add(id + " sets no HealthCheckPath (default / is not the gateway's health route)");
            } else if (String.valueOf(path).startsWith(SOCKET_PATH.substring(0, SOCKET_PATH.length() - 1))) {
                problems.add(id + " health check path " + path + " is the socket path");
            }
            Object version = group.get("ProtocolVersion");
            if (version != null && !"HTTP1".equals(version)) {
                problems.add(id + " ProtocolVersion " + version + ": WebSocket upgrades need HTTP1");
            }
        });
        return problems;
    }

    /** app_cookie stickiness on the gateway's own cookie, so a polling session stays on its task. */
    static List<String> stickinessFollowsTheGatewayCookie(Template t) {
        List<String> problems = new ArrayList<>();
        targetGroups(t, problems).forEach((id, group) -> {
            Map<String, String> attributes = keyValues(group.get("TargetGroupAttributes"));
            if (!"true".equals(attributes.get("stickiness.enabled"))) {
                problems.add(id + " stickiness is not enabled");
            }
            if (!"app_cookie".equals(attributes.get("stickiness.type"))) {
                problems.add(id + " stickiness.type is " + attributes.get("stickiness.type") + ", not app_cookie");
            }
            String cookie = attributes.get("stickiness.app_cookie.cookie_name");
            if (!GATEWAY_STICKY_COOKIE.equals(cookie)) {
                problems.add(id + " app cookie is " + cookie + ", not the gateway's " + GATEWAY_STICKY_COOKIE);
            }
            gatewayEnvironments(t).forEach((container, env) -> {
                Object configured = env.get("SKYSOCKET_STICKY_COOKIE");
                if (configured != null && !configured.equals(cookie)) {
                    problems.add(container + " SKYSOCKET_STICKY_COOKIE=" + configured + " but " + id + " sticks on "
                            + cookie);
                }
            });
        });
        return problems;
    }

    /** Draining a task must fit in the deregistration delay and in the container's stop timeout. */
    static List<String> deregistrationDelayCoversTheDrain(Template t) {
        List<String> problems = new ArrayList<>();
        long drainMs = GATEWAY_DRAIN_WINDOW_MS;
        for (Map<String, Object> env : gatewayEnvironments(t).values()) {
            Object configured = env.get("SKYSOCKET_DRAIN_WINDOW_MS");
            if (configured != null) {
                drainMs = Math.max(drainMs, number(configured, "SKYSOCKET_DRAIN_WINDOW_MS"));
            }
        }
        long drain = drainMs;
        targetGroups(t, problems).forEach((id, group) -> {
            String delay = keyValues(group.get("TargetGroupAttributes")).get("deregistration_delay.timeout_seconds");
            long delayMs = (delay == null ? TG_DEFAULT_DEREGISTRATION_SECONDS : number(delay, id)) * 1000;
            if (delayMs < drain) {
                problems.add(id + " deregistration delay " + delayMs + " ms < drain window " + drain + " ms");
            }
        });
        containers(t).forEach((name, container) -> {
            Object stop = container.get("StopTimeout");
            long stopMs = (stop == null ? FARGATE_DEFAULT_STOP_TIMEOUT_SECONDS : number(stop, name)) * 1000;
            if (stopMs < drain) {
                problems.add(name + " StopTimeout " + stopMs + " ms < drain window " + drain + " ms");
            }
        });
        return problems;
    }

    private static Map<String, Map<String, Object>> targetGroups(Template t, List<String> problems) {
        Map<String, Map<String, Object>> groups = t.propertiesOfType("AWS::ElasticLoadBalancingV2::TargetGroup");
        if (groups.isEmpty()) {
            problems.add("no target group for the fallback");
        }
        return groups;
    }

    /** Task definition / container name → container definition. */
    private static Map<String, Map<String, Object>> containers(Template t) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        t.propertiesOfType("AWS::ECS::TaskDefinition").forEach((id, task) -> {
            for (Object container : list(task.get("ContainerDefinitions"))) {
                out.put(id + "/" + map(container).get("Name"), map(container));
            }
        });
        return out;
    }

    private static Map<String, Map<String, Object>> gatewayEnvironments(Template t) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        containers(t).forEach((name, container) -> out.put(name, nameValues(container.get("Environment"))));
        return out;
    }

    /**
     * The function a plain route's Lambda proxy integration invokes, as the {@code Ref} in its URI, or null. A target
     * may choose between integrations by a condition ({@code $default}: Lambda or SQS by {@code MessageDelivery});
     * the Lambda one is checked here, the others by their own checks.
     */
    private static Map<String, Object> integrationFunction(Template t, Object target) {
        List<String> refs = new ArrayList<>();
        collectRefs(target, refs);
        Map<String, Map<String, Object>> integrations = t.propertiesOfType("AWS::ApiGatewayV2::Integration");
        return refs.stream().filter(integrations::containsKey)
                .filter(id -> "AWS_PROXY".equals(integrations.get(id).get("IntegrationType"))).findFirst()
                .map(id -> firstRef(integrations.get(id).get("IntegrationUri"))).orElse(null);
    }

    /** The first {@code {"Ref": ...}} in a property, e.g. the function in {@code !Sub [uri, {Function: !Ref F}]}. */
    private static Map<String, Object> firstRef(Object node) {
        if (refTarget(node) != null) {
            return map(node);
        }
        List<Object> children = node instanceof Map<?, ?> m ? new ArrayList<>(m.values())
                : node instanceof List<?> l ? new ArrayList<>(l) : List.of();
        for (Object child : children) {
            Map<String, Object> found = firstRef(child);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static void collectRefs(Object node, List<String> refs) {
        String target = refTarget(node);
        if (target != null) {
            refs.add(target);
        } else if (node instanceof Map<?, ?> m) {
            m.values().forEach(v -> collectRefs(v, refs));
        } else if (node instanceof List<?> l) {
            l.forEach(v -> collectRefs(v, refs));
        } else if (node instanceof String s) {
            Matcher sub = Pattern.compile("\\$\\{([A-Za-z0-9]+)}").matcher(s);  // "integrations/${Integration}"
            while (sub.find()) {
                refs.add(sub.group(1));
            }
        }
    }
}
