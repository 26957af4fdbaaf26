package io.mozaiks.identity.doctor.env;

import java.net.URI;
import java.util.Map;
import java.util.Set;

/** A consumer's env: the variables its own code reads for authentication, and where its issuer and keys are named. */
public enum Consumer {
    CORE("core", Set.of("AUTH_ENABLED", "AUTH_ISSUER", "AUTH_JWKS_URL", "AUTH_AUDIENCE", "AUTH_REQUIRED_SCOPE", "AUTH_ROLES_CLAIM",
            "AUTH_USER_ID_CLAIM", "AUTH_EMAIL_CLAIM", "AUTH_ALGORITHMS", "AUTH_CLOCK_SKEW", "MOZAIKS_OIDC_DISCOVERY_URL",
            "MOZAIKS_ISSUER", "MOZAIKS_JWKS_URL", "MOZAIKS_AUDIENCE", "MOZAIKS_AUTH_MODE")),
    PLATFORM("platform", Set.of("AUTH_PROVIDER", "AUTH_ISSUER", "AUTH_JWKS_URL", "AUTH_AUDIENCE", "AUTH_REQUIRED_SCOPE",
            "AUTH_ALLOWED_CLIENT_IDS", "AUTH_USER_ID_CLAIM", "AUTH_EMAIL_CLAIM", "AUTH_ROLES_CLAIM", "AUTH_TENANT_CLAIM",
            "AUTH_SUPERADMIN_ROLE")),
    PLUGIN_HOST("plugin-host", Set.of("JWT_ISSUER", "JWT_AUDIENCE", "JWKS_URL", "JWT_ALGORITHMS", "JWT_ALGORITHM", "SKIP_AUTH",
            "JWKS_CACHE_TTL_SECONDS"));

    private static final String DISCOVERY_SUFFIX = "/.well-known/openid-configuration";

    private final String path;
    private final Set<String> reads;

    Consumer(String path, Set<String> reads) {
        this.path = path;
        this.reads = reads;
    }

    /** The last segment of {@code <issuer>/mozaiks/contract/env/<path>}. */
    public String path() {
        return path;
    }

    public Set<String> reads() {
        return reads;
    }

    public static Consumer named(String name) {
        for (Consumer c : values()) {
            if (c.path.equals(name)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown consumer " + name + " (core, platform or plugin-host)");
    }

    /** The issuer the env names, or null. */
    public String issuer(Map<String, String> env) {
        return switch (this) {
            case CORE -> first(env.get("MOZAIKS_ISSUER"), env.get("AUTH_ISSUER"), discoveryIssuer(env.get("MOZAIKS_OIDC_DISCOVERY_URL")));
            case PLATFORM -> blankToNull(env.get("AUTH_ISSUER"));
            case PLUGIN_HOST -> blankToNull(env.get("JWT_ISSUER"));
        };
    }

    /** The URL the consumer fetches keys (or discovery) from: its origin is where the consumer reaches Keycloak. */
    public String keysUrl(Map<String, String> env) {
        return switch (this) {
            case CORE -> first(env.get("MOZAIKS_OIDC_DISCOVERY_URL"), env.get("MOZAIKS_JWKS_URL"), env.get("AUTH_JWKS_URL"));
            case PLATFORM -> blankToNull(env.get("AUTH_JWKS_URL"));
            case PLUGIN_HOST -> blankToNull(env.get("JWKS_URL"));
        };
    }

    static String origin(String url) {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static String discoveryIssuer(String discovery) {
        return discovery != null && discovery.endsWith(DISCOVERY_SUFFIX)
                ? discovery.substring(0, discovery.length() - DISCOVERY_SUFFIX.length()) : null;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
