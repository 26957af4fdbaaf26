package io.mozaiks.identity.keycloak.claims;

import io.mozaiks.identity.keycloak.contract.Contract;
import io.mozaiks.identity.keycloak.contract.ReadClaimNames;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What other mappers may NOT leave in a contract token's mapper-written claims, whatever they wrote: the
 * STRIPPED names, every case variant of a read name (contract 1.2), and copies of Keycloak's fixed fields.
 * Exact names the contract owns are overwritten by the writer afterwards; the remaining exact names (profile
 * fields, {@code client_id}) stay Keycloak's own mappers' business. Pure.
 */
public final class ForeignClaims {

    private ForeignClaims() {
    }

    /**
     * Removes those claims from {@code otherClaims} (a token's mapper-written claims, top level only: consumers
     * read top-level names; a dotted mapper path such as {@code Realm_Access.roles} lands under its first segment).
     *
     * @return the names removed, in the map's order
     */
    public static List<String> strip(Map<String, Object> otherClaims) {
        List<String> removed = new ArrayList<>();
        otherClaims.keySet().removeIf(name -> {
            boolean foreign = Contract.STRIPPED_CLAIMS.contains(name) || ReadClaimNames.isCaseVariant(name)
                    || ReadClaimNames.KEYCLOAK_FIELDS.contains(name);
            if (foreign) {
                removed.add(name);
            }
            return foreign;
        });
        return removed;
    }
}
