package io.mozaiks.identity.keycloak.claims;

import io.mozaiks.identity.keycloak.contract.Contract;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code aud} of a contract token. The API audience goes only to user tokens and internal service
 * tokens; any other client-credentials token is addressed to its own client alone, so every consumer
 * rejects it. Never empty: plugin-host accepts a token WITHOUT {@code aud}.
 */
public final class AudienceClaim {

    /** Suffix for the one case where the own client id would be an API audience (a misconfigured audience client). */
    static final String NOT_INTERNAL_SUFFIX = "/not-internal";

    private AudienceClaim() {
    }

    /**
     * @param current      the audiences other mappers set (may be {@code null})
     * @param apiAudiences the contract's API audiences, {@code null} when that setting is broken
     * @param clientId     the client the token is issued to
     * @param kind         the token's kind
     */
    public static List<String> compute(String[] current, List<String> apiAudiences, String clientId, TokenKind kind) {
        if (kind == TokenKind.OTHER_SERVICE) {
            // With a broken audience setting, assume the default: never address a token to the API by accident.
            List<String> api = apiAudiences != null ? apiAudiences : List.of(Contract.DEFAULT_AUDIENCE);
            boolean ownIdIsApi = api.contains(clientId);
            return List.of(ownIdIsApi ? clientId + NOT_INTERNAL_SUFFIX : clientId);
        }
        Set<String> aud = new LinkedHashSet<>();
        if (current != null) {
            aud.addAll(List.of(current));
        }
        if (apiAudiences != null) {
            aud.addAll(apiAudiences);
        }
        if (aud.isEmpty()) {
            aud.add(clientId);
        }
        return List.copyOf(aud);
    }
}
