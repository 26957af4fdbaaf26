package io.mozaiks.identity.keycloak.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mozaiks.identity.keycloak.mapper.ContractMapper;
import io.mozaiks.identity.consumers.DotnetPlatformConsumer;
import io.mozaiks.identity.consumers.Principal;
import io.mozaiks.identity.consumers.PythonCoreConsumer;
import io.mozaiks.identity.consumers.http.Reply;
import io.mozaiks.identity.testkit.server.AdminApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mozaiks.identity.keycloak.it.Fixture.CONTRACT_SCOPE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client admin ({@code realm-management} manage-clients + view-clients, token from admin-cli) tries every
 * door to make the holders of {@code user} admins: the contract scope's mapper, a second contract mapper on
 * a client, a client scope of their own, partial import, the realm attributes and the settings endpoint.
 * After each attempt every consumer's view of admin and internal is unchanged.
 */
class ClientAdminIT {

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String CLIENT_ADMIN = "client-admin-" + SUFFIX;
    private static final String APP = "client-admin-app-" + SUFFIX;
    private static AdminApi clientAdmin;
    private static String appSecret;

    @BeforeAll
    static void clientAdmin() {
        Fixture.grantRealmManagement(Fixture.newUser(CLIENT_ADMIN), "manage-clients", "view-clients");
        clientAdmin = AdminApi.asUser(Fixture.adminCliToken(CLIENT_ADMIN));
        appSecret = Fixture.ordinaryContractClient(APP, false);
    }

    @AfterAll
    static void deleteCreated() {
        Fixture.deleteCreated();
    }

    /** dev-user holds only {@code user}: after any attempt no consumer may see an admin or an internal service. */
    @AfterEach
    void nobodyBecameAdmin() throws Exception {
        String token = devUserToken();
        assertThat(Fixture.roles(Fixture.claims(token))).containsExactly("user");
        Principal core = Fixture.core().user(token);
        assertThat(PythonCoreConsumer.adminOrInternal(core)).isFalse();
        DotnetPlatformConsumer platform = Fixture.platform();
        Principal net = platform.bearer(token);
        assertThat(platform.isPlatformAdmin(net) || platform.isSuperAdmin(net)).isFalse();
        assertThat(Fixture.pluginHost().authenticate(token).superAdmin()).isFalse();
    }

    /** dev-user (only the role user) through the client admin's application. */
    private static String devUserToken() {
        return Fixture.accessToken(Fixture.tokens().password(APP, appSecret, "dev-user", "dev-user", null));
    }

    private static Map<String, Object> contractMapper(String name, Map<String, String> privilege) {
        Map<String, String> config = new HashMap<>(ContractMapper.create(name, Map.of()).getConfig());
        config.putAll(privilege);
        return Map.of("name", name, "protocol", "openid-connect", "protocolMapper", ContractMapper.PROVIDER_ID,
                "config", config);
    }

    @Test
    void theClientAdminReallyManagesClients() {
        // The attempts below are refused for what they ask, not because the token lacks rights.
        assertThat(clientAdmin.get("/clients/" + clientAdmin.clientUuid(APP)).status()).isEqualTo(200);
    }

