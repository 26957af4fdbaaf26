package io.mozaiks.identity.keycloak.it;

import com.nimbusds.jwt.JWTClaimsSet;
import io.mozaiks.identity.keycloak.contract.ContractSettings;
import io.mozaiks.identity.keycloak.contract.PrivilegeSettings;
import io.mozaiks.identity.keycloak.mapper.ContractMapper;
import io.mozaiks.identity.testkit.http.Reply;
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

/**
 * Bad config saved through the admin API is refused with 400 and a readable message; bad config that
 * bypasses validation (embedded mappers, partial import) never breaks a login: the affected claim is
 * omitted and the problem logged once.
 */
class ConfigValidationIT {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "mozaiks.role.aliases|platform_admin=admin|not of the form role:alias",
            "mozaiks.role.aliases|user:internal_service|internal or service-only role",
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
    void embeddedBrokenMapperOmitsClaimsButNeverBreaksTheLogin() throws Exception {
        String clientId = "broken-embedded";
        Map<String, Object> client = brokenClient(clientId);
        Fixture.admin().post("/clients", client).expect(201);

        assertBrokenClaimsOmitted(clientId);
    }

    @Test
    void partialImportWithBrokenMapperOmitsClaimsButNeverBreaksTheLogin() throws Exception {
        String clientId = "broken-imported";
        Fixture.admin().post("/partialImport", Map.of("ifResourceExists", "FAIL",
                "clients", List.of(brokenClient(clientId)))).expect(200);

        assertBrokenClaimsOmitted(clientId);
    }

    private static void assertBrokenClaimsOmitted(String clientId) throws Exception {
        String secret = Fixture.admin().clientSecret(clientId);
        for (int i = 0; i < 2; i++) {
            String token = Fixture.accessToken(Fixture.tokens().password(clientId, secret, "dev-admin", "dev-admin", null));
            JWTClaimsSet claims = Fixture.claims(token);
            assertThat(claims.getClaims()).doesNotContainKeys("roles", "tid");
            assertThat(claims.getAudience()).doesNotContain("ghost-api");
            assertThat(claims.getStringClaim("scp")).contains("access_as_user");
        }
        String log = TestServer.get().logText();
        long warnings = log.lines()
                .filter(line -> line.contains("client=" + clientId) && line.contains(PrivilegeSettings.ROLE_ALIASES))
                .count();
        assertThat(warnings).as("the problem is logged once, not per token").isEqualTo(1);
        assertThat(log).contains("client=" + clientId).contains("ghost-api");
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
                        PrivilegeSettings.ROLE_ALIASES, "platform_admin=admin",
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
