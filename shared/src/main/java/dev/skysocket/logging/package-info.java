/**
 * How every Skysocket process writes its log: one record per line, readable text by default or one JSON object
 * per line ({@code skysocket.log-format=json}) with the same field names on Lambda and Fargate. Plain
 * {@code java.util.logging}; imports nothing of the layers above. Numbers in a message's {@code {0}} placeholders
 * print as plain digits ({@code count=5000}), whatever the locale, so {@code key=value} lines stay parseable.
 */
package dev.skysocket.logging;
