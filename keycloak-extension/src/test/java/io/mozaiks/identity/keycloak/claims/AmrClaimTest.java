package io.mozaiks.identity.keycloak.claims;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AmrClaimTest {

    private static final Map<String, String> AUTHENTICATORS = Map.of(
            "pwd-exec", "auth-username-password-form",
            "otp-exec", "auth-otp-form",
            "cookie-exec", "auth-cookie",
            "webauthn-exec", "webauthn-authenticator",
            "passkey-exec", "webauthn-authenticator-passwordless");

    private static List<String> amr(Map<String, Integer> completed) {
        return AmrClaim.compute(completed, Integer.MIN_VALUE, id -> Optional.ofNullable(AUTHENTICATORS.get(id)));
    }

    @Test
    void passwordAndOtpInOneLoginIsMfa() {
        assertThat(amr(Map.of("pwd-exec", 100, "otp-exec", 105))).containsExactly("mfa", "otp", "pwd");
    }

    @Test
    void passwordOnlyIsNotMfa() {
        assertThat(amr(Map.of("pwd-exec", 100))).containsExactly("pwd");
    }

    @Test
    void laterPasswordOnlyReloginDropsTheOldOtp() {
        assertThat(amr(Map.of("pwd-exec", 200, "otp-exec", 105))).containsExactly("pwd");
    }

    @Test
    void reloginWithOtpAgainIsMfaAgain() {
        assertThat(amr(Map.of("pwd-exec", 200, "otp-exec", 201))).containsExactly("mfa", "otp", "pwd");
    }

    @Test
    void twoPossessionFactorsAreNotTwoClasses() {
        assertThat(amr(Map.of("passkey-exec", 100, "webauthn-exec", 101))).containsExactly("hwk");
    }

    @Test
    void ssoCookieAndUnknownStepsProveNothing() {
        Map<String, Integer> completed = new LinkedHashMap<>();
        completed.put("pwd-exec", 100);
        completed.put("cookie-exec", 300);
        completed.put("deleted-exec", 300);
        assertThat(amr(completed)).containsExactly("pwd");
    }

    @Test
    void withoutAFirstFactorNothingIsClaimed() {
        assertThat(amr(Map.of("otp-exec", 100))).isEmpty();
        assertThat(amr(Map.of())).isEmpty();
    }

    @Test
    void stepsOlderThanTheLongestSessionDoNotCount() {
        Map<String, Integer> completed = Map.of("pwd-exec", 100, "otp-exec", 105);
        assertThat(AmrClaim.compute(completed, AmrClaim.notBefore(36_104, 36_000), id -> Optional.ofNullable(AUTHENTICATORS.get(id))))
                .as("the password is older than the session may live, so this login's first factor is unknown")
                .isEmpty();
        assertThat(AmrClaim.compute(completed, AmrClaim.notBefore(36_100, 36_000), id -> Optional.ofNullable(AUTHENTICATORS.get(id))))
                .containsExactly("mfa", "otp", "pwd");
    }

    @Test
    void noSessionLimitMeansNoCutOff() {
        assertThat(AmrClaim.notBefore(1_000, 0)).isEqualTo(Integer.MIN_VALUE);
        assertThat(AmrClaim.notBefore(1_000, 600)).isEqualTo(400);
    }

    @Test
    void stepsBeforeTheLatestLoginsWindowDoNotCount() {
        // Password and OTP at 100/105; the latest login (through an identity provider) ended at 4000.
        int notBefore = AmrClaim.notBefore(4_000, 36_000, 4_000, 1_800);
        assertThat(notBefore).isEqualTo(2_200);
        assertThat(AmrClaim.compute(Map.of("pwd-exec", 100, "otp-exec", 105), notBefore,
                id -> Optional.ofNullable(AUTHENTICATORS.get(id)))).isEmpty();
        // A slow OTP within the same login still counts: the login ended at 1000, within the timeout.
        assertThat(AmrClaim.compute(Map.of("pwd-exec", 100, "otp-exec", 900), AmrClaim.notBefore(1_200, 36_000, 1_000, 1_800),
                id -> Optional.ofNullable(AUTHENTICATORS.get(id)))).containsExactly("mfa", "otp", "pwd");
        assertThat(AmrClaim.notBefore(4_000, 0, null, 1_800)).isEqualTo(Integer.MIN_VALUE);
    }
}
