package io.mozaiks.identity.keycloak.it;

import io.mozaiks.identity.testkit.server.AdminApi;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * roles = what Keycloak resolved for THIS client: a third-party client with "full scope allowed" off
 * must not see superadmin. Expanding the user's role mappings by hand would leak it.
 */
class RoleScopeIT {

    @org.junit.jupiter.api.AfterAll
    static void deleteCreated() {
        Fixture.deleteCreated();
    }

    @Test
    void clientWithoutFullScopeSeesOnlyItsScopedRoles() throws Exception {
        AdminApi admin = Fixture.admin();
        String id = Fixture.newContractClient("third-party-app", Map.of());
        admin.put("/clients/" + id, Map.of("clientId", "third-party-app", "fullScopeAllowed", false)).expect(204);
        var userRole = admin.get("/roles/user").expect(200).json();
        admin.post("/clients/" + id + "/scope-mappings/realm", List.of(userRole)).expect(204);
        String secret = admin.get("/clients/" + id + "/client-secret").expect(200).field("value");

        String token = Fixture.accessToken(Fixture.tokens().password("third-party-app", secret,
                "dev-superadmin", "dev-superadmin", null));

        assertThat(Fixture.roles(Fixture.claims(token))).containsExactly("user");
        // The same user through the full-scope shell client is a superadmin: the filter is the client's scope.
        String shellToken = io.mozaiks.identity.testkit.server.CodeFlowLogin.shell()
                .login("dev-superadmin", "dev-superadmin").expect(200).field("access_token");
        assertThat(Fixture.roles(Fixture.claims(shellToken))).contains("superadmin");
    }

    @Test
    void groupRolesAndAliasesAreIncludedButInternalOnesAreNot() throws Exception {
        String token = io.mozaiks.identity.testkit.server.CodeFlowLogin.shell()
                .login("dev-admin", "dev-admin").expect(200).field("access_token");
        List<String> roles = Fixture.roles(Fixture.claims(token));
        assertThat(roles).contains("platform_admin", "Admin", "user")
                .doesNotContain("offline_access", "uma_authorization", "default-roles-mozaiks", "internal_service");
    }

    @Test
    void serviceOnlyRoleIsRemovedFromUserTokens() throws Exception {
        AdminApi admin = Fixture.admin();
        String user = admin.userId("dev-developer");
        var internal = admin.get("/roles/internal_service").expect(200).json();
        admin.post("/users/" + user + "/role-mappings/realm", List.of(internal)).expect(204);
        try {
            String token = io.mozaiks.identity.testkit.server.CodeFlowLogin.shell()
                    .login("dev-developer", "dev-developer").expect(200).field("access_token");
            assertThat(Fixture.roles(Fixture.claims(token))).containsExactly("developer", "user");
        } finally {
            admin.delete("/users/" + user + "/role-mappings/realm", List.of(internal)).expect(204);
        }
    }
}
