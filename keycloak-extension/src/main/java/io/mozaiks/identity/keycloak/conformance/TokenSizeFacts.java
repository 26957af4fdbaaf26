package io.mozaiks.identity.keycloak.conformance;

import io.mozaiks.identity.keycloak.tokensize.TokenBudget;

import java.util.List;
import java.util.Optional;

/**
 * The largest access token each contract client can issue, estimated by {@link RealmFacts} from the largest role
 * sets that users and groups of the realm reach (bounded scan), and the realm's budget.
 *
 * @param usersScanned  users (not service accounts) whose role sets were looked at
 * @param groupsScanned groups whose role sets (with their parents' and the default role) were looked at
 * @param capped        the realm has more users or groups than were scanned: a larger token may exist
 */
public record TokenSizeFacts(TokenBudget budget, List<LargestToken> clients, int usersScanned, int groupsScanned,
                             boolean capped) {

    /**
     * @param bytes  the estimated size of the compact token
     * @param roles  entries of its {@code roles} claim
     * @param source whose role set gives it ({@code user alice}, {@code group /staff}, {@code default roles})
     */
    public record LargestToken(String clientId, int bytes, int roles, String source) {
    }

    public Optional<LargestToken> client(String clientId) {
        return clients.stream().filter(c -> c.clientId().equals(clientId)).findFirst();
    }
}
