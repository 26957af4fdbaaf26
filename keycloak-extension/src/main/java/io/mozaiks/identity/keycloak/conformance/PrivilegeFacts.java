package io.mozaiks.identity.keycloak.conformance;

import io.mozaiks.identity.keycloak.contract.ContractSettings.Problem;
import io.mozaiks.identity.keycloak.contract.PrivilegeSettings;

import java.util.ArrayList;
import java.util.List;

/**
 * The realm's effective privilege settings and what is wrong with them.
 *
 * @param problems parse problems plus references to roles and clients the realm does not have
 */
public record PrivilegeFacts(PrivilegeSettings settings, List<Problem> problems) {

    public PrivilegeFacts {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    /** Core's own internal roles are always service-only; then the realm's list, in its order. */
    public List<String> serviceOnlyRoleNames() {
        List<String> names = new ArrayList<>(List.of("internal_service", "service"));
        if (settings.serviceOnlyRoles() != null) {
            settings.serviceOnlyRoles().stream().filter(r -> !names.contains(r)).forEach(names::add);
        }
        return names;
    }
}
