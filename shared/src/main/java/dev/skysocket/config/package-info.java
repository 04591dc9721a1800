/**
 * The one configuration record every path shares ({@link dev.skysocket.config.SkysocketConfig}) and the reader
 * of settings from system properties and environment variables. Imports only the JDK and the codec limits.
 */
package dev.skysocket.config;
