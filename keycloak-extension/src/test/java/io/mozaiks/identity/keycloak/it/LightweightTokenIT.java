package io.mozaiks.identity.keycloak.it;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Lightweight access tokens drop every stock mapper without lightweight.claim; the contract stays whole. */
class LightweightTokenIT {

    @org.junit.jupiter.api.AfterAll
    static void deleteCreated() {
        Fixture.deleteCreated();
    }

    @Test
    void lightweightUserTokenKeepsIdentityAndEveryContractClaim() throws Exception {
        String id = Fixture.newContractClient("lightweight-app",
                Map.of("client.use.lightweight.access.token.enabled", "true"));
        String secret = Fixture.admin().get("/clients/" + id + "/client-secret").expect(200).field("value");

        String token = Fixture.accessToken(Fixture.tokens().password("lightweight-app", secret,
                "dev-admin", "dev-admin", null));
        JWTClaimsSet claims = Fixture.claims(token);

        assertThat(claims.getSubject()).isEqualTo(Fixture.admin().userId("dev-admin"));
        assertThat(claims.getStringClaim("preferred_username")).isEqualTo("dev-admin");
        assertThat(claims.getStringClaim("email")).isEqualTo("dev-admin@mozaiks.test");
        assertThat(claims.getAudience()).contains("mozaiks-api");
        assertThat(Fixture.roles(claims)).containsExactly("Admin", "platform_admin", "user");
        assertThat(claims.getStringClaim("tid")).isEqualTo("mozaiks");
        assertThat(claims.getStringClaim("scp")).contains("access_as_user");
        assertThat(claims.getStringListClaim("amr")).containsExactly("pwd");
        Fixture.core().user(token);
        Fixture.platform().bearer(token);
    }

    @Test
    void lightweightServiceTokenKeepsTheServiceContract() throws Exception {
        // An internal service client (the dev realm lists mozaiks-core) switched to lightweight tokens.
        com.fasterxml.jackson.databind.node.ObjectNode original = (com.fasterxml.jackson.databind.node.ObjectNode)
                Fixture.admin().get("/clients/" + Fixture.admin().clientUuid(Fixture.CORE)).expect(200).json();
        com.fasterxml.jackson.databind.node.ObjectNode lightweight = original.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) lightweight.get("attributes"))
                .put("client.use.lightweight.access.token.enabled", "true");
        String path = "/clients/" + original.get("id").asText();
        Fixture.admin().put(path, lightweight).expect(204);
        try {
            String token = Fixture.serviceToken(Fixture.CORE);
            JWTClaimsSet claims = Fixture.claims(token);

            assertThat(claims.getSubject()).isNotBlank();
            assertThat(claims.getAudience()).contains("mozaiks-api");
            assertThat(Fixture.roles(claims)).containsExactly("internal_service");
            assertThat(claims.getClaims()).doesNotContainKeys("scope", "scp");
            Fixture.platform().internalBearer(token);
        } finally {
            // A client PUT merges attributes: the switch must be turned off explicitly, not just left out.
            ((com.fasterxml.jackson.databind.node.ObjectNode) lightweight.get("attributes"))
                    .put("client.use.lightweight.access.token.enabled", "false");
            Fixture.admin().put(path, lightweight).expect(204);
        }
        assertThat(Fixture.admin().get(path).expect(200).json().get("attributes")
                .path("client.use.lightweight.access.token.enabled").asText()).isEqualTo("false");
    }
}
