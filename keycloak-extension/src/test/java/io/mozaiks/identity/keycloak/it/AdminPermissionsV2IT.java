package io.mozaiks.identity.keycloak.it;

import io.mozaiks.identity.consumers.http.Reply;
import io.mozaiks.identity.testkit.server.AdminApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract's admin endpoints in a realm with fine-grained admin permissions v2 switched on
 * ({@code adminPermissionsEnabled}; the feature admin-fine-grained-authz:v2 is on by default in Keycloak 26.2+).
 * AdminAccess reaches Keycloak's permission evaluator by reflection; with v2 it must keep the same rules:
 * a realm admin reads and changes the privilege settings and reads the report, a manage-clients-only admin
 * reads the report (Keycloak counts managing clients as viewing them) but not the settings, a user without
 * admin roles gets 403, no token 401.
 */
class AdminPermissionsV2IT {

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String REALM_ADMIN = "fgap-realm-admin-" + SUFFIX;
    private static final String CLIENT_ADMIN = "fgap-client-admin-" + SUFFIX;
    private static final String NOBODY = "fgap-user-" + SUFFIX;
    private static boolean enabledBefore;

    @BeforeAll
    static void adminPermissionsV2() {
        Fixture.assumeServerAtLeast("26.2.0", "admin permissions v2 (adminPermissionsEnabled) arrived in 26.2");
        AdminApi admin = Fixture.admin();
        enabledBefore = admin.get("").expect(200).json().path("adminPermissionsEnabled").asBoolean(false);
        admin.put("", Map.of("adminPermissionsEnabled", true)).expect(204);
        assertThat(admin.get("").expect(200).json().path("adminPermissionsEnabled").asBoolean()).isTrue();
        Fixture.grantRealmManagement(Fixture.newUser(REALM_ADMIN), "realm-admin");
        Fixture.grantRealmManagement(Fixture.newUser(CLIENT_ADMIN), "manage-clients");
        Fixture.newUser(NOBODY);
    }

    @AfterAll
    static void restore() {
        AdminApi admin = Fixture.admin();
        try {
            Fixture.deleteCreated();
        } finally {
            admin.put("", Map.of("adminPermissionsEnabled", enabledBefore)).expect(204);
        }
    }

    private static Reply get(String path, String token) {
        return ContractEndpointIT.get(path, "Authorization", "Bearer " + token);
    }

    @Test
    void aRealmAdminReadsAndChangesTheSettingsAndReadsTheReport() {
        String token = Fixture.adminCliToken(REALM_ADMIN);
        String settings = get("/settings", token).expect(200).json().get("settings").toString();
        Reply put = PrivilegeSettingsIT.put(token, settings);
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(get("/conformance", token).expect(200).json().get("realm_checks").size()).isPositive();
    }

    @Test
    void aManageClientsOnlyAdminReadsTheReportButNeitherReadsNorChangesTheSettings() {
        String token = Fixture.adminCliToken(CLIENT_ADMIN);
        String settings = get("/settings", Fixture.adminCliToken(REALM_ADMIN)).expect(200).json().get("settings").toString();
        assertThat(get("/settings", token).status()).isEqualTo(403);
        Reply put = PrivilegeSettingsIT.put(token, settings);
        assertThat(put.status()).as(put.body()).isEqualTo(403);
        assertThat(get("/conformance", token).status()).isEqualTo(200);
    }

    @Test
    void aUserWithoutAdminRolesIs403AndNoTokenIs401() {
        String token = Fixture.adminCliToken(NOBODY);
        assertThat(get("/conformance", token).status()).isEqualTo(403);
        assertThat(get("/settings", token).status()).isEqualTo(403);
        assertThat(PrivilegeSettingsIT.put(token, "{}").status()).isEqualTo(403);
        assertThat(ContractEndpointIT.get("/conformance").status()).isEqualTo(401);
        assertThat(ContractEndpointIT.get("/settings").status()).isEqualTo(401);
        assertThat(PrivilegeSettingsIT.put("not-a-token", "{}").status()).isEqualTo(401);
    }
}
