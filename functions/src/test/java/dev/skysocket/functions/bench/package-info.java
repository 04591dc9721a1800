/**
 * The cold-start benchmark, run by hand through {@code bench/coldstart.sh}, never by the test suite: fresh JVMs
 * under the AWS Lambda runtime interface client, the Quarkus functions beside a plain-Java handler doing the same
 * work, against DynamoDB Local and a loopback Management API.
 *
 * <p>Owns: a Lambda Runtime API emulator on loopback (which also accepts the connect function's async Invoke of the
 * open function), the API Gateway events it hands out, the driver that spawns the JVMs, and the Markdown report.
 * It prints figures and asserts no timing.
 *
 * <p>Must not import: Quarkus types; the functions' classes are loaded only in the child JVMs.
 */
package dev.skysocket.functions.bench;
