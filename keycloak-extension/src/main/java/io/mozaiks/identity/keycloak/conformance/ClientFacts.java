package io.mozaiks.identity.keycloak.conformance;

/**
 * What the report and the env documents know of one client of the realm, read once by {@link RealmFacts}.
 *
 * @param scopeAssignment       {@code "default"}, {@code "optional"} or {@code null}: how the client carries the contract scope
 * @param issuesUserTokens      a flow through which people sign in is on (and the client is not bearer-only)
 * @param serviceOnlyRoleHolder its service account holds a service-only role (composites and groups included)
 * @param accessTokenAlgorithm  the attribute {@code access.token.signed.response.alg} (blank or {@code null} = realm default)
 * @param authenticator         the client authenticator ({@code client-secret}, {@code client-jwt}, ...)
 */
public record ClientFacts(String clientId, boolean enabled, String scopeAssignment, boolean issuesUserTokens,
                          boolean serviceAccount, boolean serviceOnlyRoleHolder, boolean consentRequired,
                          boolean fullScopeAllowed, String accessTokenAlgorithm, String authenticator) {

    public static final String DEFAULT = "default";
    public static final String OPTIONAL = "optional";

    /** The contract scope is one of its Default scopes: its tokens are contract tokens. */
    public boolean contractDefault() {
        return DEFAULT.equals(scopeAssignment);
    }
}
