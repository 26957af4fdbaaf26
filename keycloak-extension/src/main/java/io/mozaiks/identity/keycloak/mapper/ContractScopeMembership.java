package io.mozaiks.identity.keycloak.mapper;

import io.mozaiks.identity.keycloak.contract.Contract;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.util.Comparator;
import java.util.Optional;

/**
 * The contract mapper that counts is the one in the client scope {@code access_as_user}. A client admin
 * can put a second contract mapper on a client or in a scope of their own; it must not be a second
 * source of contract claims, so it does nothing (conformance names it).
 */
public final class ContractScopeMembership {

    private ContractScopeMembership() {
    }

    /** Several contract mappers in the scope would run in no defined order: the one with the lowest id counts. */
    public static boolean counts(RealmModel realm, ProtocolMapperModel mapper) {
        return mapper.getId() != null && countingMapper(realm).map(m -> m.getId().equals(mapper.getId())).orElse(false);
    }

    public static Optional<ProtocolMapperModel> countingMapper(RealmModel realm) {
        ClientScopeModel scope = KeycloakModelUtils.getClientScopeByName(realm, Contract.CONTRACT_SCOPE);
        if (scope == null) {
            return Optional.empty();
        }
        return scope.getProtocolMappersStream().filter(m -> ContractMapper.PROVIDER_ID.equals(m.getProtocolMapper()))
                .min(Comparator.comparing(ProtocolMapperModel::getId));
    }
}
