/**
 * Checks of the deployment template ({@code template.yaml} at the repository root) that cfn-lint cannot make:
 * that it agrees with the code it deploys — the handler names in
 * {@code examples/chat/lambda/target/function.zip}, the table of {@code DynamoSchema}, the gateway's cookie, drain
 * window and heartbeat — and that its IAM is scoped.
 * Plain unit tests under surefire: they read files and start nothing, except that {@code GatewayImageTest} runs
 * the gateway image's own programs from its extracted layers (in a chroot, where the machine allows one) to
 * prove the image starts. Must not import gateway or functions code.
 */
package dev.skysocket.deploy;
