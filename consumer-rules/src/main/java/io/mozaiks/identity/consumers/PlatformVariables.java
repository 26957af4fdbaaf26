package io.mozaiks.identity.consumers;

import java.util.List;

import static io.mozaiks.identity.contractenv.EnvNames.*;

/**
 * What mozaiks-platform's {@code Mozaiks.Auth} reads, with its defaults: {@code MozaiksAuthOptions.FromEnvironment}
 * (mozaiks-core {@code backend/BuildingBlocks/Mozaiks.Auth/MozaiksAuthOptions.cs}; docs/consumer-findings.md). A
 * blank value is absent, any other is trimmed. {@link DotnetPlatformConsumer} and {@link PlatformOptions} read
 * through these constants.
 */
public final class PlatformVariables {

    public static final EnvVariable PROVIDER = EnvVariable.of(AUTH_PROVIDER, "ciam", "must be jwt for Keycloak");
    public static final EnvVariable ISSUER = EnvVariable.of(AUTH_ISSUER, null, "required");
    public static final EnvVariable JWKS = EnvVariable.of(AUTH_JWKS_URL, null, "required; no discovery");
    public static final EnvVariable AUDIENCE = EnvVariable.of(AUTH_AUDIENCE, null, "required, ONE audience");
    public static final EnvVariable REQUIRED_SCOPE = EnvVariable.of(AUTH_REQUIRED_SCOPE, null,
            "required; Bearer needs it, InternalBearer refuses any scope");
    public static final EnvVariable ALLOWED_CLIENT_IDS = EnvVariable.of(AUTH_ALLOWED_CLIENT_IDS, null,
            "comma-separated, compared ignoring case; unset = every client");
    public static final EnvVariable USER_ID_CLAIM = EnvVariable.of(AUTH_USER_ID_CLAIM, "sub", "the user id");
    public static final EnvVariable EMAIL_CLAIM = EnvVariable.of(AUTH_EMAIL_CLAIM, "email", "comma-separated candidates");
    public static final EnvVariable ROLES_CLAIM = EnvVariable.of(AUTH_ROLES_CLAIM, "roles", "the roles");
    public static final EnvVariable TENANT_CLAIM = EnvVariable.of(AUTH_TENANT_CLAIM, "tid", "the tenant");
    public static final EnvVariable SUPERADMIN_ROLE = EnvVariable.of(AUTH_SUPERADMIN_ROLE, "SuperAdmin",
            "compared ignoring case");

    public static final List<EnvVariable> ALL = List.of(PROVIDER, ISSUER, JWKS, AUDIENCE, REQUIRED_SCOPE,
            ALLOWED_CLIENT_IDS, USER_ID_CLAIM, EMAIL_CLAIM, ROLES_CLAIM, TENANT_CLAIM, SUPERADMIN_ROLE);

    private PlatformVariables() {
    }
}
