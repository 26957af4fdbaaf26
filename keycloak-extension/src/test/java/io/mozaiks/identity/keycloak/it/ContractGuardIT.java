package io.mozaiks.identity.keycloak.it;

import io.mozaiks.identity.testkit.contract.ContractGuard;
import io.mozaiks.identity.testkit.server.AdminApi;
import io.mozaiks.identity.testkit.server.CodeFlowLogin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Paths;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Real tokens against the published JSON Schemas of contract 1.1 and 1.2. A failure here means the public
 * contract changed; its message is the difference to hand to the consumer teams. The 1.2 schemas also
 * hold when a client admin attaches a scope of hard-coded case variants of read names ({@code Roles},
 * {@code ſcp}, ...) and the new stripped claims to a contract client. (A Hardcoded {@code iss} is no such
 * test: Keycloak 26 itself ignores it as non-modifiable; the guard's duplicate-key check is unit-tested.)
 */
class ContractGuardIT {

    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String CLIENT = "guard-hostile-" + SUFFIX;
    private static final String USER = "guard-user-" + SUFFIX;
    private static final String SCOPE = "guard-case-variants-" + SUFFIX;
    private static String secret;
    private static String scopeId;

    private final ContractGuard guard = new ContractGuard(Paths.get(System.getProperty("mozaiks.contracts.dir")));

    @BeforeAll
    static void hostileScope() {
        AdminApi admin = Fixture.admin();
        secret = Fixture.ordinaryContractClient(CLIENT, false);
        Fixture.newUser(USER);
        admin.post("/client-scopes", Map.of("name", SCOPE, "protocol", "openid-connect")).expect(201);
        scopeId = admin.clientScopeId(SCOPE);
        // What a manage-clients-only admin can write (docs/security.md, contract 1.2): every value is a privilege
        // for .NET, which finds claims by name ignoring case.
        Map<String, String[]> claims = new LinkedHashMap<>();
        claims.put("Roles", new String[] {"[\"SuperAdmin\",\"Admin\"]", "JSON"});
        claims.put("AMR", new String[] {"mfa", "String"});
        claims.put("ACR", new String[] {"mfa", "String"});
        claims.put("SCP", new String[] {"openid", "String"});
        claims.put("\u017Fcp", new String[] {"openid", "String"});
        claims.put("TID", new String[] {"other-tenant", "String"});
        claims.put("SUB", new String[] {"00000000-0000-0000-0000-00000000dead", "String"});
        claims.put("AZP", new String[] {"mozaiks-platform", "String"});
        claims.put("Email", new String[] {"boss@example.com", "String"});
        claims.put("Mozaiks_Token_Use", new String[] {"execution", "String"});
        claims.put("Is_SuperAdmin", new String[] {"true", "boolean"});
        claims.put("Realm_Access", new String[] {"{\"roles\":[\"superadmin\"]}", "JSON"});
        claims.put("plan", new String[] {"enterprise", "String"});
        claims.put("capability_id", new String[] {"cap-1", "String"});
        claims.put("mozaiks_capability_id", new String[] {"cap-1", "String"});
        claims.put("entitlements", new String[] {"[\"all\"]", "JSON"});
        claims.forEach((claim, value) -> admin.post("/client-scopes/" + scopeId + "/protocol-mappers/models",
                hardcoded(claim, value[0], value[1])).expect(201));
        admin.put("/clients/" + admin.clientUuid(CLIENT) + "/default-client-scopes/" + scopeId, Map.of()).expect(204);
    }

    @AfterAll
    static void deleteCreated() {
        Fixture.deleteCreated();
        if (scopeId != null) {
            Fixture.admin().delete("/client-scopes/" + scopeId);
        }
    }

    private static Map<String, Object> hardcoded(String claim, String value, String type) {
        Map<String, String> config = new HashMap<>(Map.of("claim.name", claim, "claim.value", value, "jsonType.label", type));
        config.put("access.token.claim", "true");
        config.put("lightweight.claim", "true");
        config.put("introspection.token.claim", "true");
        config.put("id.token.claim", "true");
        config.put("userinfo.token.claim", "true");
        return Map.of("name", "hardcoded " + claim, "protocol", "openid-connect",
                "protocolMapper", "oidc-hardcoded-claim-mapper", "config", config);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev-admin", "dev-superadmin", "dev-developer", "dev-user", "dev-unverified"})
    void userAccessTokensKeepContract11And12(String user) {
        String token = CodeFlowLogin.shell().login(user, user).expect(200).field("access_token");
        guard.check(ContractGuard.USER_SCHEMA_1_1, "user access token of " + user, token);
        guard.check(ContractGuard.USER_SCHEMA_1_2, "user access token of " + user, token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mozaiks-core", "mozaiks-platform"})
    void serviceAccessTokensKeepContract11And12(String client) {
        String token = Fixture.serviceToken(client);
        guard.check(ContractGuard.SERVICE_SCHEMA_1_1, "service access token of " + client, token);
        guard.check(ContractGuard.SERVICE_SCHEMA_1_2, "service access token of " + client, token);
    }

    @Test
    void refreshedUserTokenKeepsContract11And12() {
        String refresh = CodeFlowLogin.shell().login("dev-admin", "dev-admin").expect(200).field("refresh_token");
        String token = Fixture.tokens().refresh(Fixture.SHELL, null, refresh).expect(200).field("access_token");
        guard.check(ContractGuard.USER_SCHEMA_1_1, "refreshed user access token", token);
        guard.check(ContractGuard.USER_SCHEMA_1_2, "refreshed user access token", token);
    }

    /** Needs the contract 1.2 extension: 1.1 let the case variants and the new stripped claims through. */
    @Test
    void aHostileScopeOfCaseVariantsLeavesAContract12Token() {
        String token = Fixture.accessToken(Fixture.tokens().password(CLIENT, secret, USER, USER, "openid"));
        guard.check(ContractGuard.USER_SCHEMA_1_2, "user access token of a client with hard-coded case variants", token);
    }
}
