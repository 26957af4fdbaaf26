package io.mozaiks.identity.doctor.realm;

import java.util.List;
import java.util.Map;

/**
 * What the operator asks for. {@code null} privilege values mean "keep what the realm has, else the contract's
 * default" ({@link RealmPlanner#privileges}).
 *
 * @param clients                contract clients that get the contract scope as Default (people sign in through them)
 * @param serviceAccounts        clients whose service accounts become internal services (they get the scope too)
 * @param appId                  the value of the client attribute {@code app_id} is read from, for every named client; null = leave it
 * @param roleAliases            role -> alias, or null
 * @param serviceOnlyRoles       or null
 * @param internalServiceClients or null (then: the realm's list plus the named service accounts)
 * @param coreAdminAlias         or null
 */
public record DeployRequest(List<String> clients, List<String> serviceAccounts, String appId,
                            Map<String, String> roleAliases, List<String> serviceOnlyRoles,
                            List<String> internalServiceClients, Boolean coreAdminAlias) {

    public DeployRequest {
        clients = clients == null ? List.of() : List.copyOf(clients);
        serviceAccounts = serviceAccounts == null ? List.of() : List.copyOf(serviceAccounts);
    }

    /** Clients and service accounts, each once, in the order given. */
    public List<String> namedClients() {
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>(clients);
        all.addAll(serviceAccounts);
        return List.copyOf(all);
    }
}
