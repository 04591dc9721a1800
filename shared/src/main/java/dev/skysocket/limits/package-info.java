/**
 * Inbound limits: the per-connection rate limit on events (a token bucket, {@link dev.skysocket.limits.TokenBucket},
 * counted in memory on the fallback gateway and, from a sample, in DynamoDB on the API Gateway path) and the
 * per-tenant events per second quota ({@link dev.skysocket.limits.EventQuota}, counted from a sample on both). The
 * sampling's arithmetic is {@link dev.skysocket.limits.SampledCounting}, its schedule
 * {@link dev.skysocket.limits.SampleSchedule}. The settings are one record, {@link dev.skysocket.limits.InboundLimits}.
 * Imports only config and metrics: the stores implement the counters.
 */
package dev.skysocket.limits;
