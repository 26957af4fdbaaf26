package io.mozaiks.identity.keycloak.claims;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ForeignClaimsTest {

    @Test
    void strippedNamesCaseVariantsAndCopiesOfKeycloakFieldsGo() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("Roles", List.of("SuperAdmin"));
        claims.put("AMR", "mfa");
        claims.put("SCP", "openid");
        claims.put("TID", "other-tenant");
        claims.put("Realm_Access", Map.of("roles", List.of("superadmin")));
        claims.put("billing", Map.of("plan", "gold"));
        claims.put("capability_id", "c1");
        claims.put("aud", "mozaiks-api");
        claims.put("iss", "https://elsewhere");
        claims.put("scope", "openid");
        claims.put("sub", "someone-else");
        claims.put("given_name", "Dev");
        claims.put("client_id", "mozaiks-core");
        claims.put("email_verified", true);
        claims.put("roles", List.of("user"));

        List<String> removed = ForeignClaims.strip(claims);

        assertThat(removed).containsExactly("Roles", "AMR", "SCP", "TID", "Realm_Access", "billing", "capability_id", "aud",
                "iss", "scope", "sub");
        // Exact owned names are the writer's to overwrite; profile and client_id stay Keycloak's mappers'.
        assertThat(claims).containsOnlyKeys("given_name", "client_id", "email_verified", "roles");
    }

    @Test
    void nothingToStripChangesNothing() {
        Map<String, Object> claims = new LinkedHashMap<>(Map.of("given_name", "Dev", "family_name", "User"));
        assertThat(ForeignClaims.strip(claims)).isEmpty();
        assertThat(claims).hasSize(2);
    }
}
