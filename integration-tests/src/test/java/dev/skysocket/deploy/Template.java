package dev.skysocket.deploy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed {@code template.yaml}, with the few lookups the checks need: resources by type, functions with the
 * SAM {@code Globals} merged in, parameter defaults and limits, and an ALB-style attribute list as a map.
 * The tree is mutable on purpose: tests break a copy to prove that each check can fail.
 */
final class Template {
    private final Map<String, Object> root;

    private Template(Map<String, Object> root) {
        this.root = root;
    }

    static Template load(Path file) throws IOException {
        return new Template(CfnYaml.load(file));
    }

    Map<String, Object> root() {
        return root;
    }

    Map<String, Object> resources() {
        return map(root.get("Resources"));
    }

    Map<String, Object> resource(String logicalId) {
        Map<String, Object> resource = map(resources().get(logicalId));
        if (resource.isEmpty()) {
            throw new AssertionError("template.yaml has no resource " + logicalId);
        }
        return resource;
    }

    /** Logical id → properties of every resource of this type, in template order. */
    Map<String, Map<String, Object>> propertiesOfType(String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        resources().forEach((id, value) -> {
            Map<String, Object> resource = map(value);
            if (type.equals(resource.get("Type"))) {
                found.put(id, map(resource.get("Properties")));
            }
        });
        return found;
    }

    /** Every {@code AWS::Serverless::Function} with {@code Globals.Function} merged under its own properties. */
    Map<String, Map<String, Object>> functions() {
        Map<String, Object> globals = map(map(root.get("Globals")).get("Function"));
        Map<String, Map<String, Object>> merged = new LinkedHashMap<>();
        propertiesOfType("AWS::Serverless::Function").forEach((id, own) -> merged.put(id, deepMerge(globals, own)));
        return merged;
    }

    static Map<String, Object> environment(Map<String, Object> properties) {
        return map(map(properties.get("Environment")).get("Variables"));
    }

    Map<String, Object> parameter(String name) {
        Map<String, Object> parameter = map(map(root.get("Parameters")).get(name));
        if (parameter.isEmpty()) {
            throw new AssertionError("template.yaml has no parameter " + name);
        }
        return parameter;
    }

    long parameterDefault(String name) {
        return number(parameter(name).get("Default"), name + " Default");
    }

    /** The parameter's MaxValue, if it declares one: no deployment can pass a larger value. */
    Optional<Long> parameterMax(String name) {
        Object max = parameter(name).get("MaxValue");
        return max == null ? Optional.empty() : Optional.of(number(max, name + " MaxValue"));
    }

    /** An ELBv2 {@code [{Key, Value}]} attribute list as a map. */
    static Map<String, String> keyValues(Object list) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Object entry : list(list)) {
            Map<String, Object> pair = map(entry);
            out.put(String.valueOf(pair.get("Key")), String.valueOf(pair.get("Value")));
        }
        return out;
    }

    /** ECS {@code [{Name, Value}]} environment as a map. */
    static Map<String, Object> nameValues(Object list) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Object entry : list(list)) {
            Map<String, Object> pair = map(entry);
            out.put(String.valueOf(pair.get("Name")), pair.get("Value"));
        }
        return out;
    }

    static long number(Object value, String what) {
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            throw new AssertionError(what + " is not a literal number: " + value);
        }
    }

    /** The logical id a {@code {"Ref": "X"}} or {@code {"Ref": "X.Alias"}} names, or null for anything else. */
    static String refTarget(Object value) {
        Object ref = map(value).get("Ref");
        if (!(ref instanceof String name)) {
            return null;
        }
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        if (value instanceof List<?> l) {
            return (List<Object>) l;
        }
        return value == null ? new ArrayList<>() : new ArrayList<>(List.of(value));
    }

    /** SAM's Globals rule: maps merge key by key, anything else in the resource wins. */
    private static Map<String, Object> deepMerge(Map<String, Object> globals, Map<String, Object> own) {
        Map<String, Object> out = new LinkedHashMap<>(globals);
        own.forEach((key, value) -> {
            Object global = out.get(key);
            boolean bothPlainMaps = global instanceof Map<?, ?> && value instanceof Map<?, ?>
                    && !isIntrinsic(map(global)) && !isIntrinsic(map(value));
            out.put(key, bothPlainMaps ? deepMerge(map(global), map(value)) : value);
        });
        return out;
    }

    private static boolean isIntrinsic(Map<String, Object> value) {
        return value.size() == 1 && value.keySet().stream().anyMatch(k -> k.equals("Ref") || k.startsWith("Fn::"));
    }
}
