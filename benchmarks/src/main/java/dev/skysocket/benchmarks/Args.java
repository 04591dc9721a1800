package dev.skysocket.benchmarks;

import java.util.Arrays;

/** {@code --name=value} and {@code --flag} arguments of the benchmark mains. */
public final class Args {
    private final String[] args;

    public Args(String[] args) {
        this.args = args.clone();
    }

    public boolean flag(String name) {
        return Arrays.asList(args).contains(name);
    }

    public String string(String prefix, String fallback) {
        return Arrays.stream(args).filter(a -> a.startsWith(prefix)).findFirst()
                .map(a -> a.substring(prefix.length())).orElse(fallback);
    }

    public int intValue(String prefix, int fallback) {
        String value = string(prefix, null);
        return value == null ? fallback : Integer.parseInt(value.replace("_", ""));
    }
}
