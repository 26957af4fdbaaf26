package io.mozaiks.identity.consumers;

import java.util.List;

import static io.mozaiks.identity.contractenv.EnvNames.*;

/**
 * What mozaiks-core's plugin-host reads, with its defaults: {@code packages/python/plugin-host/mozaiks_plugins/config.py}
 * (docs/consumer-findings.md). None of the {@code AUTH_*} names. {@link PluginHostConsumer} reads through these constants.
 */
public final class PluginHostVariables {

    public static final EnvVariable ISSUER = EnvVariable.of(JWT_ISSUER, null, "required");
    public static final EnvVariable AUDIENCE = EnvVariable.of(JWT_AUDIENCE, null, "required; checked only when a token has aud");
    public static final EnvVariable JWKS = EnvVariable.of(JWKS_URL, null, "required; no discovery");
    public static final EnvVariable ALGORITHM = EnvVariable.of(JWT_ALGORITHM, "RS256", "used when JWT_ALGORITHMS is unset");
    public static final EnvVariable ALGORITHMS = EnvVariable.of(JWT_ALGORITHMS, null, "comma-separated; unset = JWT_ALGORITHM");
    public static final EnvVariable SKIP = EnvVariable.of(SKIP_AUTH, null, "true/1/yes/on (any case, blanks) turn auth OFF");
    public static final EnvVariable CACHE_TTL = EnvVariable.of(JWKS_CACHE_TTL_SECONDS, "300",
            "seconds a fetched JWKS is kept; an unknown kid does not refresh it");

    public static final List<EnvVariable> ALL = List.of(ISSUER, AUDIENCE, JWKS, ALGORITHMS, ALGORITHM, SKIP, CACHE_TTL);

    private PluginHostVariables() {
    }
}
