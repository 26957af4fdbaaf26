package io.mozaiks.identity.compose;

import io.mozaiks.identity.consumers.ContractEnv;
import io.mozaiks.identity.consumers.DotnetPlatformConsumer;
import io.mozaiks.identity.consumers.PluginHostConsumer;
import io.mozaiks.identity.consumers.PythonCoreConsumer;
import io.mozaiks.identity.consumers.Rejected;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each consumer's own rules (the testkit's emulations) on a token of a stack started by compose. */
final class ConsumerChecks {

    private ConsumerChecks() {
    }

    static void userTokenPassesEveryConsumer(String token, String issuer, String jwks) throws Rejected {
        assertThat(PythonCoreConsumer.fromEnv(withJwks(ContractEnv.core(issuer), jwks)).user(token).userId()).isNotBlank();
        DotnetPlatformConsumer.fromEnv(withJwks(ContractEnv.platform(issuer), jwks)).bearer(token);
        assertThat(PluginHostConsumer.fromEnv(withJwks(ContractEnv.pluginHost(issuer), jwks)).authenticate(token).userId()).isNotBlank();
    }

    static void serviceTokenPassesEveryConsumer(String token, String client, String issuer, String jwks) throws Rejected {
        assertThat(DotnetPlatformConsumer.fromEnv(withJwks(ContractEnv.platform(issuer), jwks)).internalBearer(token).clientId())
                .isEqualTo(client);
        assertThat(PythonCoreConsumer.fromEnv(withJwks(ContractEnv.core(issuer), jwks)).internal(token, true).clientId())
                .isEqualTo(client);
    }

    /** The consumer env with its JWKS URL (whatever the variable's name for that consumer) set to {@code jwks}. */
    private static Map<String, String> withJwks(Map<String, String> env, String jwks) {
        Map<String, String> copy = new HashMap<>(env);
        for (String name : List.of("AUTH_JWKS_URL", "MOZAIKS_JWKS_URL", "JWKS_URL")) {
            copy.computeIfPresent(name, (k, v) -> jwks);
        }
        return copy;
    }
}
