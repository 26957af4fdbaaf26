package io.mozaiks.identity.testkit.consumers;

import java.util.Map;

/** The exact consumer settings contract v1 promises will work unchanged (shared/consumers.md). */
public final class ContractEnv {

    private ContractEnv() {
    }

    public static Map<String, String> core(String issuer) {
        return Map.of(
                "MOZAIKS_OIDC_DISCOVERY_URL", issuer + "/.well-known/openid-configuration",
                "AUTH_AUDIENCE", "mozaiks-api",
                "AUTH_REQUIRED_SCOPE", "access_as_user",
                "AUTH_ROLES_CLAIM", "roles");
    }

    public static Map<String, String> platform(String issuer) {
        return Map.of(
                "AUTH_PROVIDER", "jwt",
                "AUTH_ISSUER", issuer,
                "AUTH_JWKS_URL", issuer + "/protocol/openid-connect/certs",
                "AUTH_AUDIENCE", "mozaiks-api",
                "AUTH_REQUIRED_SCOPE", "access_as_user",
                "AUTH_ROLES_CLAIM", "roles",
                "AUTH_TENANT_CLAIM", "tid");
    }
}
