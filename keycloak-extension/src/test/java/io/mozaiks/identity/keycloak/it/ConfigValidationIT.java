package io.mozaiks.identity.keycloak.it;

import com.nimbusds.jwt.JWTClaimsSet;
import io.mozaiks.identity.keycloak.contract.ContractSettings;
import io.mozaiks.identity.keycloak.contract.PrivilegeSettings;
import io.mozaiks.identity.consumers.Rejected;
import io.mozaiks.identity.keycloak.mapper.ContractMapper;
import io.mozaiks.identity.consumers.http.Reply;
import io.mozaiks.identity.testkit.server.AdminApi;
import io.mozaiks.identity.testkit.server.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad config saved through the admin API is refused with 400 and a readable message, and so is any
 * privilege key (contract 1.1: those are realm settings). A contract mapper that bypasses validation
 * (embedded in a client, partial import) is not in the contract scope: it never breaks a login, adds no
 * contract claim and no privilege, and the problem is logged once.
 */
class ConfigValidationIT {

    @org.junit.jupiter.api.AfterAll
    static void deleteCreated() {
        Fixture.deleteCreated();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "mozaiks.role.aliases|platform_admin:Admin|no longer a mapper setting",
            "mozaiks.role.aliases|user:superadmin|no longer a mapper setting",
            "mozaiks.service.only.roles|internal_service|no longer a mapper setting",
            "mozaiks.audience|ghost-api|does not exist",
            "mozaiks.required.scope|access as user|not a single OAuth scope token",
            "mozaiks.tenant|{0} '{tenant}'|printable characters",
            "mozaiks.app.id.client.attribute|app id|not a valid attribute name"})
    void adminApiRefusesBadConfigWithA400(String key, String value, String expectedMessage) {
        AdminApi admin = Fixture.admin();
        String scope = createScope(admin, "validation-" + UUID.randomUUID());
        try {
            Reply reply = admin.post("/client-scopes/" + scope + "/protocol-mappers/models",
                    mapper("contract", Map.of(key, value)));

            assertThat(reply.status()).as(reply.body()).isEqualTo(400);
            assertThat(reply.body()).contains(expectedMessage).contains(key);
        } finally {
            admin.delete("/client-scopes/" + scope).expect(204);
        }
    }

    @Test
    void adminApiAcceptsTheDefaults() {
        AdminApi admin = Fixture.admin();
        String scope = createScope(admin, "validation-ok-" + UUID.randomUUID());
        try {
            admin.post("/client-scopes/" + scope + "/protocol-mappers/models", mapper("contract", Map.of())).expect(201);
        } finally {
            admin.delete("/client-scopes/" + scope).expect(204);
        }
    }

    @Test
    void embeddedContractMapperOnAClientDoesNothing() throws Exception {
        String clientId = "broken-embedded";
        Map<String, Object> client = brokenClient(clientId);
        Fixture.admin().post("/clients", client).expect(201);
        Fixture.created(Fixture.admin().clientUuid(clientId));

        assertBrokenClaimsOmitted(clientId);
    }

    @Test
    void partialImportedContractMapperOnAClientDoesNothing() throws Exception {
        String clientId = "broken-imported";
        Fixture.admin().post("/partialImport", Map.of("ifResourceExists", "FAIL",
                "clients", List.of(brokenClient(clientId)))).expect(200);
        Fixture.created(Fixture.admin().clientUuid(clientId));

        assertBrokenClaimsOmitted(clientId);
    }

    private static void assertBrokenClaimsOmitted(String clientId) throws Exception {
        String secret = Fixture.admin().clientSecret(clientId);
        for (int i = 0; i < 2; i++) {
            String token = Fixture.accessToken(Fixture.tokens().password(clientId, secret, "dev-admin", "dev-admin", null));
            JWTClaimsSet claims = Fixture.claims(token);
            assertThat(claims.getClaims()).doesNotContainKeys("roles", "tid", "scp");
            assertThat(claims.getAudience()).doesNotContain("ghost-api", Fixture.API);
            assertThatThrownBy(() -> Fixture.core().user(token)).isInstanceOf(Rejected.class);
            assertThatThrownBy(() -> Fixture.platform().bearer(token)).isInstanceOf(Rejected.class);
        }
        String log = TestServer.get().logText();
        long warnings = log.lines()
                .filter(line -> line.contains("client=" + clientId) && line.contains("does nothing"))
                .count();
        assertThat(warnings).as("the problem is logged once, not per token").isEqualTo(1);
    }

    private static Map<String, Object> brokenClient(String clientId) {
        return Map.of(
                "clientId", clientId,
                "publicClient", false,
                "secret", "secret-" + UUID.randomUUID(),
                "standardFlowEnabled", false,
                "directAccessGrantsEnabled", true,
                "defaultClientScopes", List.of("basic"),
                "protocolMappers", List.of(mapper("broken contract", Map.of(
                        PrivilegeSettings.ROLE_ALIASES, "user:superadmin",
                        ContractSettings.TENANT, "bad tenant",
                        ContractSettings.AUDIENCE, "ghost-api"))));
    }

    private static Map<String, Object> mapper(String name, Map<String, String> config) {
        Map<String, String> all = new HashMap<>(ContractMapper.create(name, Map.of()).getConfig());
        all.putAll(config);
        return Map.of("name", name, "protocol", "openid-connect", "protocolMapper", ContractMapper.PROVIDER_ID,
                "config", all);
    }

    private static String createScope(AdminApi admin, String name) {
        Reply reply = admin.post("/client-scopes", Map.of("name", name, "protocol", "openid-connect")).expect(201);
        String location = reply.header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
