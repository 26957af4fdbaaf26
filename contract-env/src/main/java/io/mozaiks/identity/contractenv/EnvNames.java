package io.mozaiks.identity.contractenv;

/**
 * The environment variable names the consumers read for authentication, spelled as their own code spells them
 * (docs/consumer-findings.md). Which consumer reads which, with what default, is consumer-rules' profiles' job;
 * which ones an env document sets is {@link EnvDocument}'s.
 */
public final class EnvNames {

    // mozaiks-core runtime (jwt_validator.py), its token client (client_credentials.py) and director (mozaiks_app.main).
    public static final String MOZAIKS_OIDC_DISCOVERY_URL = "MOZAIKS_OIDC_DISCOVERY_URL";
    public static final String MOZAIKS_OIDC_AUTHORITY = "MOZAIKS_OIDC_AUTHORITY";
    public static final String MOZAIKS_OIDC_TENANT_ID = "MOZAIKS_OIDC_TENANT_ID";
    public static final String AUTH_ENABLED = "AUTH_ENABLED";
    public static final String AUTH_ALGORITHMS = "AUTH_ALGORITHMS";
    public static final String AUTH_CLOCK_SKEW = "AUTH_CLOCK_SKEW";
    public static final String MOZAIKS_AUTH_MODE = "MOZAIKS_AUTH_MODE";
    public static final String MOZAIKS_ISSUER = "MOZAIKS_ISSUER";
    public static final String MOZAIKS_JWKS_URL = "MOZAIKS_JWKS_URL";
    public static final String MOZAIKS_AUDIENCE = "MOZAIKS_AUDIENCE";
    public static final String MOZAIKS_PLATFORM_CLIENT_ID = "MOZAIKS_PLATFORM_CLIENT_ID";
    public static final String MOZAIKS_PLATFORM_CLIENT_SECRET = "MOZAIKS_PLATFORM_CLIENT_SECRET";
    public static final String MOZAIKS_PLATFORM_TOKEN_SCOPE = "MOZAIKS_PLATFORM_TOKEN_SCOPE";

    // Read by core AND the platform (Mozaiks.Auth), each with its own defaults.
    public static final String AUTH_ISSUER = "AUTH_ISSUER";
    public static final String AUTH_JWKS_URL = "AUTH_JWKS_URL";
    public static final String AUTH_AUDIENCE = "AUTH_AUDIENCE";
    public static final String AUTH_REQUIRED_SCOPE = "AUTH_REQUIRED_SCOPE";
    public static final String AUTH_ROLES_CLAIM = "AUTH_ROLES_CLAIM";
    public static final String AUTH_USER_ID_CLAIM = "AUTH_USER_ID_CLAIM";
    public static final String AUTH_EMAIL_CLAIM = "AUTH_EMAIL_CLAIM";

    // mozaiks-platform only (MozaiksAuthOptions.FromEnvironment).
    public static final String AUTH_PROVIDER = "AUTH_PROVIDER";
    public static final String AUTH_ALLOWED_CLIENT_IDS = "AUTH_ALLOWED_CLIENT_IDS";
    public static final String AUTH_TENANT_CLAIM = "AUTH_TENANT_CLAIM";
    public static final String AUTH_SUPERADMIN_ROLE = "AUTH_SUPERADMIN_ROLE";

    // mozaiks-core plugin-host (mozaiks_plugins/config.py): none of the AUTH_* names.
    public static final String JWT_ISSUER = "JWT_ISSUER";
    public static final String JWT_AUDIENCE = "JWT_AUDIENCE";
    public static final String JWKS_URL = "JWKS_URL";
    public static final String JWT_ALGORITHMS = "JWT_ALGORITHMS";
    public static final String JWT_ALGORITHM = "JWT_ALGORITHM";
    public static final String JWKS_CACHE_TTL_SECONDS = "JWKS_CACHE_TTL_SECONDS";
    public static final String SKIP_AUTH = "SKIP_AUTH";

    // mozaiks-core browser shell (packages/frontend/shell/src/auth/runtime/authConfig.ts), build time.
    public static final String VITE_AUTH_AUTHORITY = "VITE_AUTH_AUTHORITY";
    public static final String VITE_AUTH_CLIENT_ID = "VITE_AUTH_CLIENT_ID";
    public static final String VITE_AUTH_REDIRECT_URI = "VITE_AUTH_REDIRECT_URI";
    public static final String VITE_AUTH_POST_LOGOUT_REDIRECT_URI = "VITE_AUTH_POST_LOGOUT_REDIRECT_URI";
    public static final String VITE_AUTH_SCOPE = "VITE_AUTH_SCOPE";
    public static final String VITE_AUTH_API_SCOPE = "VITE_AUTH_API_SCOPE";

    private EnvNames() {
    }
}
