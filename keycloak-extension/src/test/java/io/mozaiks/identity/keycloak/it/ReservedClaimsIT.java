package io.mozaiks.identity.keycloak.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import io.mozaiks.identity.keycloak.contract.Contract;
import io.mozaiks.identity.consumers.PluginPrincipal;
import io.mozaiks.identity.consumers.PythonCoreConsumer;
import io.mozaiks.identity.consumers.Rejected;
import io.mozaiks.identity.testkit.server.AdminApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.mozaiks.identity.keycloak.it.Fixture.API;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Core's control-plane claims and plugin-host's identity claims, written by a client admin with Keycloak's
 * own hard-coded-claim and user-attribute mappers on a contract client, and a realm role named
 * {@code service} on a person: nothing of it reaches a consumer.
 */
class ReservedClaimsIT {

    @org.junit.jupiter.api.AfterAll
    static void deleteCreated() {
        Fixture.deleteCreated();
    }

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String CLIENT = "reserved-claims-" + SUFFIX;
    /** The same hostile mappers on a client WITHOUT the contract scope: shows what they produce. */
    private static final String CONTROL = "reserved-control-" + SUFFIX;
    private static final String USER = "service-named-" + SUFFIX;
    private static final String BUNDLED_USER = "service-bundled-" + SUFFIX;
    private static String secret;
    private static final String CONTROL_SECRET = "control-" + SUFFIX;
    private static final String VICTIM_ID = "00000000-0000-0000-0000-00000000dead";

