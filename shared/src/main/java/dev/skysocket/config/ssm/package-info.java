/**
 * Reads an app's settings from AWS Systems Manager Parameter Store at start ({@code GetParametersByPath},
 * recursive, SecureString values decrypted), signed by the SDK's SigV4 signer and sent with the small
 * url-connection client, so no SSM client (and none of its transitive weight) joins the Lambda zip.
 */
package dev.skysocket.config.ssm;
