package io.mozaiks.identity.keycloak.it;

import com.nimbusds.jwt.JWTClaimsSet;
import io.mozaiks.identity.consumers.Principal;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A brand-new client whose only contract step is the contract scope, and standard token exchange
 * (RFC 8693) to audience mozaiks-api: both yield user tokens the consumers accept (and service tokens
 * that every consumer rejects, since the new client is no internal service).
 */
class TokenExchangeIT {

    @org.junit.jupiter.api.AfterAll
    static void deleteCreated() {
        Fixture.deleteCreated();
    }

    @Test
    void oneClientScopeMakesANewClientAContractClient() throws Exception {
        String id = Fixture.newContractClient("new-app", Map.of(), true);
        String secret = Fixture.admin().get("/clients/" + id + "/client-secret").expect(200).field("value");

        String user = Fixture.accessToken(Fixture.tokens().password("new-app", secret, "dev-user", "dev-user", null));
        Principal principal = Fixture.platform().bearer(user);
        assertThat(principal.roles()).containsExactly("user");
        Fixture.core().user(user);

        // Contract 1.1: its service account holds no service-only role, so it is no internal service.
        String service = Fixture.accessToken(Fixture.tokens().clientCredentials("new-app", secret));
        assertThat(Fixture.claims(service).getAudience()).containsExactly("new-app");
        Fixture.assertRejectedByEveryConsumer(service);
    }

    @Test
    void exchangedTokenForTheApiIsAContractToken() throws Exception {
        String id = Fixture.newContractClient("gateway", Map.of("standard.token.exchange.enabled", "true"));
        String secret = Fixture.admin().get("/clients/" + id + "/client-secret").expect(200).field("value");
        String subject = Fixture.accessToken(Fixture.tokens().password("gateway", secret, "dev-admin", "dev-admin", null));

        String exchanged = Fixture.accessToken(Fixture.tokens().exchange("gateway", secret, subject, "mozaiks-api"));
        JWTClaimsSet claims = Fixture.claims(exchanged);

        assertThat(claims.getAudience()).containsExactly("mozaiks-api");
        assertThat(claims.getStringClaim("azp")).isEqualTo("gateway");
        assertThat(Fixture.roles(claims)).containsExactly("Admin", "platform_admin", "user");
        assertThat(claims.getStringClaim("scp")).isEqualTo(claims.getStringClaim("scope")).contains("access_as_user");
        assertThat(claims.getStringClaim("tid")).isEqualTo("mozaiks");
        Fixture.core().user(exchanged);
        Fixture.platform().bearer(exchanged);
    }

    /**
     * An ID token asked for by token exchange with the API as audience: no consumer checks typ, so whatever
     * Keycloak answers must be useless to every consumer.
     */
    @Test
    void anExchangedIdTokenIsNoAccessToken() throws Exception {
        String id = Fixture.newContractClient("id-exchanger", Map.of("standard.token.exchange.enabled", "true"));
        String secret = Fixture.admin().get("/clients/" + id + "/client-secret").expect(200).field("value");
        String subject = Fixture.accessToken(Fixture.tokens().password("id-exchanger", secret, "dev-superadmin", "dev-superadmin", null));

        var reply = io.mozaiks.identity.consumers.http.Http.postForm(Fixture.tokens().tokenEndpoint(), Map.of(
                "grant_type", io.mozaiks.identity.testkit.server.TokenClient.TOKEN_EXCHANGE_GRANT,
                "client_id", "id-exchanger", "client_secret", secret, "subject_token", subject,
                "subject_token_type", io.mozaiks.identity.testkit.server.TokenClient.ACCESS_TOKEN_TYPE,
                "requested_token_type", "urn:ietf:params:oauth:token-type:id_token", "audience", "mozaiks-api"));
        // Keycloak 26.7 issues it (in the response's access_token field, as RFC 8693 says).
        Fixture.assertRejectedByEveryConsumer(Fixture.accessToken(reply));
    }
}