    @BeforeAll
    static void hostileMappers() {
        AdminApi admin = Fixture.admin();
        secret = Fixture.ordinaryContractClient(CLIENT, false);
        String control = Fixture.created(admin.createClient(Map.of("clientId", CONTROL, "publicClient", false,
                "secret", CONTROL_SECRET, "standardFlowEnabled", false, "directAccessGrantsEnabled", true)));
        addHostileMappers(admin, admin.clientUuid(CLIENT));
        addHostileMappers(admin, control);
        // Signed UserInfo: a JWT of the realm's key, which plugin-host accepts without aud or exp.
        var rep = (com.fasterxml.jackson.databind.node.ObjectNode) admin.get("/clients/" + admin.clientUuid(CLIENT)).expect(200).json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) rep.get("attributes")).put("user.info.response.signature.alg", "RS256");
        admin.put("/clients/" + admin.clientUuid(CLIENT), rep).expect(204);

        String user = Fixture.newUser(USER);
        if (admin.get("/roles/service").status() == 404) {
            admin.post("/roles", Map.of("name", "service")).expect(201);
        }
        admin.post("/users/" + user + "/role-mappings/realm",
                List.of(admin.get("/roles/service").expect(200).json())).expect(204);

        // And through a composite CLIENT role that contains the realm role service.
        String clientUuid = admin.clientUuid(CLIENT);
        admin.post("/clients/" + clientUuid + "/roles", Map.of("name", "ops-bundle")).expect(201);
        admin.post("/clients/" + clientUuid + "/roles/ops-bundle/composites",
                List.of(admin.get("/roles/service").expect(200).json())).expect(204);
        String bundled = Fixture.newUser(BUNDLED_USER);
        admin.post("/users/" + bundled + "/role-mappings/clients/" + clientUuid,
                List.of(admin.get("/clients/" + clientUuid + "/roles/ops-bundle").expect(200).json())).expect(204);
    }

    private static void addHostileMappers(AdminApi admin, String id) {
        Map<String, String> values = Map.of("mozaiks_token_use", "execution", "mozaiks_chat_id", "chat-1",
                "chat_id", "chat-1", "mozaiks_app_id", "app-1", "user_id", "victim", "username", "victim",
                "is_superadmin", "true", "uid", "victim");
        // And the standard identity: another user's id as sub, another client as azp (past .NET's allow-list).
        Map<String, String> identity = Map.of("sub", VICTIM_ID, "azp", "mozaiks-shell");
        values.forEach((claim, value) -> admin.post("/clients/" + id + "/protocol-mappers/models",
                hardcoded(claim, value, "is_superadmin".equals(claim) ? "boolean" : "String")).expect(201));
        identity.forEach((claim, value) -> admin.post("/clients/" + id + "/protocol-mappers/models",
                hardcoded(claim, value, "String")).expect(201));
        // The API audience and a roles claim in the ID token, which no consumer tells apart from an access token.
        admin.post("/clients/" + id + "/protocol-mappers/models", Map.of("name", "aud-api", "protocol", "openid-connect",
                "protocolMapper", "oidc-audience-mapper", "config", tokenConfig(Map.of("included.client.audience", API)))).expect(201);
        admin.post("/clients/" + id + "/protocol-mappers/models", hardcoded("roles", "[\"superadmin\"]", "JSON")).expect(201);
        // And a user-attribute mapper, the other way a client admin writes a claim (an attribute the user profile keeps).
        admin.post("/clients/" + id + "/protocol-mappers/models", Map.of("name", "user_id from lastName",
                "protocol", "openid-connect", "protocolMapper", "oidc-usermodel-attribute-mapper",
                "config", tokenConfig(Map.of("user.attribute", "lastName", "claim.name", "user_id", "jsonType.label", "String")))).expect(201);
    }

    private static Map<String, Object> hardcoded(String claim, String value, String type) {
        return Map.of("name", "hardcoded " + claim, "protocol", "openid-connect",
                "protocolMapper", "oidc-hardcoded-claim-mapper",
                "config", tokenConfig(Map.of("claim.name", claim, "claim.value", value, "jsonType.label", type)));
    }

    private static Map<String, String> tokenConfig(Map<String, String> config) {
        Map<String, String> all = new HashMap<>(config);
        all.put("access.token.claim", "true");
        all.put("lightweight.claim", "true");
        all.put("introspection.token.claim", "true");
        all.put("id.token.claim", "true");
        all.put("userinfo.token.claim", "true");
        return all;
    }

    private static String token() {
        return Fixture.accessToken(Fixture.tokens().password(CLIENT, secret, USER, USER, "openid"));
    }

    @Test
    void theMappersReallyWriteTheClaimsWhereTheContractDoesNotRun() throws Exception {
        String token = Fixture.accessToken(Fixture.tokens().password(CONTROL, CONTROL_SECRET, USER, USER, null));
        assertThat(Fixture.claims(token).getClaims()).containsKeys("mozaiks_token_use", "user_id", "is_superadmin", "uid", "roles");
        assertThat(Fixture.claims(token).getSubject()).isEqualTo(VICTIM_ID);
    }

    /**
     * UserInfo as a signed JWT carries no privilege. Keycloak gives it {@code aud} = the client after the mappers, so
     * plugin-host (which checks aud when present) rejects it today; this holds whatever a later Keycloak does there.
     */
    @Test
    void signedUserInfoCarriesNoPrivilege() throws Exception {
        String body = Fixture.tokens().userInfo(token()).expect(200).body();
        JWTClaimsSet claims = Fixture.claims(body);
        assertThat(claims.getClaims()).doesNotContainKeys(Contract.STRIPPED_CLAIMS.toArray(String[]::new))
                .doesNotContainKeys("roles", "scp", "scope", "tid", "app_id");
        assertThat(claims.getStringClaim("preferred_username")).isEqualTo(USER);
    }

    @Test
    void subAndAzpAreKeycloaksOwn() throws Exception {
        JWTClaimsSet claims = Fixture.claims(token());
        assertThat(claims.getSubject()).isEqualTo(Fixture.admin().userId(USER)).isNotEqualTo(VICTIM_ID);
        assertThat(claims.getStringClaim("azp")).isEqualTo(CLIENT);
        assertThat(Fixture.core().user(token()).userId()).isEqualTo(Fixture.admin().userId(USER));
    }

    @Test
    void theIdTokenIsAddressedToTheClientAndCarriesNoPrivilege() throws Exception {
        String idToken = Fixture.tokens().password(CLIENT, secret, USER, USER, "openid").expect(200).field("id_token");
        JWTClaimsSet claims = Fixture.claims(idToken);
        assertThat(claims.getAudience()).containsExactly(CLIENT);
        assertThat(claims.getSubject()).isEqualTo(Fixture.admin().userId(USER));
        assertThat(claims.getClaims()).doesNotContainKeys(Contract.STRIPPED_CLAIMS.toArray(String[]::new))
                .doesNotContainKeys("roles", "scp", "scope", "tid", "app_id");
        Fixture.assertRejectedByEveryConsumer(idToken);
    }

    /** A careless realm admin shortens the service-only list: core's own internal role names stay service-only. */
    @Test
    void theRoleNamedServiceStaysOutOfUserTokensWhateverTheList() throws Throwable {
        Fixture.withRealmAttribute("mozaiks.service.only.roles", "internal_service", () ->
                assertThat(Fixture.roles(Fixture.claims(token()))).doesNotContain("service"));
    }

    @Test
    void accessTokenCarriesNoReservedClaim() throws Exception {
        JWTClaimsSet claims = Fixture.claims(token());
        assertThat(claims.getClaims()).doesNotContainKeys(Contract.STRIPPED_CLAIMS.toArray(String[]::new));
    }

    @Test
    void introspectionCarriesNoReservedClaim() {
        JsonNode reply = Fixture.tokens().introspect(API, Fixture.admin().clientSecret(API), token()).expect(200).json();
        assertThat(reply.get("active").asBoolean()).isTrue();
        for (String claim : Contract.STRIPPED_CLAIMS) {
            if (claim.equals("username") && reply.has(claim)) {
                // RFC 7662's own member, which Keycloak sets from the user after the mappers: the real one.
                assertThat(reply.get(claim).asText()).isEqualTo(USER);
                continue;
            }
            assertThat(reply.has(claim)).as(claim).isFalse();
        }
    }

    @Test
    void coreSeesNoExecutionTokenAndNoInternalRole() throws Exception {
        String token = token();
        assertThatThrownBy(() -> Fixture.core().executionToken(token)).isInstanceOf(Rejected.class);
        var principal = Fixture.core().user(token);
        assertThat(principal.roles()).doesNotContain("service");
        assertThat(PythonCoreConsumer.adminOrInternal(principal)).isFalse();
        PythonCoreConsumer.checkBinding(principal, "some-app", "some-chat"); // no binding claim to contradict the path
    }

    @Test
    void pluginHostReadsTheRealSubjectAndNoSuperadmin() throws Exception {
        String token = token();
        PluginPrincipal principal = Fixture.pluginHost().authenticate(token);
        assertThat(principal.userId()).isEqualTo(Fixture.claims(token).getSubject());
        assertThat(principal.username()).isEqualTo(USER);
        assertThat(principal.superAdmin()).isFalse();
    }

    @Test
    void conformanceNamesTheMappersAndThePerson() {
        JsonNode report = Fixture.conformanceReport();
        JsonNode mappers = ConformanceIT.check(report, CLIENT, "foreign-claim-mappers");
        assertThat(mappers.get("status").asText()).isEqualTo("fail");
        assertThat(mappers.get("reason").asText()).contains("mozaiks_token_use", "is_superadmin", "uid", "writes sub",
                "writes azp", "writes aud (mozaiks-api)");
        JsonNode holders = ConformanceIT.check(report, null, "service-role-holders");
        assertThat(holders.get("status").asText()).isEqualTo("fail");
        assertThat(holders.get("reason").asText()).contains(USER).contains(BUNDLED_USER + " (" + CLIENT + " role ops-bundle)");
    }
}
