package dev.skysocket.local.apigw;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** API Gateway's reading of an authorizer's policy: an Allow matching the methodArn, and no matching Deny. */
class AuthorizerVerdictTest {
    private static final String ARN = "arn:aws:execute-api:us-east-1:000000000000:localapi00/dev/$connect";

    @Test
    void anAllowOnTheMethodArnOrAWildcardCoveringItAllows() {
        assertThat(verdict(statement("Allow", "execute-api:Invoke", ARN)))
                .isInstanceOf(AuthorizerVerdict.Allowed.class);
        assertThat(verdict(statement("Allow", "execute-api:*", "arn:aws:execute-api:us-east-1:*:localapi00/*")))
                .isInstanceOf(AuthorizerVerdict.Allowed.class);
    }

    @Test
    void aDenyWinsAndAnAllowOnAnotherResourceDoesNotCount() {
        String both = statement("Allow", "execute-api:Invoke", ARN) + "," + statement("Deny", "*", "*");
        assertThat(verdict(both)).isEqualTo(new AuthorizerVerdict.Refused(403, "denied"));
        assertThat(verdict(statement("Allow", "execute-api:Invoke", ARN.replace("dev", "prod"))))
                .isEqualTo(new AuthorizerVerdict.Refused(403, "not allowed"));
    }

    @Test
    void theContextReachesTheEventsBesideThePrincipalAndANestedValueIsAFailure() {
        var allowed = (AuthorizerVerdict.Allowed) AuthorizerVerdict.of("{\"principalId\":\"alice\",\"policyDocument\":"
                + "{\"Statement\":[" + statement("Allow", "execute-api:Invoke", ARN) + "]},\"context\":{\"tenant\":"
                + "\"acme\",\"admin\":true}}", ARN, 7);
        assertThat(allowed.authorizer().toString())
                .isEqualTo("{\"tenant\":\"acme\",\"admin\":true,\"principalId\":\"alice\",\"integrationLatency\":7}");

        assertThat(AuthorizerVerdict.of("{\"principalId\":\"alice\",\"policyDocument\":{\"Statement\":[]},"
                + "\"context\":{\"roles\":[\"a\"]}}", ARN, 1)).isInstanceOf(AuthorizerVerdict.Refused.class)
                .extracting(v -> ((AuthorizerVerdict.Refused) v).status()).isEqualTo(500);
    }

    private static AuthorizerVerdict verdict(String statements) {
        return AuthorizerVerdict.of("{\"principalId\":\"alice\",\"policyDocument\":{\"Version\":\"2012-10-17\","
                + "\"Statement\":[" + statements + "]}}", ARN, 1);
    }

    private static String statement(String effect, String action, String resource) {
        return "{\"Action\":\"" + action + "\",\"Effect\":\"" + effect + "\",\"Resource\":\"" + resource + "\"}";
    }
}
