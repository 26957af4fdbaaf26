package io.mozaiks.identity.compose;

import io.mozaiks.identity.consumers.ConsumerProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Offline: the checks point every consumer at the given JWKS in the variables it reads. */
class ConsumerChecksTest {

    private static final String ISSUER = "http://localhost:8080/realms/mozaiks";
    private static final String JWKS = "http://keycloak:8080/realms/mozaiks/protocol/openid-connect/certs";

    @Test
    void coreIsGivenIssuerAndJwksItReadsNotTheDirectorsVariable() {
        Map<String, String> core = ConsumerChecks.withJwks(ConsumerProfile.CORE, ISSUER, JWKS);
        assertThat(core).containsEntry("AUTH_ISSUER", ISSUER).containsEntry("AUTH_JWKS_URL", JWKS);
        assertThat(ConsumerChecks.withJwks(ConsumerProfile.PLATFORM, ISSUER, JWKS)).containsEntry("AUTH_JWKS_URL", JWKS);
        assertThat(ConsumerChecks.withJwks(ConsumerProfile.PLUGIN_HOST, ISSUER, JWKS)).containsEntry("JWKS_URL", JWKS);
        for (ConsumerProfile consumer : ConsumerProfile.ALL) {
            Map<String, String> env = ConsumerChecks.withJwks(consumer, ISSUER, JWKS);
            assertThat(consumer.issuer(env)).as(consumer.toString()).isEqualTo(ISSUER);
        }
    }
}
