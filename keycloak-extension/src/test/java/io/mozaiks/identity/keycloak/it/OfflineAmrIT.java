package io.mozaiks.identity.keycloak.it;

import com.nimbusds.jwt.JWTClaimsSet;
import io.mozaiks.identity.consumers.DotnetPlatformConsumer;
import io.mozaiks.identity.consumers.http.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Outside review, section 5: offline tokens would keep the login's amr (and so mfa) for the whole offline
 * session. Factors older than the realm's SSO session max lifespan no longer count, so a token refreshed
 * from an older offline session carries no amr at all (fail closed; the user steps up with a new login).
 */
class OfflineAmrIT {

    @AfterAll
    static void deleteCreated() {
        Fixture.deleteCreated();
    }

    @Test
    void offlineRefreshLosesAmrOnceTheLoginIsOlderThanAnySsoSession() throws Exception {
        String clientId = "offline-app-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = Fixture.ordinaryContractClient(clientId, false);
        Reply login = Fixture.tokens().password(clientId, secret, "dev-user", "dev-user", "offline_access");
        String offline = login.expect(200).field("refresh_token");
        assertThat(Fixture.claims(login.field("access_token")).getStringListClaim("amr")).containsExactly("pwd");
        String refreshed = Fixture.accessToken(Fixture.tokens().refresh(clientId, secret, offline));
        assertThat(Fixture.claims(refreshed).getStringListClaim("amr")).as("within the lifespan").containsExactly("pwd");

        int before = Fixture.admin().get("").expect(200).json().get("ssoSessionMaxLifespan").asInt();
        Fixture.admin().put("", Map.of("ssoSessionMaxLifespan", 1)).expect(204);
        try {
            Thread.sleep(2100);
            String later = Fixture.accessToken(Fixture.tokens().refresh(clientId, secret, offline));
            JWTClaimsSet claims = Fixture.claims(later);
            assertThat(claims.getClaims()).doesNotContainKey("amr");
            assertThat(DotnetPlatformConsumer.hasMfa(Fixture.platform().bearer(later))).isFalse();
            Fixture.core().user(later); // still a valid user token, just without a factor claim
        } finally {
            Fixture.admin().put("", Map.of("ssoSessionMaxLifespan", before)).expect(204);
        }
    }
}
