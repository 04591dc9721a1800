/**
 * The Java API a Skysocket app compiles against: a {@link dev.skysocket.api.SocketApp} registers namespaces,
 * middleware and handlers on the {@link dev.skysocket.api.SocketServer}; handlers get the
 * {@link dev.skysocket.api.Socket} they act for, emit to it or to rooms through
 * {@link dev.skysocket.api.BroadcastOperator}, and answer acks. {@link dev.skysocket.api.Emitter} emits from
 * outside a handler.
 * <p>
 * The same API runs on the API Gateway path (Lambda) and on the fallback gateway. Only the JDK and Jackson's
 * JSON trees appear in its signatures: nothing of AWS, DynamoDB or an HTTP library.
 */
package dev.skysocket.api;
