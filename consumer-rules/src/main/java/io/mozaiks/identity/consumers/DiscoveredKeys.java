package io.mozaiks.identity.consumers;

import java.util.Set;

/**
 * Issuer and keys the way mozaiks-core's runtime (and its successor, which kept the code) finds them: from
 * AUTH_ISSUER + AUTH_JWKS_URL when BOTH are set, else from discovery, fetched on first use (never at construction,
 * so a consumer can be built before Keycloak answers). An unreachable discovery answers JWKS_UNAVAILABLE.
 */
final class DiscoveredKeys {

    record Keys(String issuer, SignatureCheck signature) {
    }

    private final String configuredIssuer;
    private final String configuredJwks;
    private final String discoveryUrl;
    private final Set<String> algorithms;
    private volatile Keys keys;

    /** @throws IllegalArgumentException when neither both overrides nor a discovery URL are given */
    DiscoveredKeys(String configuredIssuer, String configuredJwks, String discoveryUrl, Set<String> algorithms) {
        if ((configuredIssuer == null || configuredJwks == null) && discoveryUrl == null) {
            throw new IllegalArgumentException("MOZAIKS_OIDC_DISCOVERY_URL is empty: core would build an Entra CIAM URL");
        }
        this.configuredIssuer = configuredIssuer;
        this.configuredJwks = configuredJwks;
        this.discoveryUrl = discoveryUrl;
        this.algorithms = algorithms;
    }

    Keys get() throws Rejected {
        Keys known = keys;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (keys == null) {
                String iss = configuredIssuer;
                String jwks = configuredJwks;
                if (iss == null || jwks == null) {
                    String[] found;
                    try {
                        found = ConsumerEnv.discover(discoveryUrl);
                    } catch (RuntimeException | AssertionError unreachable) {
                        throw new Rejected(401, Rule.JWKS_UNAVAILABLE, "discovery not loadable from " + discoveryUrl
                                + ": " + unreachable.getMessage());
                    }
                    iss = iss != null ? iss : found[0];
                    jwks = jwks != null ? jwks : found[1];
                }
                keys = new Keys(iss, new SignatureCheck(ConsumerEnv.url(jwks), algorithms));
            }
            return keys;
        }
    }
}
