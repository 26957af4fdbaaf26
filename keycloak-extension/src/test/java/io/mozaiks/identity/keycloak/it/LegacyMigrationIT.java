package io.mozaiks.identity.keycloak.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.mozaiks.identity.keycloak.mapper.ContractMapper;
import io.mozaiks.identity.consumers.http.Http;
import io.mozaiks.identity.consumers.http.Reply;
import io.mozaiks.identity.testkit.server.AdminApi;
import io.mozaiks.identity.testkit.server.TestServer;
import io.mozaiks.identity.testkit.server.TokenClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upgrade path from contract 1.0: a realm imported with the privilege keys in the contract mapper and
 * no realm attributes (import skips the mapper's validation) fails closed - no roles claim, no API
 * audience on service tokens - and conformance names the migration; one PUT of the settings by a realm
 * admin restores the tokens and removes the keys from the mapper.
 */
class LegacyMigrationIT {

    private static final String REALM = "legacy-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String APP = "legacy-app";
    private static final String SERVICE = "legacy-service";
    private static final String SECRET = "secret-" + UUID.randomUUID();

    @BeforeAll
    static void importA10Realm() {
        Map<String, String> config = new HashMap<>(ContractMapper.create("contract", Map.of()).getConfig());
        config.put("mozaiks.role.aliases", "platform_admin:admin");
        config.put("mozaiks.service.only.roles", "internal_service");
        Map<String, Object> realm = new HashMap<>();
        realm.put("realm", REALM);
        realm.put("enabled", true);
        realm.put("roles", Map.of("realm", List.of(Map.of("name", "platform_admin"), Map.of("name", "internal_service"))));
        realm.put("clientScopes", List.of(Map.of("name", "access_as_user", "protocol", "openid-connect",
                "attributes", Map.of("include.in.token.scope", "true"),
                "protocolMappers", List.of(Map.of("name", "mozaiks contract v1", "protocol", "openid-connect",
                        "protocolMapper", ContractMapper.PROVIDER_ID, "config", config)))));
        realm.put("clients", List.of(
                Map.of("clientId", "mozaiks-api", "publicClient", false, "standardFlowEnabled", false),
                Map.of("clientId", APP, "publicClient", false, "secret", SECRET, "standardFlowEnabled", false,
                        "directAccessGrantsEnabled", true, "defaultClientScopes", List.of("access_as_user")),
                Map.of("clientId", SERVICE, "publicClient", false, "secret", SECRET, "standardFlowEnabled", false,
                        "serviceAccountsEnabled", true, "defaultClientScopes", List.of("access_as_user"))));
        realm.put("users", List.of(
                user("legacy-admin", List.of("platform_admin"), Map.of("realm-management", List.of("manage-realm", "view-realm", "view-clients"))),
                Map.of("username", "service-account-" + SERVICE, "enabled", true, "serviceAccountClientId", SERVICE,
                        "realmRoles", List.of("internal_service"))));
        new AdminApi(TestServer.baseUrl(), REALM).createRealm(realm).expect(201);
    }

    private static Map<String, Object> user(String name, List<String> realmRoles, Map<String, List<String>> clientRoles) {
        return Map.of("username", name, "enabled", true, "email", name + "@legacy.test", "emailVerified", true,
                "firstName", "Legacy", "lastName", "Admin", "realmRoles", realmRoles, "clientRoles", clientRoles,
                "credentials", List.of(Map.of("type", "password", "value", name, "temporary", false)));
    }

    @AfterAll
    static void deleteRealm() {
        Http.send(HttpRequest.newBuilder(URI.create(TestServer.baseUrl() + "/admin/realms/" + REALM))
                .header("Authorization", "Bearer " + masterAdminToken()).DELETE().build());
    }

    private static String masterAdminToken() {
        return Http.postForm(TestServer.baseUrl() + "/realms/master/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", "admin", "password", "admin"))
                .expect(200).field("access_token");
    }

    private static TokenClient tokens() {
        return new TokenClient(TestServer.baseUrl(), REALM);
    }

    private static String contractUrl(String path) {
        return TestServer.get().issuer(REALM) + "/mozaiks/contract" + path;
    }

    @Test
    void failsClosedUntilARealmAdminMigrates() throws Exception {
        String userToken = Fixture.accessToken(tokens().password(APP, SECRET, "legacy-admin", "legacy-admin", null));
        assertThat(Fixture.claims(userToken).getClaims()).doesNotContainKeys("roles", "realm_access");
        String serviceToken = Fixture.accessToken(tokens().clientCredentials(SERVICE, SECRET));
        assertThat(Fixture.claims(serviceToken).getAudience()).containsExactly(SERVICE);

        String admin = Fixture.accessToken(tokens().password("admin-cli", null, "legacy-admin", "legacy-admin", null));
        JsonNode report = Http.get(contractUrl("/conformance"), "Authorization", "Bearer " + admin).expect(200).json();
        JsonNode check = ConformanceIT.check(report, null, "privilege-settings");
        assertThat(check.get("status").asText()).isEqualTo("fail");
        assertThat(check.get("reason").asText()).contains("mozaiks.role.aliases", "migrate");
        assertThat(check.get("fix").asText()).contains("PUT", "/mozaiks/contract/settings");

        Reply migrated = Http.send(HttpRequest.newBuilder(URI.create(contractUrl("/settings")))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"role_aliases\":{\"platform_admin\":\"Admin\"},"
                        + "\"service_only_roles\":[\"internal_service\"]}")).build());
        assertThat(migrated.status()).as(migrated.body()).isEqualTo(200);

        String after = Fixture.accessToken(tokens().password(APP, SECRET, "legacy-admin", "legacy-admin", null));
        assertThat(Fixture.roles(Fixture.claims(after))).containsExactly("Admin", "platform_admin");
        assertThat(Fixture.claims(Fixture.accessToken(tokens().clientCredentials(SERVICE, SECRET))).getAudience())
                .contains("mozaiks-api");
        JsonNode settings = Http.get(contractUrl("/settings"), "Authorization", "Bearer " + admin).expect(200).json();
        assertThat(settings.get("valid").asBoolean()).isTrue();
        assertThat(settings.get("problems")).isEmpty();
    }
}
