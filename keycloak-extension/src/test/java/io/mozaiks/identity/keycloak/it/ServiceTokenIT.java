package io.mozaiks.identity.keycloak.it;

import com.nimbusds.jwt.JWTClaimsSet;
import io.mozaiks.identity.consumers.Principal;
import io.mozaiks.identity.consumers.Rejected;
import io.mozaiks.identity.testkit.server.AdminApi;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.mozaiks.identity.keycloak.it.Fixture.API;
import static io.mozaiks.identity.keycloak.it.Fixture.CORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Client-credentials tokens of the two service clients, as each consumer's internal scheme sees them. */
class ServiceTokenIT {

    @org.junit.jupiter.api.AfterAll
    static void deleteCreated() {
        Fixture.deleteCreated();
    }

    /**
     * Contract 1.1: a client created the ordinary way with a service account and the contract scope (as the
     * v1 docs said) is no internal service; no consumer accepts its client-credentials token, plugin-host
     * included (its aud is the client's own id, never empty).
     */
    @Test
    void anOrdinaryServiceClientIsNotInternalForAnyConsumer() throws Exception {
        String clientId = "ordinary-service-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String secret = Fixture.ordinaryContractClient(clientId, true);
        String token = Fixture.accessToken(Fixture.tokens().clientCredentials(clientId, secret));
        JWTClaimsSet claims = Fixture.claims(token);

        assertThat(claims.getAudience()).containsExactly(clientId);
        assertThat(claims.getClaims()).doesNotContainKeys("scope", "scp", "realm_access", "resource_access");
        Fixture.assertRejectedByEveryConsumer(token);

        var check = ConformanceIT.check(Fixture.conformanceReport(), clientId, "service-account-internal");
        assertThat(check.get("status").asText()).isEqualTo("fail");
        assertThat(check.get("fix").asText()).contains("switch the service account off");
    }

    /** A service account holding internal_service is still not internal when the realm's list does not name it. */
    @Test
    void theRealmsListOfInternalClientsNarrowsInternalAccess() throws Exception {
        String clientId = "unlisted-service-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        String secret = Fixture.ordinaryContractClient(clientId, true);
        AdminApi admin = Fixture.admin();
        String account = admin.get("/clients/" + admin.clientUuid(clientId) + "/service-account-user").expect(200).field("id");
        admin.post("/users/" + account + "/role-mappings/realm", java.util.List.of(admin.get("/roles/internal_service").expect(200).json()))
                .expect(204);

        String token = Fixture.accessToken(Fixture.tokens().clientCredentials(clientId, secret));
        assertThat(Fixture.claims(token).getAudience()).containsExactly(clientId);
        Fixture.assertRejectedByEveryConsumer(token);
    }

    @ParameterizedTest
    @ValueSource(strings = {"mozaiks-core", "mozaiks-platform"})
    void serviceTokenCarriesAudienceRolesTenantAndNoScope(String clientId) throws Exception {
        String token = Fixture.serviceToken(clientId);
        JWTClaimsSet claims = Fixture.claims(token);

        assertThat(claims.getAudience()).contains(API);
        assertThat(claims.getStringClaim("azp")).isEqualTo(clientId);
        assertThat(Fixture.roles(claims)).containsExactly("internal_service");
        assertThat(claims.getStringClaim("tid")).isEqualTo("mozaiks");
        assertThat(claims.getClaims()).doesNotContainKeys("scope", "scp", "amr");
        assertThat(Fixture.jwt(token).getHeader().getType().toString()).isEqualTo("at+jwt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mozaiks-core", "mozaiks-platform"})
    void dotnetInternalBearerAcceptsAndBearerRefuses(String clientId) throws Exception {
        String token = Fixture.serviceToken(clientId);

        Principal principal = Fixture.platform().internalBearer(token);
        assertThat(principal.clientId()).isEqualTo(clientId);
        assertThat(principal.tenant()).isEqualTo("mozaiks");
        assertThat(principal.roles()).containsExactly("internal_service");

        assertThatThrownBy(() -> Fixture.platform().bearer(token))
                .isInstanceOf(Rejected.class).extracting(e -> ((Rejected) e).status()).isEqualTo(403);
    }

    @Test
    void pythonInternalEndpointAcceptsAndUserEndpointRefuses() throws Exception {
        String token = Fixture.serviceToken(CORE);

        Principal principal = Fixture.core().internal(token, true);
        assertThat(principal.clientId()).isEqualTo(CORE);

        assertThatThrownBy(() -> Fixture.core().user(token))
                .isInstanceOf(Rejected.class).extracting(e -> ((Rejected) e).status()).isEqualTo(403);
    }

    /** The hand-configured baseline breaks here: a scope-bearing client scope brings scope back. */
    @Test
    void staysScopeFreeAfterAdminAssignsAScopeBearingClientScope() throws Exception {
        AdminApi admin = Fixture.admin();
        String client = admin.clientUuid(CORE);
        String email = admin.clientScopeId("email");
        admin.put("/clients/" + client + "/default-client-scopes/" + email, Map.of()).expect(204);
        try {
            String token = Fixture.serviceToken(CORE);
            Map<String, Object> claims = Fixture.claims(token).getClaims();
            assertThat(claims).doesNotContainKeys("scope", "scp");
            Fixture.platform().internalBearer(token);
        } finally {
            admin.delete("/clients/" + client + "/default-client-scopes/" + email).expect(204);
        }
    }

    @Test
    void introspectionByTheApiIsActiveWithContractClaims() {
        String token = Fixture.serviceToken(CORE);
        // mozaiks-api may introspect (it holds a secret) although no token is ever issued to it.
        var reply = Fixture.tokens().introspect(API, Fixture.admin().clientSecret(API), token).expect(200).json();

        assertThat(reply.get("active").asBoolean()).isTrue();
        assertThat(reply.get("roles").toString()).isEqualTo("[\"internal_service\"]");
        assertThat(reply.get("tid").asText()).isEqualTo("mozaiks");
        assertThat(reply.get("aud").toString()).contains(API);
        assertThat(reply.has("scope") && !reply.get("scope").asText().isEmpty()).isFalse();
    }

    @Test
    void noTokenCanBeIssuedToTheApiClient() {
        var reply = Fixture.tokens().clientCredentials(API, Fixture.admin().clientSecret(API));
        assertThat(reply.status()).isIn(400, 401);
    }
}
