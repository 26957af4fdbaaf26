package io.mozaiks.identity.keycloak.it;

import com.nimbusds.jwt.JWTClaimsSet;
import io.mozaiks.identity.consumers.DotnetPlatformConsumer;
import io.mozaiks.identity.testkit.server.AdminApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * .NET's MFA policy also accepts an {@code acr} containing {@code mfa}. A client admin maps every level of
 * assurance to names containing "mfa" ({@code acr.loa.map}); a password-only login must still not pass it.
 */
class AcrIT {

    @AfterAll
    static void deleteCreated() {
        Fixture.deleteCreated();
    }

    @Test
    void acrClaimingMfaWithoutTheContractsMfaIsRemoved() throws Exception {
        String clientId = "acr-app-" + UUID.randomUUID().toString().substring(0, 8);
        String secret = Fixture.ordinaryContractClient(clientId, false);
        AdminApi admin = Fixture.admin();
        String id = admin.clientUuid(clientId);
        var rep = (com.fasterxml.jackson.databind.node.ObjectNode) admin.get("/clients/" + id).expect(200).json();
        ((com.fasterxml.jackson.databind.node.ObjectNode) rep.get("attributes"))
                .put("acr.loa.map", "{\"mfa\":1,\"no-mfa-yet\":0}");
        admin.put("/clients/" + id, rep).expect(204);

        var reply = Fixture.tokens().password(clientId, secret, "dev-user", "dev-user", "openid");
        // The ID token is not a contract token: it shows that Keycloak does emit the hostile acr.
        JWTClaimsSet idToken = Fixture.claims(reply.expect(200).field("id_token"));
        assertThat(idToken.getStringClaim("acr")).containsIgnoringCase("mfa");

        String access = reply.field("access_token");
        JWTClaimsSet claims = Fixture.claims(access);
        assertThat(claims.getStringListClaim("amr")).doesNotContain("mfa");
        String acr = claims.getStringClaim("acr");
        assertThat(acr == null || !acr.toLowerCase().contains("mfa")).as("acr " + acr).isTrue();
        assertThat(DotnetPlatformConsumer.hasMfa(Fixture.platform().bearer(access))).isFalse();
    }
}
