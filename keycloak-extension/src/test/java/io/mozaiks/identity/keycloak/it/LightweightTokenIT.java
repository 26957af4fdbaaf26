package io.mozaiks.identity.keycloak.it;

import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Lightweight access tokens drop every stock mapper without lightweight.claim; the contract stays whole. */
class LightweightTokenIT {

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
        String id = Fixture.newContractClient("lightweight-service",
                Map.of("client.use.lightweight.access.token.enabled", "true"));
        String secret = Fixture.admin().get("/clients/" + id + "/client-secret").expect(200).field("value");

        String token = Fixture.accessToken(Fixture.tokens().clientCredentials("lightweight-service", secret));
        JWTClaimsSet claims = Fixture.claims(token);

        assertThat(claims.getSubject()).isNotBlank();
        assertThat(claims.getAudience()).contains("mozaiks-api");
        assertThat(claims.getClaims()).doesNotContainKeys("scope", "scp");
        Fixture.platform().internalBearer(token);
    }
}
