package io.mozaiks.identity.keycloak.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import io.mozaiks.identity.consumers.DotnetPlatformConsumer;
import io.mozaiks.identity.consumers.PluginPrincipal;
import io.mozaiks.identity.consumers.Principal;
import io.mozaiks.identity.consumers.PythonCoreConsumer;
import io.mozaiks.identity.consumers.http.Reply;
import io.mozaiks.identity.keycloak.contract.ReadClaimNames;
import io.mozaiks.identity.testkit.server.AdminApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Contract 1.2's finding, as the review reproduced it: an admin with only {@code manage-clients} creates a client
 * scope of Hardcoded-claim mappers named like the contract's claims in other cases ({@code Roles}, {@code AMR},
 * {@code SCP}, {@code TID}, ...), which mozaiks-platform reads ignoring case, and makes it a Default scope of a
 * contract client. No contract token may carry any of them, no consumer's view may change, and conformance
 * fails the client naming every mapper.
 */
class CaseVariantClaimsIT {

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String CLIENT_ADMIN = "case-admin-" + SUFFIX;
    private static final String APP = "case-app-" + SUFFIX;
    private static final String SCOPE = "case-variants-" + SUFFIX;
    private static final String USER = "dev-user";

    /** claim name -> (value, JSON type): what finding 1 attached, plus the other read names in other spellings. */
    private static final Map<String, String[]> HOSTILE = Map.ofEntries(
            Map.entry("Roles", new String[]{"[\"SuperAdmin\",\"Admin\",\"superadmin\",\"internal_service\"]", "JSON"}),
            Map.entry("AMR", new String[]{"mfa", "String"}),
            Map.entry("ACR", new String[]{"mfa", "String"}),
            Map.entry("SCP", new String[]{"openid", "String"}),
            Map.entry("Scope", new String[]{"openid", "String"}),
            Map.entry("TID", new String[]{"other-tenant", "String"}),
            Map.entry("SUB", new String[]{"alice", "String"}),
            Map.entry("AZP", new String[]{"mozaiks-core", "String"}),
            Map.entry("Email", new String[]{"alice@corp.example", "String"}),
            Map.entry("Mozaiks_Token_Use", new String[]{"execution", "String"}),
            Map.entry("Is_SuperAdmin", new String[]{"true", "boolean"}),
            Map.entry("Realm_Access", new String[]{"{\"roles\":[\"superadmin\",\"internal_service\"]}", "JSON"}),
            Map.entry("\u017Fcp", new String[]{"openid", "String"}), // long s: .NET's invariant upper case reads it as SCP
            Map.entry("plan", new String[]{"gold", "String"}),
            Map.entry("Capability_Id", new String[]{"cap-1", "String"}));

    private static AdminApi clientAdmin;
    private static String appSecret;
    private static String scopeId;
    private static Views before;

    /** What each consumer concludes from dev-user's token: must not change when the scope is attached. */
    record Views(String coreUser, List<String> coreRoles, List<String> coreScopes, String coreTenant, boolean coreAdmin,
                 String netUser, List<String> netRoles, List<String> netScopes, String netTenant, String netClient,
                 boolean netAdmin, boolean netSuperAdmin, boolean netMfa, String pluginUser, List<String> pluginRoles,
                 boolean pluginSuperAdmin) {

        static Views of(String token) throws Exception {
            Principal core = Fixture.core().user(token);
            DotnetPlatformConsumer platform = Fixture.platform();
            Principal net = platform.bearer(token);
            PluginPrincipal plugin = Fixture.pluginHost().authenticate(token);
            return new Views(core.userId(), sorted(core.roles()), core.scopes(), core.tenant(),
                    PythonCoreConsumer.adminOrInternal(core), net.userId(), sorted(net.roles()), net.scopes(), net.tenant(),
                    net.clientId(), platform.isPlatformAdmin(net), platform.isSuperAdmin(net),
                    DotnetPlatformConsumer.hasMfa(net), plugin.userId(), sorted(plugin.roles()), plugin.superAdmin());
        }

        private static List<String> sorted(List<String> values) {
            return values.stream().sorted().toList();
        }
    }

    @BeforeAll
    static void aClientAdminAttachesTheScope() throws Exception {
        Fixture.grantRealmManagement(Fixture.newUser(CLIENT_ADMIN), "manage-clients", "view-clients");
        clientAdmin = AdminApi.asUser(Fixture.adminCliToken(CLIENT_ADMIN));
        appSecret = Fixture.ordinaryContractClient(APP, false);
        before = Views.of(token(null));

        List<Map<String, Object>> mappers = new ArrayList<>();
        HOSTILE.forEach((claim, value) -> mappers.add(hardcoded(claim, value[0], value[1])));
        // Not in the token's scope list, so that the granted scopes stay what they were.
        Reply created = clientAdmin.post("/client-scopes", Map.of("name", SCOPE, "protocol", "openid-connect",
                "attributes", Map.of("include.in.token.scope", "false"), "protocolMappers", mappers));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String location = created.header("Location");
        scopeId = location.substring(location.lastIndexOf('/') + 1);
        clientAdmin.put("/clients/" + clientAdmin.clientUuid(APP) + "/default-client-scopes/" + scopeId, Map.of()).expect(204);
    }

