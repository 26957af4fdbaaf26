package io.mozaiks.identity.keycloak.claims;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * {@code scope} and {@code scp} of user tokens. Both consumers split on spaces; the .NET one reads
 * only the FIRST {@code scp} claim, so {@code scp} is one space-separated string, never an array.
 */
public final class ScopeClaim {

    private ScopeClaim() {
    }

    /**
     * The granted scopes with the required user scope guaranteed, so a user token is never empty of
     * scope (an empty one would pass as a service token at the .NET InternalBearer scheme).
     */
    public static String userScope(String grantedScope, String requiredScope) {
        Set<String> scopes = new LinkedHashSet<>();
        if (grantedScope != null) {
            for (String scope : grantedScope.trim().split("\\s+")) {
                if (!scope.isEmpty()) {
                    scopes.add(scope);
                }
            }
        }
        scopes.add(requiredScope);
        return String.join(" ", scopes);
    }
}
