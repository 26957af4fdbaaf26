package io.mozaiks.identity.keycloak.it;

import com.nimbusds.jwt.JWTClaimsSet;
import io.mozaiks.identity.keycloak.mapper.ContractMapper;
import io.mozaiks.identity.testkit.server.AdminApi;
import io.mozaiks.identity.testkit.server.TestServer;
import io.mozaiks.identity.testkit.server.TokenClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outside review, round 2: a contract mapper whose required scope is broken (an import skips the mapper's
 * validation) in a scope that does not put its name into the token. A user token would then carry the API
 * audience and no scope, which core and .NET take for an internal service token. It must carry no API
 * audience instead (fail closed).
 */
class BrokenRequiredScopeIT {

    private static final String REALM = "broken-scope-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String SECRET = "secret-" + UUID.randomUUID();

    @BeforeAll
    static void importRealm() {
        Map<String, String> config = new HashMap<>(ContractMapper.create("contract", Map.of()).getConfig());
        config.put("mozaiks.required.scope", "two words");
        Map<String, Object> realm = new HashMap<>();
        realm.put("realm", REALM);
        realm.put("enabled", true);
        realm.put("clientScopes", List.of(Map.of("name", "access_as_user", "protocol", "openid-connect",
                "attributes", Map.of("include.in.token.scope", "false"),
                "protocolMappers", List.of(Map.of("name", "contract", "protocol", "openid-connect",
                        "protocolMapper", ContractMapper.PROVIDER_ID, "config", config)))));
        realm.put("clients", List.of(
                Map.of("clientId", "mozaiks-api", "publicClient", false, "standardFlowEnabled", false),
                Map.of("clientId", "app", "publicClient", false, "secret", SECRET, "standardFlowEnabled", false,
                        "directAccessGrantsEnabled", true, "defaultClientScopes", List.of("access_as_user"),
                        "optionalClientScopes", List.of())));
        realm.put("users", List.of(Map.of("username", "someone", "enabled", true, "email", "someone@broken.test",
                "emailVerified", true, "firstName", "Some", "lastName", "One",
                "credentials", List.of(Map.of("type", "password", "value", "someone", "temporary", false)))));
        new AdminApi(TestServer.baseUrl(), REALM).createRealm(realm).expect(201);
    }

    @AfterAll
    static void deleteRealm() {
        new AdminApi(TestServer.baseUrl(), REALM).delete("");
    }

    @Test
    void aUserTokenWithoutItsScopeGetsNoApiAudience() throws Exception {
        String token = Fixture.accessToken(new TokenClient(TestServer.baseUrl(), REALM)
                .password("app", SECRET, "someone", "someone", null));
        JWTClaimsSet claims = Fixture.claims(token);
        String scope = claims.getStringClaim("scope");
        assertThat(scope == null || !scope.contains("access_as_user")).as("the scope setting is broken: " + scope).isTrue();
        assertThat(claims.getAudience()).doesNotContain("mozaiks-api").isNotEmpty();
    }
}
