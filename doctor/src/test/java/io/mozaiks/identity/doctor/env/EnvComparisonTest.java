package io.mozaiks.identity.doctor.env;

import io.mozaiks.identity.consumers.ConsumerProfile;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EnvComparisonTest {

    private static final String ISSUER = "https://id.example.com/realms/mozaiks";

    @Test
    void aVariableTheConsumerReadsButTheDocumentDoesNotSetIsExtraOthersAreIgnored() {
        Map<String, String> expected = ConsumerProfile.CORE.document(ISSUER);
        Map<String, String> actual = new HashMap<>(expected);
        actual.put("AUTH_JWKS_URL", "http://elsewhere/certs");   // core reads it
        actual.put("JWKS_URL", "http://elsewhere/certs");        // only plugin-host reads it
        actual.put("PATH", "/usr/bin");
        assertThat(EnvComparison.compare(ConsumerProfile.CORE, actual, expected))
                .extracting(EnvComparison.Difference::kind, EnvComparison.Difference::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("EXTRA", "AUTH_JWKS_URL"));
        assertThat(EnvComparison.compare(ConsumerProfile.PLUGIN_HOST, Map.of("AUTH_JWKS_URL", "x"),
                ConsumerProfile.PLUGIN_HOST.document(ISSUER))).extracting(EnvComparison.Difference::kind)
                .containsOnly("MISSING");
    }

    @Test
    void theDocumentIsAskedWhereTheConsumerReachesKeycloak() {
        assertThat(EnvCommand.contractUrl(ConsumerProfile.PLATFORM, ISSUER, ISSUER + "/protocol/openid-connect/certs"))
                .isEqualTo(ISSUER + "/mozaiks/contract/env/platform");
        Map<String, String> inNetwork = ConsumerProfile.CORE.document(ISSUER);
        inNetwork = new HashMap<>(inNetwork);
        inNetwork.put("MOZAIKS_OIDC_DISCOVERY_URL", "http://keycloak:8080/realms/mozaiks/.well-known/openid-configuration");
        assertThat(EnvCommand.contractUrl(ConsumerProfile.CORE, ConsumerProfile.CORE.issuer(inNetwork),
                ConsumerProfile.CORE.keysUrl(inNetwork)))
                .isEqualTo("http://keycloak:8080/realms/mozaiks/mozaiks/contract/env/core?backchannel=true");
    }
}
