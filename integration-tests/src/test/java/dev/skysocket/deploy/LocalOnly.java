package dev.skysocket.deploy;

import java.util.regex.Pattern;

/**
 * What exists only for local development, by file or class name: DynamoDB Local and what it brings (SQLite,
 * Jetty, ANTLR), the emulator and the local runner. Never in a deployed artifact.
 */
final class LocalOnly {
    static final Pattern NAMES = Pattern.compile("(?i)dynamodblocal|sqlite4java|sqlite-jdbc"
            + "|(^|/)jetty-[^/]*\\.jar|org/eclipse/jetty/|(^|/)antlr[^/]*\\.jar|org/antlr/"
            + "|skysocket-local|dev/skysocket/local/|com/amazonaws/services/dynamodbv2/local/");

    private LocalOnly() {
    }
}
