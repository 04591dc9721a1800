/**
 * The cost model: monthly AWS cost per workload and connection count from measured counts (billed messages,
 * invocations, DynamoDB units) and list prices, printed as Markdown and drawn as PNG charts (XChart). It reads
 * files only; it must not import the product's runtime packages, so it runs from the JMH jar alone.
 */
package dev.skysocket.benchmarks.cost;
