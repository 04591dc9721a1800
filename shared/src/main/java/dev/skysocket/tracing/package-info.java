/**
 * How a process traces the AWS calls it makes ({@link dev.skysocket.tracing.CallTracer}): an interface only, so that
 * the core depends on no tracing library; the Lambda functions provide X-Ray's. Imports only the AWS SDK's
 * interceptor type.
 */
package dev.skysocket.tracing;
