package dev.skysocket.local.apigw;

/**
 * The {@code $connect} route's Lambda REQUEST authorizer, called like Lambda: the authorizer event JSON in, the
 * answer JSON out ({@code {"principalId", "policyDocument", "context"}}).
 */
@FunctionalInterface
public interface RequestAuthorizer {

    /**
     * Decides one {@code $connect}, as a Lambda authorizer function would.
     *
     * @param eventJson the REQUEST authorizer event, shaped as AWS sends it ({@code type}, {@code methodArn},
     *                  {@code headers}, {@code queryStringParameters}, {@code requestContext}, ...)
     * @return the authorizer's answer: a principal, an IAM policy allowing or denying {@code execute-api:Invoke}
     *         on the {@code methodArn}, and an optional context of strings, numbers and booleans
     */
    String authorize(String eventJson) throws Exception;
}
