package io.mozaiks.identity.keycloak.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.mozaiks.identity.testkit.server.AdminApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The token-size budget of conformance on a realm where one user reaches 300 roles: the estimate covers the real
 * token Keycloak issues, warns above the default 8 KB budget, and fails once the realm's fail budget is lower.
 */
class TokenSizeBudgetIT {

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String PREFIX = "size-budget-" + SUFFIX + "-";
    private static final String ALL = PREFIX + "all";
    private static final String CLIENT = "size-budget-app-" + SUFFIX;
    private static final String USER = "size-budget-user-" + SUFFIX;
    private static final int ROLES = 300;
    private static final String REALM_ADMIN = "size-budget-admin-" + SUFFIX;
    private static String realmAdminToken;
    private static String settingsBefore;

    @BeforeAll
    static void manyRoles() {
        AdminApi admin = Fixture.admin();
        List<Map<String, Object>> roles = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < ROLES; i++) {
            names.add(String.format("%srole-%04d", PREFIX, i));
            roles.add(Map.of("name", names.get(i)));
        }
        roles.add(Map.of("name", ALL, "composite", true, "composites", Map.of("realm", names)));
        admin.post("/partialImport", Map.of("ifResourceExists", "FAIL", "roles", Map.of("realm", roles))).expect(200);
        Fixture.newContractClient(CLIENT, Map.of());
        String user = Fixture.newUser(USER);
        admin.post("/users/" + user + "/role-mappings/realm", List.of(admin.get("/roles/" + ALL).expect(200).json())).expect(204);
        String realmAdmin = Fixture.newUser(REALM_ADMIN);
        Fixture.grantRealmManagement(realmAdmin, "manage-realm", "view-realm");
        realmAdminToken = Fixture.adminCliToken(REALM_ADMIN);
        settingsBefore = ContractEndpointIT.get("/settings", "Authorization", "Bearer " + realmAdminToken).expect(200).json()
                .get("settings").toString();
    }

    @AfterAll
    static void cleanUp() {
        if (settingsBefore != null) {
            PrivilegeSettingsIT.put(realmAdminToken, settingsBefore).expect(200);
        }
        Fixture.deleteCreated();
        AdminApi admin = Fixture.admin();
        admin.delete("/roles/" + ALL);
        for (int i = 0; i < ROLES; i++) {
            admin.delete("/roles/" + String.format("%srole-%04d", PREFIX, i));
        }
    }

    @Test
    void theEstimateCoversTheRealTokenAndWarnsAboveEightKilobytes() {
        String token = Fixture.accessToken(Fixture.tokens().password(CLIENT, Fixture.admin().clientSecret(CLIENT), USER, USER, null));
        assertThat(Fixture.roles(Fixture.claims(token))).hasSizeGreaterThan(ROLES);
        int actual = token.getBytes(StandardCharsets.US_ASCII).length;

        JsonNode report = Fixture.conformanceReport();
        JsonNode largest = null;
        for (JsonNode entry : report.get("token_size").get("largest")) {
            if (CLIENT.equals(entry.get("client_id").asText())) {
                largest = entry;
            }
        }
        assertThat(largest).as("token_size.largest of %s in %s", CLIENT, report.get("token_size")).isNotNull();
        int estimate = largest.get("bytes").asInt();
        assertThat(largest.get("source").asText()).isEqualTo("user " + USER);
        assertThat(estimate).as("estimate %d vs real token %d", estimate, actual).isGreaterThanOrEqualTo(actual)
                .isLessThanOrEqualTo(actual + actual / 5);
        assertThat(actual).isGreaterThan(8192).isLessThan(16384);

        JsonNode check = ConformanceIT.check(report, CLIENT, "token-size");
        assertThat(check.get("status").asText()).isEqualTo("warn");
        assertThat(check.get("reason").asText()).contains(USER, "8192");
        assertThat(ConformanceIT.check(report, null, "token-size-budget").get("status").asText()).isEqualTo("pass");
    }

    @Test
    void aLowerFailBudgetFailsTheClient() {
        String body = settingsBefore.replaceFirst("\"token_size_warn_bytes\":\\d+", "\"token_size_warn_bytes\":4096")
                .replaceFirst("\"token_size_fail_bytes\":\\d+", "\"token_size_fail_bytes\":8192");
        assertThat(body).contains("4096", "8192");
        PrivilegeSettingsIT.put(realmAdminToken, body).expect(200);
        try {
            JsonNode report = Fixture.conformanceReport();
            assertThat(report.get("token_size").get("fail_bytes").asInt()).isEqualTo(8192);
            JsonNode check = ConformanceIT.check(report, CLIENT, "token-size");
            assertThat(check.get("status").asText()).isEqualTo("fail");
            assertThat(report.get("status").asText()).isEqualTo("fail");
        } finally {
            PrivilegeSettingsIT.put(realmAdminToken, settingsBefore).expect(200);
        }
    }
}
