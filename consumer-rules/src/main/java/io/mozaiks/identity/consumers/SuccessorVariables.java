package io.mozaiks.identity.consumers;

import io.mozaiks.identity.contractenv.WellKnown;

import java.util.List;

import static io.mozaiks.identity.contractenv.EnvNames.*;

/**
 * What the runtime of mozaiks-core's successor (the unified {@code mozaiks} repository, {@code mozaiksai/core/auth})
 * reads for authentication: core's names, but its OWN built-in defaults (docs/consumer-findings.md). Its priority is
 * env, then {@code app/brand/public/auth.json}, then these built-ins; the emulation models env and built-ins, so an
 * env that sets every value here (as {@code /contract/env/core} does) means the same whatever auth.json says.
 */
public final class SuccessorVariables {

    /** The built-in authority; discovery defaults to its well-known document. */
    public static final String BUILT_IN_AUTHORITY = "http://localhost:8080/realms/mozaiks";
    /** The built-in admin role: {@code require_role("admin")}, compared exactly. */
    public static final String ADMIN_ROLE = "admin";

    public static final EnvVariable DISCOVERY_URL = EnvVariable.of(MOZAIKS_OIDC_DISCOVERY_URL,
            WellKnown.discoveryUrl(BUILT_IN_AUTHORITY), "discovery, used for whichever of AUTH_ISSUER/AUTH_JWKS_URL is unset");
    public static final EnvVariable TENANT_ID = EnvVariable.of(MOZAIKS_OIDC_TENANT_ID, null,
            "when set, the legacy HOSTED defaults replace the built-ins (never set it for Keycloak)");
    public static final EnvVariable ENABLED = EnvVariable.of(AUTH_ENABLED, null,
            "only true/1/yes/on keep auth on; any other present value turns it OFF");
    public static final EnvVariable ISSUER = EnvVariable.of(AUTH_ISSUER, null, "the issuer; unset = from discovery");
    public static final EnvVariable JWKS = EnvVariable.of(AUTH_JWKS_URL, null, "the keys; unset = from discovery");
    public static final EnvVariable AUDIENCE = EnvVariable.of(AUTH_AUDIENCE, "mozaiks-app", "the one audience");
    public static final EnvVariable REQUIRED_SCOPE = EnvVariable.of(AUTH_REQUIRED_SCOPE, "openid",
            "user endpoints need it in scp (only scp); a token without it is internal");
    public static final EnvVariable ROLES_CLAIM = EnvVariable.of(AUTH_ROLES_CLAIM, "realm_access",
            "one claim name: a JSON object gives its roles, a list is used as is");
    public static final EnvVariable USER_ID_CLAIM = EnvVariable.of(AUTH_USER_ID_CLAIM, "sub", "the user id");
    public static final EnvVariable EMAIL_CLAIM = EnvVariable.of(AUTH_EMAIL_CLAIM, "email", "the email");
    public static final EnvVariable ALGORITHMS = EnvVariable.of(AUTH_ALGORITHMS, "RS256", "comma-separated");
    public static final EnvVariable CLOCK_SKEW = EnvVariable.of(AUTH_CLOCK_SKEW, "120", "leeway in seconds for exp, nbf, iat");

    public static final List<EnvVariable> ALL = List.of(ENABLED, ISSUER, JWKS, AUDIENCE, REQUIRED_SCOPE, ROLES_CLAIM,
            USER_ID_CLAIM, EMAIL_CLAIM, ALGORITHMS, CLOCK_SKEW, DISCOVERY_URL, TENANT_ID);

    private SuccessorVariables() {
    }
}
