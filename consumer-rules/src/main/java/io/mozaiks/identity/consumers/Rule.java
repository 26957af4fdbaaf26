package io.mozaiks.identity.consumers;

/**
 * Why a consumer refuses a token: the rule that decided, in words, and what an operator changes so that it
 * passes. mozaiks-doctor prints both; the tests name the rule they expect.
 */
public enum Rule {
    NOT_A_JWT("the value is not a signed JWT",
            "send the ACCESS token (three dot-separated parts), not a refresh token, an ID token or an opaque value"),
    ALGORITHM("the signing algorithm is not one the consumer allows",
            "keep the realm's active signing key RS256 (Realm settings > Keys), or add the algorithm to the consumer's allowed list"),
    KID_MISSING("the token header has no kid",
            "tokens of a Keycloak realm always carry kid: this token was not issued by the realm"),
    KID_AMBIGUOUS("no kid, and the JWKS holds several keys",
            "plugin-host then cannot pick a key: use tokens with a kid (every Keycloak token has one)"),
    KEY_NOT_RSA("the JWKS key named by kid is not an RSA key",
            "keep an RS256 key active in the realm (Realm settings > Keys)"),
    UNKNOWN_KID("no key of the issuer's JWKS verifies the signature",
            "the key was rotated or the token comes from another realm or server: fetch a new token; plugin-host re-fetches its JWKS only after its cache TTL (JWKS_CACHE_TTL_SECONDS, default 300 s), whatever kid a token names: after a key rotation restart it or wait that long"),
    JWKS_UNAVAILABLE("the JWKS could not be loaded",
            "check the consumer's JWKS URL and that the consumer reaches it (inside a container network: http://keycloak:8080/...)"),
    EXP_MISSING("the token has no exp", "the token was not issued by Keycloak's token endpoint"),
    EXPIRED("the token has expired (beyond the consumer's clock skew)",
            "fetch a fresh token; if tokens expire at once, the consumer's clock is wrong (sync it with NTP)"),
    NOT_YET_VALID("the token is not valid yet (nbf or iat in the future beyond the consumer's clock skew)",
            "the clocks of Keycloak and the consumer differ: sync both with NTP"),
    ISSUER("iss is not the issuer the consumer expects",
            "the consumer's issuer setting must equal iss exactly; Keycloak's hostname must be the full public URL (hostname / KC_HOSTNAME), the same for every node"),
    AUDIENCE("aud lacks the consumer's audience",
            "a user token: the client has no access_as_user Default client scope (Clients > client > Client scopes); a service token: the client is not an internal service client whose service account holds internal_service"),
    SUBJECT_MISSING("the token has no user id claim",
            "Keycloak adds sub through the basic client scope: give the client basic as a Default client scope (and keep the consumer's user id claim sub)"),
    SCOPE_MISSING("the required scope is missing",
            "add the access_as_user client scope to the client as a DEFAULT scope (an Optional scope must be requested)"),
    USER_TOKEN_ON_INTERNAL("an internal endpoint refuses a delegated user token",
            "call internal endpoints with a client-credentials token of an internal service client"),
    ROLE_MISSING("the internal_service role is missing",
            "give the client's service account the realm role internal_service and list the client in the realm's internal service clients (PUT <issuer>/mozaiks/contract/settings)"),
    CLIENT_NOT_ALLOWED("the client is not in the consumer's allowed client ids",
            "add the client id to AUTH_ALLOWED_CLIENT_IDS (/mozaiks/contract/env/platform lists the right value)"),
    BINDING("the token is bound to another app or chat than the request", "request a token for this app or chat"),
    NOT_EXECUTION_TOKEN("not an execution token", "execution endpoints take core's own execution tokens, never Keycloak tokens");

    private final String words;
    private final String fix;

    Rule(String words, String fix) {
        this.words = words;
        this.fix = fix;
    }

    public String words() {
        return words;
    }

    public String fix() {
        return fix;
    }
}
