package io.mozaiks.identity.keycloak.claims;

/**
 * What a token is for the consumers, decided by the grant and the client, never by the subject alone:
 * a token exchange whose subject is another client's service account is a delegated (user) token.
 */
public enum TokenKind {
    /** A person's token, or any delegated one: carries the user scope, never service-only roles. */
    USER,
    /** Client credentials of a client whose service account holds a service-only role (and that the realm allows). */
    INTERNAL_SERVICE,
    /** Client credentials of any other client: rejected by every consumer (no API audience). */
    OTHER_SERVICE;

    public static final String TOKEN_EXCHANGE_GRANT = "urn:ietf:params:oauth:grant-type:token-exchange";
    /** Grants that keep a client-credentials token what it is; {@code null} = introspection (no grant). */
    private static final java.util.Set<String> SERVICE_GRANTS = java.util.Set.of("client_credentials", "refresh_token");

    /**
     * @param serviceAccountOf       the client (internal id) whose service account the subject is, or {@code null}
     * @param clientInternalId       the client the token is issued to
     * @param grantType              the token request's grant, {@code null} when unknown (introspection); only
     *                               client credentials (and its refresh) keep a service token a service token
     * @param internalServiceAllowed the service account holds a service-only role and the realm allows this client
     */
    public static TokenKind of(String serviceAccountOf, String clientInternalId, String grantType,
                               boolean internalServiceAllowed) {
        boolean ownServiceAccount = serviceAccountOf != null && serviceAccountOf.equals(clientInternalId);
        if (!ownServiceAccount || (grantType != null && !SERVICE_GRANTS.contains(grantType))) {
            return USER;
        }
        return internalServiceAllowed ? INTERNAL_SERVICE : OTHER_SERVICE;
    }

    public boolean service() {
        return this != USER;
    }
}
