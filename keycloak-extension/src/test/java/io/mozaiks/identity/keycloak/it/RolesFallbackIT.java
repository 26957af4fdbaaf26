package io.mozaiks.identity.keycloak.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import io.mozaiks.identity.consumers.PluginPrincipal;
import io.mozaiks.identity.consumers.Principal;
import io.mozaiks.identity.consumers.PythonCoreConsumer;
import io.mozaiks.identity.testkit.server.AdminApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mozaiks.identity.keycloak.it.Fixture.API;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outside review, finding 1, as an attacker tries it: a client created the ordinary way (the realm's
 * default scopes, Keycloak's {@code roles} among them) with the contract scope, and a user whose only
 * privilege is a client role named {@code admin} of an unrelated application. Core falls back to
 * {@code realm_access}/{@code resource_access} when {@code roles} is empty; a contract token never
 * carries them, in any form.
 */
class RolesFallbackIT {

    @org.junit.jupiter.api.AfterAll
    static void deleteCreated() {
        Fixture.deleteCreated();
    }

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String CLIENT = "ordinary-app-" + SUFFIX;
    private static final String USER = "client-role-admin-" + SUFFIX;
    private static String secret;

    @BeforeAll
    static void attackerSetUp() {
        AdminApi admin = Fixture.admin();
        secret = Fixture.ordinaryContractClient(CLIENT, false);
        String other = Fixture.created(admin.createClient(Map.of("clientId", "unrelated-" + SUFFIX, "publicClient", false,
                "standardFlowEnabled", false)));
        admin.post("/clients/" + other + "/roles", Map.of("name", "admin")).expect(201);
        JsonNode adminRole = admin.get("/clients/" + other + "/roles/admin").expect(200).json();
        String user = Fixture.newUser(USER);
        admin.post("/users/" + user + "/role-mappings/clients/" + other, List.of(adminRole)).expect(204);
    }

    private static String token() {
        return Fixture.accessToken(Fixture.tokens().password(CLIENT, secret, USER, USER, null));
    }

    @Test
    void theOrdinaryClientReallyHasKeycloaksRolesScope() {
        AdminApi admin = Fixture.admin();
        JsonNode scopes = admin.get("/clients/" + admin.clientUuid(CLIENT) + "/default-client-scopes").expect(200).json();
        assertThat(scopes.findValuesAsText("name")).contains("roles", Fixture.CONTRACT_SCOPE);
    }

    @Test
    void accessTokenCarriesNoFallbackClaimsAndCoreSeesNoAdmin() throws Exception {
        String token = token();
        JWTClaimsSet claims = Fixture.claims(token);

        assertThat(claims.getClaims()).doesNotContainKeys("realm_access", "resource_access");
        assertThat(Fixture.roles(claims)).isEmpty();

        Principal core = Fixture.core().user(token);
        assertThat(core.roles()).doesNotContain("admin", "offline_access", "uma_authorization");
        assertThat(PythonCoreConsumer.isSuperAdmin(core)).isFalse();
        PluginPrincipal plugin = Fixture.pluginHost().authenticate(token);
        assertThat(plugin.roles()).isEmpty();
        assertThat(plugin.superAdmin()).isFalse();
        assertThat(Fixture.platform().isPlatformAdmin(Fixture.platform().bearer(token))).isFalse();
    }

    @Test
    void introspectionCarriesNoFallbackClaims() {
        JsonNode reply = Fixture.tokens().introspect(API, Fixture.admin().clientSecret(API), token()).expect(200).json();
        assertThat(reply.get("active").asBoolean()).isTrue();
        assertThat(reply.has("realm_access")).isFalse();
        assertThat(reply.has("resource_access")).isFalse();
        assertThat(reply.get("roles").size()).isZero();
    }

    @Test
    void lightweightTokenCarriesNoFallbackClaims() throws Exception {
        AdminApi admin = Fixture.admin();
        String id = admin.clientUuid(CLIENT);
        com.fasterxml.jackson.databind.node.ObjectNode lightweight = admin.get("/clients/" + id).expect(200).json().deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) lightweight.get("attributes"))
                .put("client.use.lightweight.access.token.enabled", "true");
        admin.put("/clients/" + id, lightweight).expect(204);
        try {
            String token = token();
            assertThat(Fixture.claims(token).getClaims()).doesNotContainKeys("realm_access", "resource_access");
            assertThat(PythonCoreConsumer.isSuperAdmin(Fixture.core().user(token))).isFalse();
        } finally {
            // A client PUT merges attributes: switch lightweight tokens off explicitly.
            ((com.fasterxml.jackson.databind.node.ObjectNode) lightweight.get("attributes"))
                    .put("client.use.lightweight.access.token.enabled", "false");
            admin.put("/clients/" + id, lightweight).expect(204);
        }
    }

    /** "Never an unfiltered list": invalid privilege settings omit roles, and the fallback finds nothing either. */
    @Test
    void brokenPrivilegeSettingsLeaveNothingForTheFallback() throws Throwable {
        Fixture.withRealmAttribute("mozaiks.service.only.roles", "ops", () -> {
            String token = token();
            JWTClaimsSet claims = Fixture.claims(token);
            assertThat(claims.getClaims()).doesNotContainKeys("roles", "realm_access", "resource_access");
            assertThat(Fixture.core().user(token).roles()).isEmpty();
            assertThat(Fixture.pluginHost().authenticate(token).roles()).isEmpty();
        });
    }
}
