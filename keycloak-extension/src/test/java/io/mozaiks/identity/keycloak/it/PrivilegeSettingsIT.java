package io.mozaiks.identity.keycloak.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import io.mozaiks.identity.consumers.PythonCoreConsumer;
import io.mozaiks.identity.consumers.http.Http;
import io.mozaiks.identity.consumers.http.Reply;
import io.mozaiks.identity.testkit.server.CodeFlowLogin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.UUID;

import static io.mozaiks.identity.keycloak.it.Fixture.API;
import static io.mozaiks.identity.keycloak.it.Fixture.CORE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The realm's privilege settings through {@code /contract/settings}, as a realm admin uses it: invalid
 * values are refused with 400 and change nothing, valid ones change the tokens as documented, and an
 * invalid raw attribute (saved around the endpoint) fails closed.
 */
class PrivilegeSettingsIT {

    private static final String DEV_REALM_SETTINGS = "{\"role_aliases\":{\"platform_admin\":\"Admin\"},"
            + "\"service_only_roles\":[\"internal_service\",\"service\"],"
            + "\"internal_service_clients\":[\"mozaiks-core\",\"mozaiks-platform\"],\"core_admin_alias\":false}";
    private static final String REALM_ADMIN = "realm-admin-" + UUID.randomUUID().toString().substring(0, 8);
    private static String realmAdminToken;

    @BeforeAll
    static void realmAdmin() {
        Fixture.grantRealmManagement(Fixture.newUser(REALM_ADMIN), "manage-realm", "view-realm");
        realmAdminToken = Fixture.adminCliToken(REALM_ADMIN);
    }

    @AfterEach
    void restoreDevRealmSettings() {
        assertThat(put(realmAdminToken, DEV_REALM_SETTINGS).status()).isEqualTo(200);
    }

    @AfterAll
    static void deleteCreated() {
        Fixture.deleteCreated();
    }

    static Reply put(String token, String body) {
        return Http.send(HttpRequest.newBuilder(URI.create(ContractEndpointIT.url("/settings")))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static JsonNode settings() {
        return ContractEndpointIT.get("/settings", "Authorization", "Bearer " + realmAdminToken).expect(200).json();
    }

    private static JWTClaimsSet devAdminClaims() {
        return Fixture.claims(CodeFlowLogin.shell().login("dev-admin", "dev-admin").expect(200).field("access_token"));
    }

    @Test
    void realmAdminReadsTheDevRealmSettings() {
        JsonNode settings = settings();
        assertThat(settings.get("valid").asBoolean()).isTrue();
        assertThat(settings.get("settings").get("role_aliases").get("platform_admin").asText()).isEqualTo("Admin");
        assertThat(settings.get("settings").get("service_only_roles").toString()).contains("internal_service", "service");
        assertThat(settings.get("changed_by").asText()).contains("manage-realm");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"role_aliases\":{\"user\":\"superadmin\"}}",
            "{\"role_aliases\":{\"developer\":\"SuperAdmin\"}}",
            "{\"role_aliases\":{\"user\":\"admin\"}}",
            "{\"role_aliases\":{\"user\":\"internal_service\"}}",
            "{\"role_aliases\":{\"user\":\"Service\"}}",
            "{\"role_aliases\":{\"no-such-role\":\"Admin\"}}",
            "{\"role_aliases\":{\"x:Admin,platform_admin\":\"Admin\"}}",
            "{\"service_only_roles\":[]}",
            "{\"service_only_roles\":[\"ops\"]}",
            "{\"internal_service_clients\":[\"no-such-client\"]}",
            "{\"core_admin_alias\":\"yes\"}",
            "{\"unknown\":1}",
            "[]",
            "not json"})
    void invalidSettingsAre400AndChangeNothing(String body) {
        String before = settings().get("settings").toString();
        Reply reply = put(realmAdminToken, body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.json().get("error").asText()).isEqualTo("invalid_settings");
        assertThat(reply.json().get("problems").size()).isPositive();
        assertThat(settings().get("settings").toString()).isEqualTo(before);
        assertThat(Fixture.roles(devAdminClaims())).containsExactly("Admin", "platform_admin", "user");
    }

    @Test
    void aNewAliasReachesTheTokens() {
        String body = DEV_REALM_SETTINGS.replace("{\"platform_admin\":\"Admin\"}", "{\"platform_admin\":\"Admin\",\"user\":\"Member\"}");
        assertThat(put(realmAdminToken, body).status()).isEqualTo(200);
        assertThat(Fixture.roles(devAdminClaims())).containsExactly("Admin", "Member", "platform_admin", "user");
    }

    @Test
    void coreSuperadminAliasOnlyBehindTheRealmFlag() throws Exception {
        String body = DEV_REALM_SETTINGS.replace("\"Admin\"", "\"admin\"").replace("\"core_admin_alias\":false", "\"core_admin_alias\":true");
        assertThat(put(realmAdminToken, body).status()).isEqualTo(200);
        String token = CodeFlowLogin.shell().login("dev-admin", "dev-admin").expect(200).field("access_token");
        assertThat(PythonCoreConsumer.isSuperAdmin(Fixture.core().user(token))).isTrue();
    }

    @Test
    void withoutTokenIs401AndWithoutManageRealmIs403() {
        assertThat(put("not-a-token", DEV_REALM_SETTINGS).status()).isEqualTo(401);
        assertThat(ContractEndpointIT.get("/settings").status()).isEqualTo(401);
        String userToken = CodeFlowLogin.shell().login("dev-user", "dev-user").expect(200).field("access_token");
        assertThat(put(userToken, "{\"role_aliases\":{\"user\":\"Admin\"}}").status()).isEqualTo(403);
        assertThat(ContractEndpointIT.get("/settings", "Authorization", "Bearer " + userToken).status()).isEqualTo(403);
    }

    @Test
    void theOtherContractResourcesStayReadOnly() {
        Reply onContract = Http.send(HttpRequest.newBuilder(URI.create(ContractEndpointIT.url("")))
                .header("Authorization", "Bearer " + realmAdminToken)
                .PUT(HttpRequest.BodyPublishers.ofString(DEV_REALM_SETTINGS)).build());
        assertThat(onContract.status()).isEqualTo(405);
    }

    /** A realm admin who edits the raw attribute in the admin console skips the endpoint's validation. */
    @Test
    void invalidRawAttributeFailsClosedAndConformanceSaysSo() throws Throwable {
        Fixture.withRealmAttribute("mozaiks.role.aliases", "user:superadmin", () -> {
            JWTClaimsSet user = devAdminClaims();
            assertThat(user.getClaims()).doesNotContainKeys("roles", "realm_access", "resource_access");
            JWTClaimsSet service = Fixture.claims(Fixture.serviceToken(CORE));
            assertThat(service.getAudience()).containsExactly(CORE).doesNotContain(API);
            Fixture.assertRejectedByEveryConsumer(Fixture.serviceToken(CORE));

            JsonNode check = ConformanceIT.check(Fixture.conformanceReport(), null, "privilege-settings");
            assertThat(check.get("status").asText()).isEqualTo("fail");
            assertThat(check.get("reason").asText()).contains("superadmin");
        });
        assertThat(Fixture.claims(Fixture.serviceToken(CORE)).getAudience()).contains(API);
    }
}
