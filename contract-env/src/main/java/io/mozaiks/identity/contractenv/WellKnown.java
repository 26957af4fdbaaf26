package io.mozaiks.identity.contractenv;

/** Where an OpenID provider (a Keycloak realm) publishes its discovery document and its keys, relative to the issuer. */
public final class WellKnown {

    /** OpenID Connect Discovery 1.0, section 4. */
    public static final String DISCOVERY_SUFFIX = "/.well-known/openid-configuration";
    /** Keycloak's JWKS endpoint of a realm (the {@code jwks_uri} its discovery document names). */
    public static final String JWKS_SUFFIX = "/protocol/openid-connect/certs";

    private WellKnown() {
    }

    public static String discoveryUrl(String issuer) {
        return issuer + DISCOVERY_SUFFIX;
    }

    public static String jwksUrl(String issuer) {
        return issuer + JWKS_SUFFIX;
    }

    /** The issuer a discovery URL belongs to, or null when the URL does not end with the discovery suffix. */
    public static String issuerOfDiscoveryUrl(String discoveryUrl) {
        return discoveryUrl != null && discoveryUrl.endsWith(DISCOVERY_SUFFIX)
                ? discoveryUrl.substring(0, discoveryUrl.length() - DISCOVERY_SUFFIX.length()) : null;
    }
}