    @Test
    void editingTheContractScopesMapperIsRefused() {
        String scope = clientAdmin.clientScopeId(CONTRACT_SCOPE);
        ObjectNode mapper = Fixture.contractMapper();
        ((ObjectNode) mapper.get("config")).put("mozaiks.role.aliases", "user:superadmin");
        Reply reply = clientAdmin.put("/client-scopes/" + scope + "/protocol-mappers/models/" + mapper.get("id").asText(), mapper);
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.body()).contains("no longer a mapper setting");
    }

    @Test
    void aSecondContractMapperOnAClientIsRefusedOrDoesNothing() {
        String app = clientAdmin.clientUuid(APP);
        Reply withKeys = clientAdmin.post("/clients/" + app + "/protocol-mappers/models",
                contractMapper("second", Map.of("mozaiks.role.aliases", "user:Admin")));
        assertThat(withKeys.status()).as(withKeys.body()).isEqualTo(400);

        // Without privilege keys it is accepted, and does nothing (only the contract scope's mapper counts).
        clientAdmin.post("/clients/" + app + "/protocol-mappers/models", contractMapper("second", Map.of())).expect(201);
        JsonNode check = ConformanceIT.check(Fixture.conformanceReport(), null, "single-contract-mapper");
        assertThat(check.get("status").asText()).isEqualTo("fail");
        assertThat(check.get("reason").asText()).contains("client " + APP);
        String token = devUserToken();
        assertThat(Fixture.roles(Fixture.claims(token))).containsExactly("user");
        for (JsonNode mapper : clientAdmin.get("/clients/" + app + "/protocol-mappers/models").expect(200).json()) {
            clientAdmin.delete("/clients/" + app + "/protocol-mappers/models/" + mapper.get("id").asText()).expect(204);
        }
    }

    @Test
    void aClientScopeOfTheirOwnWithAnEmbeddedMapperDoesNothing() {
        // Creating a scope with embedded mappers skips the mapper's validation.
        Reply created = clientAdmin.post("/client-scopes", Map.of("name", "mine-" + SUFFIX, "protocol", "openid-connect",
                "protocolMappers", List.of(contractMapper("mine", Map.of("mozaiks.role.aliases", "user:SuperAdmin",
                        "mozaiks.service.only.roles", "nothing")))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String location = created.header("Location");
        String scope = location.substring(location.lastIndexOf('/') + 1);
        String app = clientAdmin.clientUuid(APP);
        clientAdmin.put("/clients/" + app + "/default-client-scopes/" + scope, Map.of()).expect(204);
        try {
            String token = devUserToken();
            assertThat(Fixture.roles(Fixture.claims(token))).containsExactly("user");
        } finally {
            clientAdmin.delete("/clients/" + app + "/default-client-scopes/" + scope).expect(204);
            clientAdmin.delete("/client-scopes/" + scope).expect(204);
        }
    }

    @Test
    void partialImportOfAClientWithAnEmbeddedMapperDoesNothing() {
        String clientId = "imported-by-client-admin-" + SUFFIX;
        Reply reply = clientAdmin.post("/partialImport", Map.of("ifResourceExists", "FAIL", "clients", List.of(Map.of(
                "clientId", clientId, "publicClient", false, "secret", "s-" + SUFFIX, "standardFlowEnabled", false,
                "directAccessGrantsEnabled", true, "defaultClientScopes", List.of("basic", CONTRACT_SCOPE),
                "protocolMappers", List.of(contractMapper("imported", Map.of("mozaiks.role.aliases", "user:Admin")))))));
        if (reply.status() == 200) {
            Fixture.created(Fixture.admin().clientUuid(clientId));
            String token = Fixture.accessToken(Fixture.tokens().password(clientId, "s-" + SUFFIX, "dev-user", "dev-user", null));
            assertThat(Fixture.roles(Fixture.claims(token))).containsExactly("user");
        } else {
            assertThat(reply.status()).as(reply.body()).isEqualTo(403);
        }
    }

    @Test
    void realmAttributesAndTheSettingsEndpointAreOutOfReach() {
        JsonNode realm = Fixture.admin().get("").expect(200).json();
        ObjectNode changed = realm.deepCopy();
        ((ObjectNode) changed.get("attributes")).put("mozaiks.role.aliases", "user:Admin");
        assertThat(clientAdmin.put("", changed).status()).isEqualTo(403);
        assertThat(Fixture.realmAttribute("mozaiks.role.aliases")).isEqualTo("platform_admin:Admin");

        Reply settings = PrivilegeSettingsIT.put(Fixture.adminCliToken(CLIENT_ADMIN), "{\"role_aliases\":{\"user\":\"Admin\"}}");
        assertThat(settings.status()).isEqualTo(403);
    }

    /**
     * The documented limit: Keycloak's own mappers let a client admin give a client WITHOUT the contract scope
     * the API audience and any claim; the contract mapper never sees those tokens. Conformance must name it.
     */
    @Test
    void theApiAudienceOutsideTheContractIsAConformanceFailure() throws Exception {
        String clientId = "no-contract-" + SUFFIX;
        String secret = "s-" + SUFFIX;
        Reply created = clientAdmin.post("/clients", Map.of("clientId", clientId, "publicClient", false, "secret", secret,
                "standardFlowEnabled", false, "directAccessGrantsEnabled", true,
                "protocolMappers", List.of(
                        Map.of("name", "aud-api", "protocol", "openid-connect", "protocolMapper", "oidc-audience-mapper",
                                "config", Map.of("included.client.audience", Fixture.API, "access.token.claim", "true")),
                        Map.of("name", "roles", "protocol", "openid-connect", "protocolMapper", "oidc-hardcoded-claim-mapper",
                                "config", Map.of("claim.name", "roles", "claim.value", "[\"superadmin\"]",
                                        "jsonType.label", "JSON", "access.token.claim", "true")))));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.header("Location").substring(created.header("Location").lastIndexOf('/') + 1);
        try {
            String token = Fixture.accessToken(Fixture.tokens().password(clientId, secret, "dev-user", "dev-user", null));
            assertThat(Fixture.claims(token).getAudience()).contains(Fixture.API); // what Keycloak itself allows
            JsonNode check = ConformanceIT.check(Fixture.conformanceReport(), null, "api-audience-outside-contract");
            assertThat(check.get("status").asText()).isEqualTo("fail");
            assertThat(check.get("reason").asText()).contains("client " + clientId);
        } finally {
            Fixture.admin().delete("/clients/" + id).expect(204);
        }
    }

    /**
     * Outside review, round 2: the per-token switches of the contract mapper. Switched off, other mappers'
     * claims would stand: the contract applies anyway, and the hostile roles are overwritten.
     */
    @Test
    void switchingTheContractMapperOffChangesNothing() {
        String app = clientAdmin.clientUuid(APP);
        clientAdmin.post("/clients/" + app + "/protocol-mappers/models", Map.of("name", "roles", "protocol", "openid-connect",
                "protocolMapper", "oidc-hardcoded-claim-mapper", "config", Map.of("claim.name", "roles",
                        "claim.value", "[\"superadmin\"]", "jsonType.label", "JSON", "access.token.claim", "true",
                        "introspection.token.claim", "true", "lightweight.claim", "true"))).expect(201);
        String scope = clientAdmin.clientScopeId(CONTRACT_SCOPE);
        ObjectNode original = Fixture.contractMapper();
        ObjectNode off = original.deepCopy();
        ((ObjectNode) off.get("config")).put("access.token.claim", "false").put("lightweight.claim", "false")
                .put("introspection.token.claim", "false").put("id.token.claim", "false");
        clientAdmin.put("/client-scopes/" + scope + "/protocol-mappers/models/" + off.get("id").asText(), off).expect(204);
        try {
            String token = devUserToken();
            assertThat(Fixture.roles(Fixture.claims(token))).containsExactly("user");
            assertThat(Fixture.claims(token).getAudience()).contains(Fixture.API);
        } finally {
            clientAdmin.put("/client-scopes/" + scope + "/protocol-mappers/models/" + original.get("id").asText(), original)
                    .expect(204);
            for (JsonNode mapper : clientAdmin.get("/clients/" + app + "/protocol-mappers/models").expect(200).json()) {
                clientAdmin.delete("/clients/" + app + "/protocol-mappers/models/" + mapper.get("id").asText()).expect(204);
            }
        }
    }

    /** A second contract mapper in the contract scope itself: one counts (the lowest id), the other is named. */
    @Test
    void aSecondContractMapperInTheContractScopeIsNamedAndIgnored() {
        String scope = clientAdmin.clientScopeId(CONTRACT_SCOPE);
        Reply created = clientAdmin.post("/client-scopes/" + scope + "/protocol-mappers/models",
                contractMapper("second in scope", Map.of("mozaiks.tenant", "other-tenant")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.header("Location").substring(created.header("Location").lastIndexOf('/') + 1);
        try {
            JsonNode check = ConformanceIT.check(Fixture.conformanceReport(), null, "single-contract-mapper");
            assertThat(check.get("status").asText()).isEqualTo("fail");
            String counting = Fixture.contractMapperIdThatCounts();
            String tid = Fixture.claims(devUserToken())
                    .getClaim("tid").toString();
            assertThat(tid).isEqualTo(counting.equals(id) ? "other-tenant" : "mozaiks");
            assertThat(check.get("reason").asText()).contains(counting.equals(id) ? "mozaiks contract v1" : "second in scope");
        } finally {
            clientAdmin.delete("/client-scopes/" + scope + "/protocol-mappers/models/" + id).expect(204);
        }
    }
}
