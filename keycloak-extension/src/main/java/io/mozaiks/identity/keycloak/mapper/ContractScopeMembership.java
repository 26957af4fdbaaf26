package io.mozaiks.identity.keycloak.mapper;

import io.mozaiks.identity.keycloak.contract.ContractV1;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * The contract mapper that counts is the one in the client scope {@code access_as_user}. A client admin
 * can put a second contract mapper on a client or in a scope of their own; it must not be a second
 * source of contract claims, so it does nothing (conformance names it).
 */
final class ContractScopeMembership {

    private ContractScopeMembership() {
    }

    static boolean counts(RealmModel realm, ProtocolMapperModel mapper) {
        ClientScopeModel scope = KeycloakModelUtils.getClientScopeByName(realm, ContractV1.CONTRACT_SCOPE);
        return scope != null && mapper.getId() != null && scope.getProtocolMapperById(mapper.getId()) != null;
    }
}
