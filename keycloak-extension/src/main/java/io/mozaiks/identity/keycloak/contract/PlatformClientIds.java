package io.mozaiks.identity.keycloak.contract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Client ids as mozaiks-platform reads {@code AUTH_ALLOWED_CLIENT_IDS}: split on commas and compared ignoring
 * case, while Keycloak (PostgreSQL, H2) keeps client ids case-sensitive. So {@code Mozaiks-Core} passes an
 * allow-list entry {@code mozaiks-core}, and an id with a comma becomes two entries. Pure.
 */
public final class PlatformClientIds {

    private PlatformClientIds() {
    }

    /**
     * The ids of {@code realmClientIds} that the platform cannot tell apart from another: each mapped to why.
     * Sorted by id, so reports and env documents are stable.
     */
    public static Map<String, String> unsafe(Collection<String> realmClientIds) {
        Map<String, List<String>> byFolded = new LinkedHashMap<>();
        for (String id : realmClientIds) {
            byFolded.computeIfAbsent(ReadClaimNames.fold(id), k -> new ArrayList<>()).add(id);
        }
        Map<String, String> unsafe = new TreeMap<>();
        for (List<String> group : byFolded.values()) {
            if (group.size() > 1) {
                for (String id : group) {
                    List<String> others = group.stream().filter(other -> !other.equals(id)).sorted().toList();
                    unsafe.put(id, "equals " + String.join(", ", others) + " ignoring case");
                }
            }
        }
        for (String id : realmClientIds) {
            if (id.contains(",")) {
                unsafe.merge(id, "contains a comma", (a, b) -> a + "; " + b);
            }
        }
        return unsafe;
    }
}
