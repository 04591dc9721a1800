package dev.skysocket.apigw;

/** Who is connecting: the tenant scopes every room and user lookup; the user may be null. */
public record Identity(String tenant, String user) {
    public Identity {
        if (tenant == null || tenant.isBlank()) {
            throw new IllegalArgumentException("a tenant is required");
        }
    }
}
