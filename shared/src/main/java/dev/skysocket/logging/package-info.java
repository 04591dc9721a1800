/**
 * How every Skysocket process writes its log: one record per line, readable text by default or one JSON object
 * per line ({@code skysocket.log-format=json}) with the same field names on Lambda and Fargate. Plain
 * {@code java.util.logging}; imports nothing of the layers above.
 */
package dev.skysocket.logging;
