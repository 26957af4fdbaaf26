package io.mozaiks.identity.keycloak.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.mozaiks.identity.consumers.DotnetPlatformConsumer;
import io.mozaiks.identity.testkit.server.AdminApi;
import io.mozaiks.identity.testkit.server.CodeFlowLogin;
import io.mozaiks.identity.testkit.server.Totp;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * amr carries mfa only for the login that completed two factor classes. Keycloak keeps completed steps
 * for the whole SSO session, so a later password-only re-login must not inherit the old OTP.
 */
class AmrIT {

    /** The dev user's OTP secret from docker/realm/mozaiks-users-0.json. */
    private static final String DEV_MFA_SECRET = "mozaiks-dev-totp-secret-0001";

    @Test
    void mfaAfterPasswordAndOtpButNotAfterALaterPasswordOnlyRelogin() throws Exception {
        CodeFlowLogin browser = CodeFlowLogin.shell();

        String first = browser.login("dev-mfa", "dev-mfa", () -> Totp.now(DEV_MFA_SECRET), Map.of())
                .expect(200).field("access_token");
        assertThat(Fixture.claims(first).getStringListClaim("amr")).containsExactly("mfa", "otp", "pwd");
        assertThat(DotnetPlatformConsumer.hasMfa(Fixture.platform().bearer(first))).isTrue();

        // The user drops the authenticator: the next login in the same SSO session is password only.
        AdminApi admin = Fixture.admin();
        String user = admin.userId("dev-mfa");
        for (JsonNode credential : admin.get("/users/" + user + "/credentials").expect(200).json()) {
            if ("otp".equals(credential.get("type").asText())) {
                admin.delete("/users/" + user + "/credentials/" + credential.get("id").asText()).expect(204);
            }
        }
        Thread.sleep(1100); // completion times are whole seconds

        String second = browser.login("dev-mfa", "dev-mfa", null, Map.of("prompt", "login"))
                .expect(200).field("access_token");
        assertThat(Fixture.claims(second).getStringClaim("sid")).isEqualTo(Fixture.claims(first).getStringClaim("sid"));
        assertThat(Fixture.claims(second).getStringListClaim("amr")).containsExactly("pwd");
        assertThat(DotnetPlatformConsumer.hasMfa(Fixture.platform().bearer(second))).isFalse();
    }

    @Test
    void passwordOnlyLoginHasNoMfa() throws Exception {
        String token = CodeFlowLogin.shell().login("dev-user", "dev-user").expect(200).field("access_token");
        assertThat(Fixture.claims(token).getStringListClaim("amr")).containsExactly("pwd");
    }
}
