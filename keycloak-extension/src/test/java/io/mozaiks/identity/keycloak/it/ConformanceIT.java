package io.mozaiks.identity.keycloak.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mozaiks.identity.keycloak.contract.EnvFile;
import io.mozaiks.identity.consumers.DotnetPlatformConsumer;
import io.mozaiks.identity.consumers.http.Http;
import io.mozaiks.identity.consumers.http.Reply;
import io.mozaiks.identity.testkit.server.AdminApi;
import io.mozaiks.identity.testkit.server.CodeFlowLogin;
import io.mozaiks.identity.testkit.server.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.mozaiks.identity.keycloak.it.Fixture.API;
import static io.mozaiks.identity.keycloak.it.Fixture.CONTRACT_SCOPE;
import static io.mozaiks.identity.keycloak.it.Fixture.CORE;
import static io.mozaiks.identity.keycloak.it.Fixture.PLATFORM;
import static io.mozaiks.identity.keycloak.it.Fixture.SHELL;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin-only conformance report: all-pass on the dev realm, and the right failure with the right
 * fix for each drift made through the admin API. Every drift is restored in a finally block.
 */
class ConformanceIT {

    private static final String REPORT = "/conformance";
    private static String adminToken;

    @BeforeAll
    static void grantViewClients() {
        AdminApi admin = Fixture.admin();
        admin.post(roleMappingPath(), List.of(viewClientsRole())).expect(204);
        adminToken = CodeFlowLogin.shell().login("dev-superadmin", "dev-superadmin").expect(200).field("access_token");
    }

    @AfterAll
    static void revokeViewClients() {
        Fixture.admin().delete(roleMappingPath(), List.of(viewClientsRole())).expect(204);
    }

    private static String roleMappingPath() {
        AdminApi admin = Fixture.admin();
        return "/users/" + admin.userId("dev-superadmin") + "/role-mappings/clients/" + admin.clientUuid("realm-management");
    }

    private static JsonNode viewClientsRole() {
        AdminApi admin = Fixture.admin();
        return admin.get("/clients/" + admin.clientUuid("realm-management") + "/roles/view-clients").expect(200).json();
    }

    /**
     * Up to 26.7.0 Keycloak's admin permission evaluator reads realm-management roles from the TOKEN
     * (fgap.MgmtPermissions builds a KeycloakIdentity of the access token); 26.7.3 resolves them from the
     * user (26.7.1/26.7.2 are not on Maven Central, so not checked). The dev realm's mozaiks-shell has no
     * {@code roles} client scope, so its token carries no realm-management roles and the report answers 403
     * on those versions although the user holds view-clients.
     */
    private static void assumeAdminRolesResolvedFromTheUser() {
        Fixture.assumeServerAtLeast("26.7.3", "up to 26.7.0 admin permissions are read from the token's"
                + " realm-management roles, and the mozaiks-shell token carries none (no 'roles' client scope)");
    }

    static JsonNode report() {
        assumeAdminRolesResolvedFromTheUser();
        Reply reply = ContractEndpointIT.get(REPORT, "Authorization", "Bearer " + adminToken).expect(200);
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        return reply.json();
    }

    /** The one check with this id, for the realm or for a client. */
    static JsonNode check(JsonNode report, String clientId, String id) {
        JsonNode checks = report.get("realm_checks");
        if (clientId != null) {
            checks = null;
            for (JsonNode client : report.get("clients")) {
                if (clientId.equals(client.get("client_id").asText())) {
                    checks = client.get("checks");
                }
            }
            assertThat(checks).as("client %s in report %s", clientId, report).isNotNull();
        }
        for (JsonNode check : checks) {
            if (id.equals(check.get("id").asText())) {
                return check;
            }
        }
        throw new AssertionError("no check " + id + " in " + report);
    }

