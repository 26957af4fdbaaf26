package io.mozaiks.identity.keycloak.endpoint;

import io.mozaiks.identity.keycloak.contract.ContractSettings;
import io.mozaiks.identity.keycloak.contract.ContractSettingsParser;
import io.mozaiks.identity.keycloak.contract.Contract;
import io.mozaiks.identity.keycloak.mapper.ContractScopeMembership;
import org.keycloak.models.ClientScopeModel;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds a realm's contract: the client scope(s) holding the contract mapper, and its parsed config.
 *
 * <p>Reads client scopes only, never clients, so an anonymous request costs a walk over the realm's
 * client scopes (served from Keycloak's realm cache, which a cluster invalidates on every change). The
 * parsed result is memoized per realm id under a stamp of exactly what it was derived from (scope ids,
 * names, mapper ids and configs): any admin change to the contract scope or its mapper changes the
 * stamp, on every node, without relying on node-local events. Only realm-derived data is cached; the
 * issuer is computed per request by Keycloak's own URL logic.
 */
final class ContractLookup {

    /** The realm's contract as the endpoint publishes it. */
    record CountingMapper(String scopeName, String mapperId, ContractSettings settings, Map<String, String> mapperConfig) {
    }

    private record Entry(String stamp, Optional<CountingMapper> contract) {
    }

    private record Found(ClientScopeModel scope, ProtocolMapperModel mapper) {
    }

    /** Bounded: one entry per realm; cleared rather than grown past this. */
    private static final int MAX_REALMS = 4096;
    private static final Map<String, Entry> CACHE = new ConcurrentHashMap<>();

    private ContractLookup() {
    }

    static Optional<CountingMapper> find(RealmModel realm) {
        List<Found> found = scan(realm);
        String stamp = stamp(found);
        Entry cached = CACHE.get(realm.getId());
        if (cached != null && cached.stamp().equals(stamp)) {
            return cached.contract();
        }
        Optional<CountingMapper> contract = build(found);
        if (CACHE.size() >= MAX_REALMS) {
            CACHE.clear();
        }
        CACHE.put(realm.getId(), new Entry(stamp, contract));
        return contract;
    }

    /**
     * The contract mapper that counts (the one of client scope access_as_user with the lowest id, as the
     * token side decides): a mapper elsewhere does nothing, so the endpoint never publishes its config.
     */
    private static List<Found> scan(RealmModel realm) {
        List<Found> found = new ArrayList<>();
        ClientScopeModel scope = KeycloakModelUtils.getClientScopeByName(realm, Contract.CONTRACT_SCOPE);
        ContractScopeMembership.countingMapper(realm).ifPresent(mapper -> found.add(new Found(scope, mapper)));
        return found;
    }

    private static Optional<CountingMapper> build(List<Found> found) {
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Found first = found.get(0);
        Map<String, String> config = first.mapper().getConfig() == null ? Map.of() : Map.copyOf(first.mapper().getConfig());
        return Optional.of(new CountingMapper(first.scope().getName(), first.mapper().getId(),
                ContractSettingsParser.parse(config), config));
    }

    private static String stamp(List<Found> found) {
        StringBuilder stamp = new StringBuilder();
        for (Found f : found) {
            stamp.append(f.scope().getId()).append('\u0000').append(f.scope().getName()).append('\u0000')
                    .append(f.mapper().getId()).append('\u0000')
                    .append(new TreeMap<>(f.mapper().getConfig() == null ? Map.of() : f.mapper().getConfig()))
                    .append('\u0001');
        }
        return stamp.toString();
    }
}
