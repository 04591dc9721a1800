/**
 * Inbound limits: the per-connection rate limit on events (a token bucket, {@link dev.skysocket.limits.TokenBucket},
 * counted in memory on the fallback gateway and in DynamoDB on the API Gateway path) and the per-tenant events per
 * second quota ({@link dev.skysocket.limits.EventQuota}). The settings are one record,
 * {@link dev.skysocket.limits.InboundLimits}. Imports only config and metrics: the stores implement the counters.
 */
package dev.skysocket.limits;
