package io.mozaiks.identity.contractenv;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fragment of {@code app/brand/public/auth.json} that the chat UI of mozaiks-core's successor (the unified
 * {@code mozaiks} repository, {@code chat-ui/src/adapters/keycloakAuth.js}, keycloak-js) reads: {@code keycloak.*}
 * and {@code roles.*}. Contract tokens carry the realm roles as a flat {@code roles} claim, never
 * {@code realm_access}, so {@code roles.claimPath} is {@code roles}; the admin role is the one the successor's
 * runtime checks, {@code admin}, which the contract grants only as the realm grants it (docs/configuration.md).
 */
public final class SuccessorUiConfig {

    public static final String ROLES_CLAIM_PATH = "roles";
    public static final String ADMIN_ROLE = "admin";

    /**
     * @param authority the issuer (the realm URL)
     * @param scopes    the space-separated scopes to request
     */
    public record Values(String authority, String realm, String clientId, String scopes) {
    }

    private SuccessorUiConfig() {
    }

    /** {@code {"keycloak": {...}, "roles": {...}}}, every value plain apart from the spaces between scopes. */
    public static Map<String, Object> document(Values values) {
        Map<String, Object> keycloak = new LinkedHashMap<>();
        keycloak.put("authority", plain("keycloak.authority", values.authority()));
        keycloak.put("realm", plain("keycloak.realm", values.realm()));
        keycloak.put("clientId", plain("keycloak.clientId", values.clientId()));
        for (String scope : values.scopes().split(" ", -1)) {
            plain("keycloak.scopes", scope);
        }
        keycloak.put("scopes", values.scopes());
        Map<String, Object> roles = new LinkedHashMap<>();
        roles.put("claimPath", ROLES_CLAIM_PATH);
        roles.put("admin", ADMIN_ROLE);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("keycloak", Collections.unmodifiableMap(keycloak));
        out.put("roles", Collections.unmodifiableMap(roles));
        return Collections.unmodifiableMap(out);
    }

    private static String plain(String key, String value) {
        if (!DotEnv.isPlainValue(value)) {
            throw new IllegalStateException(key + " would hold characters outside the plain set; refused");
        }
        return value;
    }
}
