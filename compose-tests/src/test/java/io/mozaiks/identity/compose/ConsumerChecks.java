package io.mozaiks.identity.compose;

import io.mozaiks.identity.consumers.CallerKind;
import io.mozaiks.identity.consumers.ConsumerProfile;
import io.mozaiks.identity.consumers.Rejected;
import io.mozaiks.identity.consumers.TokenScheme;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each consumer's own rules (consumer-rules' profiles) on a token of a stack started by compose: every scheme of
 * every consumer meant for that kind of caller, each consumer validating against the keys at {@code jwks}.
 */
final class ConsumerChecks {

    private ConsumerChecks() {
    }

    static void userTokenPassesEveryConsumer(String token, String issuer, String jwks) throws Rejected {
        for (ConsumerProfile consumer : ConsumerProfile.ALL) {
            for (TokenScheme scheme : consumer.schemesFor(CallerKind.USER)) {
                assertThat(scheme.check(withJwks(consumer, issuer, jwks), token).userId()).as(scheme.title()).isNotBlank();
            }
        }
    }

    static void serviceTokenPassesEveryConsumer(String token, String client, String issuer, String jwks) throws Rejected {
        for (ConsumerProfile consumer : ConsumerProfile.ALL) {
            for (TokenScheme scheme : consumer.schemesFor(CallerKind.SERVICE)) {
                assertThat(scheme.check(withJwks(consumer, issuer, jwks), token).clientId()).as(scheme.title()).isEqualTo(client);
            }
        }
    }

    /**
     * The consumer's env document with the consumer taking its keys from {@code jwks}, set in the variables that
     * consumer really reads for that (core: AUTH_ISSUER with AUTH_JWKS_URL, never MOZAIKS_JWKS_URL).
     */
    static Map<String, String> withJwks(ConsumerProfile consumer, String issuer, String jwks) {
        return consumer.withKeysAt(consumer.document(issuer), issuer, jwks);
    }
}
