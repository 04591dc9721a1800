package dev.skysocket.config.ssm;

/** Parameter Store hierarchies: a path starts with {@code /}; names under it are relative to {@code path/}. */
final class ParameterPaths {
    private ParameterPaths() {
    }

    /** The path as a prefix of its parameters' names: {@code /app/prod} and {@code /app/prod/} → {@code /app/prod/}. */
    static String normalized(String path) {
        if (path == null || !path.startsWith("/") || path.length() > 1011 || path.contains("//")) {
            throw new IllegalArgumentException("a parameter path starts with '/' (e.g. /myapp/prod/), got '" + path + "'");
        }
        return path.endsWith("/") ? path : path + "/";
    }

    static String withoutTrailingSlash(String prefix) {
        return prefix.length() > 1 ? prefix.substring(0, prefix.length() - 1) : prefix;
    }
}
