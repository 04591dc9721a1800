package dev.skysocket.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.skysocket.api.auth.Authorization;
import dev.skysocket.api.auth.ConnectRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryIdentityAuthorizerTest {
    private final QueryIdentityAuthorizer authorizer = new QueryIdentityAuthorizer("default");

    private Authorization with(Map<String, String> query) {
        return authorizer.authorize(new ConnectRequest(query, Map.of(), "127.0.0.1"));
    }

    @Test
    void userAndTenantComeFromTheQuery() {
        assertThat(with(Map.of("user", "alice", "tenant", "acme"))).isEqualTo(new Authorization.Allowed("acme", "alice"));
    }

    @Test
    void withoutTenantTheDefaultTenantWithoutUserAnonymous() {
        assertThat(with(Map.of("user", "bob"))).isEqualTo(new Authorization.Allowed("default", "bob"));
        assertThat(with(Map.of("tenant", "acme"))).isEqualTo(new Authorization.Allowed("acme", null));
        assertThat(with(Map.of("user", " ", "tenant", ""))).isEqualTo(new Authorization.Allowed("default", null));
        assertThat(with(Map.of())).isEqualTo(new Authorization.Allowed("default", null));
    }

    @Test
    void anOversizeNameIsDeniedNotStored() {
        String huge = "x".repeat(QueryIdentityAuthorizer.MAX_NAME_CHARS + 1);
        assertThat(with(Map.of("tenant", huge))).isInstanceOf(Authorization.Denied.class);
        assertThat(with(Map.of("user", huge))).isInstanceOf(Authorization.Denied.class);
    }

    @Test
    void itCarriesNoCredential() {
        assertThat(authorizer.credentialParameters()).isEmpty();
    }
}
