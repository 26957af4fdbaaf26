package io.mozaiks.identity.consumers;

import java.util.Map;

/** The exact consumer settings contract 1.1 promises will work unchanged (docs/consumer-findings.md, docs/configuration.md). */
public final class ContractEnv {

    public static final String AUDIENCE = "mozaiks-api";
    public static final String REQUIRED_SCOPE = "access_as_user";

    private ContractEnv() {
    }

    /** The runtime's variables plus the director's (which refuses to start without them) and AUTH_ENABLED. */
    public static Map<String, String> core(String issuer) {
        return Map.of(
                "MOZAIKS_OIDC_DISCOVERY_URL", discoveryUrl(issuer),
                "AUTH_ENABLED", "true",
                "AUTH_AUDIENCE", AUDIENCE,
                "AUTH_REQUIRED_SCOPE", REQUIRED_SCOPE,
                "AUTH_ROLES_CLAIM", "roles",
                "MOZAIKS_ISSUER", issuer,
                "MOZAIKS_JWKS_URL", jwksUrl(issuer),
                "MOZAIKS_AUDIENCE", AUDIENCE);
    }

    public static Map<String, String> platform(String issuer) {
        return Map.of(
                "AUTH_PROVIDER", "jwt",
                "AUTH_ISSUER", issuer,
                "AUTH_JWKS_URL", jwksUrl(issuer),
                "AUTH_AUDIENCE", AUDIENCE,
                "AUTH_REQUIRED_SCOPE", REQUIRED_SCOPE,
                "AUTH_ROLES_CLAIM", "roles",
                "AUTH_TENANT_CLAIM", "tid");
    }

    /** plugin-host reads none of the AUTH_* names; SKIP_AUTH=false is spelled out so nobody flips it by omission. */
    public static Map<String, String> pluginHost(String issuer) {
        return Map.of(
                "JWT_ISSUER", issuer,
                "JWT_AUDIENCE", AUDIENCE,
                "JWKS_URL", jwksUrl(issuer),
                "JWT_ALGORITHMS", "RS256",
                "SKIP_AUTH", "false");
    }

    public static String discoveryUrl(String issuer) {
        return issuer + "/.well-known/openid-configuration";
    }

    public static String jwksUrl(String issuer) {
        return issuer + "/protocol/openid-connect/certs";
    }
}
