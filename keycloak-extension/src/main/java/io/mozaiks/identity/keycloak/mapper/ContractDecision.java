package io.mozaiks.identity.keycloak.mapper;

import io.mozaiks.identity.keycloak.claims.TokenKind;

import io.mozaiks.identity.keycloak.metrics.FailClosedReason;

import java.util.List;
import java.util.Set;

/**
 * What the contract grants one token, read from Keycloak's models by {@link ContractTokenWriter} and written
 * by {@link TokenClaims}. A {@code null} list or value means "omit" (fail closed), never "unfiltered".
 *
 * @param kind              user, internal service or other service token
 * @param subject           the user's id ({@code sub})
 * @param clientId          the client the token is issued to ({@code azp})
 * @param apiAudiences      the API audiences that exist in the realm; {@code null} = none (broken setting)
 * @param requiredScope     the user scope; {@code null} = the setting is broken, {@code scope} stays Keycloak's
 * @param preferredUsername the username
 * @param name              first and last name, or {@code null}
 * @param email             the verified email, or {@code null}
 * @param roles             the flat roles, or {@code null} when the privilege settings are invalid
 * @param tenant            {@code tid}, or {@code null} when the tenant setting is broken
 * @param amr               the contract's amr (empty = none)
 * @param appId             the client's app id, or {@code null}
 * @param omissions         why claims were left out (fail closed), for the meters; empty when none
 */
record ContractDecision(TokenKind kind, String subject, String clientId, List<String> apiAudiences, String requiredScope,
                        String preferredUsername, String name, String email, List<String> roles, String tenant,
                        List<String> amr, String appId, Set<FailClosedReason> omissions) {
}
