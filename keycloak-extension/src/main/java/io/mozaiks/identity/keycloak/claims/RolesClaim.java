package io.mozaiks.identity.keycloak.claims;

import io.mozaiks.identity.keycloak.contract.ContractV1;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The flat {@code roles} claim: the realm roles Keycloak resolved for this client session, minus
 * Keycloak's internal roles, minus service-only roles on user tokens, plus aliases.
 *
 * <p>Runs for every token: one array, one sort and a binary search per alias (a sorted set cost about
 * three times as much for 50 roles, see docs/benchmarks.md).
 */
public final class RolesClaim {

    private RolesClaim() {
    }

    /**
     * @param resolvedRealmRoles realm roles from the client session (group roles, composites and role scope applied)
     * @param defaultRoleName    the realm's {@code default-roles-<realm>} composite
     * @param serviceToken       true for client-credentials tokens
     * @param serviceOnlyRoles   roles that only service tokens may carry
     * @param aliases            role -> alias added beside it
     * @return sorted, without duplicates
     */
    public static List<String> compute(Collection<String> resolvedRealmRoles, String defaultRoleName, boolean serviceToken,
                                       Set<String> serviceOnlyRoles, Map<String, String> aliases) {
        String[] roles = new String[resolvedRealmRoles.size() + aliases.size()];
        int n = 0;
        for (String role : resolvedRealmRoles) {
            if (ContractV1.KEYCLOAK_INTERNAL_ROLES.contains(role) || role.equals(defaultRoleName)) {
                continue;
            }
            if (!serviceToken && serviceOnlyRoles.contains(role)) {
                continue;
            }
            roles[n++] = role;
        }
        Arrays.sort(roles, 0, n);
        int kept = n;
        for (Map.Entry<String, String> alias : aliases.entrySet()) {
            if (Arrays.binarySearch(roles, 0, kept, alias.getKey()) >= 0) {
                roles[n++] = alias.getValue();
            }
        }
        if (n > kept) {
            Arrays.sort(roles, 0, n);
        }
        return Collections.unmodifiableList(Arrays.asList(withoutDuplicates(roles, n)));
    }

    /** The first {@code n} of a sorted array, each value once. */
    private static String[] withoutDuplicates(String[] sorted, int n) {
        int out = 0;
        for (int i = 0; i < n; i++) {
            if (out == 0 || !sorted[i].equals(sorted[out - 1])) {
                sorted[out++] = sorted[i];
            }
        }
        return Arrays.copyOf(sorted, out);
    }
}
