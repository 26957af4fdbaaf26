package io.mozaiks.identity.consumers;

import java.util.List;

import static io.mozaiks.identity.contractenv.EnvNames.*;

/**
 * What mozaiks-core's runtime reads for authentication, with its defaults: {@code mozaiks_ai/runtime/auth/jwt_validator.py}
 * ({@code JWTValidator}) and the director's {@code mozaiks_app.main} (docs/consumer-findings.md). An empty value
 * is absent. {@link PythonCoreConsumer} and {@link CoreOptions} read through these constants.
 */
public final class CoreVariables {

    public static final EnvVariable DISCOVERY_URL = EnvVariable.of(MOZAIKS_OIDC_DISCOVERY_URL, null,
            "discovery, used for whichever of AUTH_ISSUER/AUTH_JWKS_URL is unset (and the token client's only way to"
                    + " its token endpoint); unset, core builds a hosted Entra CIAM URL");
    public static final EnvVariable ENABLED = EnvVariable.of(AUTH_ENABLED, null,
            "only true/1/yes/on keep auth on; any other present value turns it OFF");
    public static final EnvVariable ISSUER = EnvVariable.of(AUTH_ISSUER, null, "the issuer; unset = from discovery");
    public static final EnvVariable JWKS = EnvVariable.of(AUTH_JWKS_URL, null, "the keys; unset = from discovery");
    public static final EnvVariable AUDIENCE = EnvVariable.of(AUTH_AUDIENCE, "api://mozaiks-auth", "the one audience");
    public static final EnvVariable REQUIRED_SCOPE = EnvVariable.of(AUTH_REQUIRED_SCOPE, "access_as_user",
            "user endpoints need it; internal endpoints refuse it");
    public static final EnvVariable ROLES_CLAIM = EnvVariable.of(AUTH_ROLES_CLAIM, "roles",
            "a dot path when it has a dot; empty = Keycloak's realm and client roles");
    public static final EnvVariable USER_ID_CLAIM = EnvVariable.of(AUTH_USER_ID_CLAIM, "sub", "the user id");
    public static final EnvVariable EMAIL_CLAIM = EnvVariable.of(AUTH_EMAIL_CLAIM, "email", "the email");
    public static final EnvVariable ALGORITHMS = EnvVariable.of(AUTH_ALGORITHMS, "RS256", "comma-separated");
    public static final EnvVariable CLOCK_SKEW = EnvVariable.of(AUTH_CLOCK_SKEW, "120", "leeway in seconds for exp, nbf, iat");
    public static final EnvVariable AUTH_MODE = EnvVariable.of(MOZAIKS_AUTH_MODE, "external",
            "the director's mode; external requires the three MOZAIKS_* settings below");
    public static final EnvVariable DIRECTOR_ISSUER = EnvVariable.of(MOZAIKS_ISSUER, null, "required by the director, not used to validate");
    public static final EnvVariable DIRECTOR_JWKS = EnvVariable.of(MOZAIKS_JWKS_URL, null, "required by the director, not used to validate");
    public static final EnvVariable DIRECTOR_AUDIENCE = EnvVariable.of(MOZAIKS_AUDIENCE, null, "required by the director, not used to validate");

    public static final List<EnvVariable> ALL = List.of(ENABLED, ISSUER, JWKS, AUDIENCE, REQUIRED_SCOPE, ROLES_CLAIM,
            USER_ID_CLAIM, EMAIL_CLAIM, ALGORITHMS, CLOCK_SKEW, DISCOVERY_URL, DIRECTOR_ISSUER, DIRECTOR_JWKS,
            DIRECTOR_AUDIENCE, AUTH_MODE);

    private CoreVariables() {
    }
}
