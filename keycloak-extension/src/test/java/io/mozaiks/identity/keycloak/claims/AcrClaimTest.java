package io.mozaiks.identity.keycloak.claims;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AcrClaimTest {

    @ParameterizedTest
    @ValueSource(strings = {"mfa", "MFA-high", "urn:x:mfa", "Mfa", "loa-mfa-2"})
    void anAcrClaimingMfaIsRemovedWithoutTheContractsMfa(String acr) {
        assertThat(AcrClaim.keep(acr, List.of())).isFalse();
        assertThat(AcrClaim.keep(acr, List.of("pwd"))).isFalse();
        assertThat(AcrClaim.keep(acr, List.of("otp", "pwd"))).isFalse();
        assertThat(AcrClaim.keep(acr, null)).isFalse();
        assertThat(AcrClaim.keep(acr, List.of("MFA"))).as("amr values are exact RFC 8176 names").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mfa", "MFA-high", "urn:x:mfa"})
    void anAcrClaimingMfaIsKeptWithTheContractsMfa(String acr) {
        assertThat(AcrClaim.keep(acr, List.of("mfa", "otp", "pwd"))).isTrue();
    }

    @Test
    void otherValuesAreKeycloaksOwn() {
        assertThat(AcrClaim.keep("1", List.of())).isTrue();
        assertThat(AcrClaim.keep("0", null)).isTrue();
        assertThat(AcrClaim.keep("gold", List.of("pwd"))).isTrue();
        assertThat(AcrClaim.keep(null, List.of())).isTrue();
    }
}
