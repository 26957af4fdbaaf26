package io.mozaiks.identity.keycloak.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import io.mozaiks.identity.consumers.Rejected;
import io.mozaiks.identity.consumers.http.Reply;
import io.mozaiks.identity.testkit.server.AdminApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.mozaiks.identity.keycloak.it.Fixture.CORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Outside review, section 5: a service token is decided by the grant and the client, not by the subject.
 * Another client exchanges mozaiks-core's internal service token (a client admin made that client an
 * audience of it): the result is a delegated (user) token of the other client, never an internal one.
 */
class ServiceSubjectExchangeIT {

    @AfterAll
    static void deleteCreated() {
        Fixture.deleteCreated();
    }

    @Test
    void exchangingAnotherClientsServiceTokenYieldsNoInternalToken() throws Exception {
        String exchanger = "exchanger-" + UUID.randomUUID().toString().substring(0, 8);
        String id = Fixture.newContractClient(exchanger, Map.of("standard.token.exchange.enabled", "true"));
        String secret = Fixture.admin().get("/clients/" + id + "/client-secret").expect(200).field("value");

        AdminApi admin = Fixture.admin();
        String core = admin.clientUuid(CORE);
        Reply created = admin.post("/clients/" + core + "/protocol-mappers/models", Map.of("name", "audience " + exchanger,
                "protocol", "openid-connect", "protocolMapper", "oidc-audience-mapper", "config", Map.of(
                        "included.client.audience", exchanger, "access.token.claim", "true",
                        "introspection.token.claim", "true")));
        created.expect(201);
        String mapper = created.header("Location").substring(created.header("Location").lastIndexOf('/') + 1);
        try {
            String subject = Fixture.serviceToken(CORE);
            assertThat(Fixture.claims(subject).getAudience()).contains(exchanger, Fixture.API);

            // Keycloak 26.7 grants the exchange (the exchanger is in the subject token's audience).
            String exchanged = Fixture.accessToken(Fixture.tokens().exchange(exchanger, secret, subject, Fixture.API));
            JWTClaimsSet claims = Fixture.claims(exchanged);
            assertThat(claims.getStringClaim("azp")).isEqualTo(exchanger);
            assertThat(claims.getStringClaim("scp")).contains("access_as_user");
            assertThat(Fixture.roles(claims)).doesNotContain("internal_service");
            assertThatThrownBy(() -> Fixture.core().internal(exchanged, false)).isInstanceOf(Rejected.class);
            assertThatThrownBy(() -> Fixture.platform().internalBearer(exchanged)).isInstanceOf(Rejected.class);
        } finally {
            admin.delete("/clients/" + core + "/protocol-mappers/models/" + mapper).expect(204);
        }
    }

    @Test
    void theCoreClientIsBackToItsOwnMappers() {
        JsonNode mappers = Fixture.admin().get("/clients/" + Fixture.admin().clientUuid(CORE) + "/protocol-mappers/models")
                .expect(200).json();
        assertThat(mappers.findValuesAsText("name")).noneMatch(name -> name.startsWith("audience exchanger-"));
    }
}