    @AfterAll
    static void deleteCreated() {
        Fixture.deleteCreated();
        Fixture.admin().delete("/client-scopes/" + scopeId);
    }

    private static Map<String, Object> hardcoded(String claim, String value, String type) {
        Map<String, String> config = new HashMap<>(Map.of("claim.name", claim, "claim.value", value, "jsonType.label", type));
        for (String in : List.of("access.token.claim", "lightweight.claim", "introspection.token.claim", "id.token.claim",
                "userinfo.token.claim")) {
            config.put(in, "true");
        }
        return Map.of("name", "hardcoded " + claim, "protocol", "openid-connect",
                "protocolMapper", "oidc-hardcoded-claim-mapper", "config", config);
    }

    private static String token(String scope) {
        return Fixture.accessToken(Fixture.tokens().password(APP, appSecret, USER, USER, scope));
    }

    /** No name that folds to a read name unless it is exactly that name. */
    private static void assertNoVariant(Map<String, Object> claims, String what) {
        assertThat(claims.keySet()).as(what).noneMatch(ReadClaimNames::isCaseVariant)
                .doesNotContain("plan", "mozaiks_token_use", "is_superadmin", "realm_access");
    }

    @Test
    void theMappersReallyWriteTheirClaimsWhereTheContractDoesNotRun() throws Exception {
        // The same scope on a client without the contract: Keycloak writes every one of them.
        String control = "case-control-" + SUFFIX;
        AdminApi admin = Fixture.admin();
        String secret = "s-" + SUFFIX;
        String id = Fixture.created(admin.createClient(Map.of("clientId", control, "publicClient", false, "secret", secret,
                "standardFlowEnabled", false, "directAccessGrantsEnabled", true)));
        admin.put("/clients/" + id + "/default-client-scopes/" + scopeId, Map.of()).expect(204);
        JWTClaimsSet claims = Fixture.claims(Fixture.accessToken(Fixture.tokens().password(control, secret, USER, USER, null)));
        assertThat(claims.getClaims()).containsKeys("Roles", "AMR", "SCP", "TID", "SUB", "Is_SuperAdmin", "\u017Fcp", "plan");
    }

    @Test
    void noContractAccessTokenCarriesAVariantAndNoViewChanges() throws Exception {
        String token = token(null);
        assertNoVariant(Fixture.claims(token).getClaims(), "access token");
        assertThat(Views.of(token)).isEqualTo(before);
        assertThat(before.netSuperAdmin() || before.netAdmin() || before.netMfa() || before.coreAdmin()
                || before.pluginSuperAdmin()).isFalse();
        assertThat(before.netScopes()).contains("access_as_user");
        assertThat(before.netTenant()).isEqualTo("mozaiks");
    }

    @Test
    void theIdTokenUserInfoAndIntrospectionCarryNoVariant() throws Exception {
        Reply reply = Fixture.tokens().password(APP, appSecret, USER, USER, "openid").expect(200);
        assertNoVariant(Fixture.claims(reply.field("id_token")).getClaims(), "ID token");
        String access = reply.field("access_token");
        Reply userInfo = Fixture.tokens().userInfo(access).expect(200);
        assertNoVariant(fields(userInfo.json()), "UserInfo");
        JsonNode introspection = Fixture.tokens().introspect(Fixture.API, Fixture.admin().clientSecret(Fixture.API), access)
                .expect(200).json();
        assertThat(introspection.get("active").asBoolean()).isTrue();
        assertNoVariant(fields(introspection), "introspection");
    }

    @Test
    void aLightweightTokenCarriesNoVariantEither() throws Throwable {
        AdminApi admin = Fixture.admin();
        String path = "/clients/" + admin.clientUuid(APP);
        com.fasterxml.jackson.databind.node.ObjectNode client = (com.fasterxml.jackson.databind.node.ObjectNode) admin.get(path).expect(200).json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) client.get("attributes"))
                .put("client.use.lightweight.access.token.enabled", "true");
        admin.put(path, client).expect(204);
        try {
            String token = token(null);
            assertNoVariant(Fixture.claims(token).getClaims(), "lightweight access token");
            assertThat(Views.of(token)).isEqualTo(before);
        } finally {
            ((com.fasterxml.jackson.databind.node.ObjectNode) client.get("attributes"))
                    .put("client.use.lightweight.access.token.enabled", "false");
            admin.put(path, client).expect(204);
        }
    }

    @Test
    void conformanceFailsTheClientNamingEveryMapper() {
        JsonNode check = ConformanceIT.check(Fixture.conformanceReport(), APP, "foreign-claim-mappers");
        assertThat(check.get("status").asText()).isEqualTo("fail");
        String reason = check.get("reason").asText();
        for (String claim : HOSTILE.keySet()) {
            assertThat(reason).as(claim).contains("hardcoded " + claim + " (oidc-hardcoded-claim-mapper, writes " + claim);
        }
        assertThat(reason).contains("in client scope " + SCOPE).contains("read as roles by mozaiks-platform");
    }

    private static Map<String, Object> fields(JsonNode object) {
        Map<String, Object> map = new HashMap<>();
        object.fieldNames().forEachRemaining(name -> map.put(name, object.get(name)));
        return map;
    }
}
