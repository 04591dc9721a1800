/**
 * Benchmarks: JMH micro-benchmarks of the wire codecs, and the small helpers the benchmark mains share (arguments,
 * the counts file). The frame-counting main lives in this package's test sources, because it needs the whole local
 * stack, which the JMH jar leaves out. Must not be imported by product code.
 */
package dev.skysocket.benchmarks;
