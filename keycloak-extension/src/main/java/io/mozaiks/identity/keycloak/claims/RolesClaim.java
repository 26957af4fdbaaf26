package io.mozaiks.identity.keycloak.claims;

import io.mozaiks.identity.keycloak.contract.Contract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The flat {@code roles} claim: the realm roles Keycloak resolved for this client session, minus
 * Keycloak's internal roles, minus service-only roles on user tokens, plus aliases.
 */
public final class RolesClaim {

    private RolesClaim() {
    }

    /**
     * @param resolvedRealmRoles realm roles from the client session (group roles, composites and role scope applied)
     * @param defaultRoleName    the realm's {@code default-roles-<realm>} composite
     * @param keepServiceOnly    true only for internal service tokens
     * @param serviceOnly        roles that only internal service tokens may carry
     * @param aliases            role -> alias added beside it
     * @return sorted, without duplicates
     */
    public static List<String> compute(Collection<String> resolvedRealmRoles, String defaultRoleName, boolean keepServiceOnly,
                                       Predicate<String> serviceOnly, Map<String, String> aliases) {
        // A sorted array, not a TreeSet: this runs per token over every role of the user (docs/benchmarks.md).
        List<String> roles = new ArrayList<>(resolvedRealmRoles.size() + aliases.size());
        for (String role : resolvedRealmRoles) {
            if (Contract.KEYCLOAK_INTERNAL_ROLES.contains(role) || role.equals(defaultRoleName)) {
                continue;
            }
            if (!keepServiceOnly && serviceOnly.test(role)) {
                continue;
            }
            roles.add(role);
            if (!aliases.isEmpty()) {
                String alias = aliases.get(role);
                if (alias != null) {
                    roles.add(alias);
                }
            }
        }
        roles.sort(null);
        int kept = 0;
        for (int i = 0; i < roles.size(); i++) {
            if (kept == 0 || !roles.get(i).equals(roles.get(kept - 1))) {
                roles.set(kept++, roles.get(i));
            }
        }
        return List.copyOf(roles.subList(0, kept));
    }
}