    @Test
    void withoutTokenIs401AndWithoutTheRoleIs403() {
        Reply none = ContractEndpointIT.get(REPORT);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(ContractEndpointIT.get(REPORT, "Authorization", "Bearer not-a-token").status()).isEqualTo(401);
        assertThat(ContractEndpointIT.get("/conformance/env/platform").status()).isEqualTo(401);

        String userToken = CodeFlowLogin.shell().login("dev-user", "dev-user").expect(200).field("access_token");
        Reply forbidden = ContractEndpointIT.get(REPORT, "Authorization", "Bearer " + userToken);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body()).doesNotContain("realm_checks");
        assertThat(ContractEndpointIT.get("/conformance/env/platform", "Authorization", "Bearer " + userToken).status())
                .isEqualTo(403);
    }

    @Test
    void devRealmIsAllPass() {
        JsonNode report = report();
        assertThat(report.get("status").asText()).as(report.toString()).isEqualTo("pass");
        for (JsonNode check : report.get("realm_checks")) {
            // Keycloak's built-in clients (account-console, admin-cli, ...) have no audience of their own.
            String expected = check.get("id").asText().equals("plugin-host-audience") ? "warn" : "pass";
            assertThat(check.get("status").asText()).as(check.toString()).isEqualTo(expected);
        }
        assertThat(report.get("privilege_settings").get("valid").asBoolean()).isTrue();
        assertThat(report.get("internal_service_clients")).extracting(JsonNode::asText).containsExactly(CORE, PLATFORM);
        List<String> clients = report.get("clients").findValuesAsText("client_id");
        assertThat(clients).contains(SHELL, CORE, PLATFORM).doesNotContain(API);
        assertThat(report.toString()).doesNotContain("access_token", "dev-user");
    }

    @Test
    void scopeRemovedFromAClient() {
        AdminApi admin = Fixture.admin();
        String client = admin.clientUuid(PLATFORM);
        String scope = admin.clientScopeId(CONTRACT_SCOPE);
        admin.delete("/clients/" + client + "/default-client-scopes/" + scope).expect(204);
        try {
            JsonNode report = report();
            JsonNode check = check(report, PLATFORM, "contract-scope-default");
            assertThat(report.get("status").asText()).isEqualTo("fail");
            assertThat(check.get("status").asText()).isEqualTo("fail");
            assertThat(check.get("reason").asText()).contains("not assigned", "service-only role");
            assertThat(check.get("fix").asText()).isEqualTo("Clients > mozaiks-platform > Client scopes: add access_as_user as Default");
            assertThat(check(report, CORE, "contract-scope-default").get("status").asText()).isEqualTo("pass");
        } finally {
            admin.put("/clients/" + client + "/default-client-scopes/" + scope, Map.of()).expect(204);
        }
        assertThat(report().get("status").asText()).isEqualTo("pass");
    }

    @Test
    void audienceClientGivenALoginFlow() {
        AdminApi admin = Fixture.admin();
        String client = admin.clientUuid(API);
        JsonNode original = admin.get("/clients/" + client).expect(200).json();
        ObjectNode drifted = original.deepCopy();
        drifted.put("standardFlowEnabled", true);
        drifted.putArray("redirectUris").add("http://localhost:9999/*");
        admin.put("/clients/" + client, drifted).expect(204);
        try {
            JsonNode check = check(report(), null, "audience-client");
            assertThat(check.get("status").asText()).isEqualTo("fail");
            assertThat(check.get("reason").asText()).contains("mozaiks-api", "standard flow");
            assertThat(check.get("fix").asText()).contains("In client mozaiks-api switch off: standard flow");
        } finally {
            admin.put("/clients/" + client, original).expect(204);
        }
        assertThat(check(report(), null, "audience-client").get("status").asText()).isEqualTo("pass");
    }

    @Test
    void signingAlgorithmSwitchedToEs256() {
        AdminApi admin = Fixture.admin();
        admin.put("", Map.of("defaultSignatureAlgorithm", "ES256")).expect(204);
        try {
            JsonNode check = check(report(), null, "signing-key-rs256");
            assertThat(check.get("status").asText()).isEqualTo("fail");
            assertThat(check.get("reason").asText()).contains("ES256", "RSA keys only");
            assertThat(check.get("fix").asText()).contains("Default signature algorithm to RS256");
        } finally {
            admin.put("", Map.of("defaultSignatureAlgorithm", "RS256")).expect(204);
        }
        assertThat(check(report(), null, "signing-key-rs256").get("status").asText()).isEqualTo("pass");
    }

    @Test
    void aliasRemoved() throws Throwable {
        Fixture.withRealmAttribute("mozaiks.role.aliases", "developer:Dev", () -> {
            JsonNode check = check(report(), null, "role-alias-platform-admin");
            assertThat(check.get("status").asText()).isEqualTo("fail");
            assertThat(check.get("fix").asText()).contains("/mozaiks/contract/settings", "platform_admin:Admin");
        });
        assertThat(check(report(), null, "role-alias-platform-admin").get("status").asText()).isEqualTo("pass");
    }

    @Test
    void adminEnvAddsTheAllowListAndStillAcceptsRealTokens() throws Exception {
        assumeAdminRolesResolvedFromTheUser();
        Reply reply = ContractEndpointIT.get("/conformance/env/platform", "Authorization", "Bearer " + adminToken).expect(200);
        Map<String, String> env = EnvFile.parse(reply.body());
        assertThat(env.get("AUTH_ALLOWED_CLIENT_IDS").split(",")).contains(SHELL, CORE, PLATFORM).doesNotContain(API);
        assertThat(env.get("AUTH_ISSUER")).isEqualTo(TestServer.issuer());

        DotnetPlatformConsumer platform = DotnetPlatformConsumer.fromEnv(env);
        platform.internalBearer(Fixture.serviceToken(CORE));
        platform.bearer(adminToken);
        ContractEndpointIT.assertNoSecrets(List.of(reply.body(), report().toString()));
    }

    @Test
    void publicEnvHasNoAllowList() {
        assertThat(Http.get(ContractEndpointIT.url("/env/platform")).expect(200).body()).doesNotContain("AUTH_ALLOWED_CLIENT_IDS");
    }
}
