package io.mozaiks.identity.keycloak.it;

import io.mozaiks.identity.keycloak.contract.EnvFile;
import io.mozaiks.identity.consumers.ContractEnv;
import io.mozaiks.identity.consumers.CoreTokenFetch;
import io.mozaiks.identity.consumers.Principal;
import io.mozaiks.identity.consumers.PythonCoreConsumer;
import io.mozaiks.identity.consumers.http.Http;
import io.mozaiks.identity.testkit.server.TestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.mozaiks.identity.keycloak.it.Fixture.CORE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * mozaiks-core FETCHES service tokens too (its client_credentials.py), finding the token endpoint only
 * through discovery. For every core env we publish or document: the discovery URL is this Keycloak (asserted
 * before any network call, so the hosted default is never contacted), the token comes from the discovered
 * token endpoint with mozaiks-core's secret, and core's own validator accepts it as internal_service.
 */
class CoreTokenFetchIT {

    private static Map<String, String> withCredentials(Map<String, String> env) {
        Map<String, String> all = new HashMap<>(env);
        all.put("MOZAIKS_PLATFORM_CLIENT_ID", CORE);
        all.put("MOZAIKS_PLATFORM_CLIENT_SECRET", Fixture.admin().clientSecret(CORE));
        return all;
    }

    private static Map<String, String> env(String source) {
        return switch (source) {
            case "documented" -> ContractEnv.core(TestServer.issuer());
            case "endpoint" -> EnvFile.parse(ContractEndpointIT.get("/env/core").expect(200).body());
            // The in-network variant, asked on another address of the same server (as a container would).
            case "backchannel" -> EnvFile.parse(Http.get(ContractEndpointIT.url("/env/core?backchannel=true")
                    .replace("127.0.0.1", "localhost")).expect(200).body());
            default -> throw new IllegalArgumentException(source);
        };
    }

    @ParameterizedTest
    @ValueSource(strings = {"documented", "endpoint", "backchannel"})
    void coreFetchesItsServiceTokenFromThisKeycloak(String source) throws Exception {
        Map<String, String> env = withCredentials(env(source));
        CoreTokenFetch.Discovery discovery = CoreTokenFetch.discoveryUrl(env);
        assertThat(discovery.hostedDefault()).isFalse();
        if ("backchannel".equals(source)) {
            assertThat(discovery.url()).contains("://localhost:").endsWith("/realms/mozaiks/.well-known/openid-configuration");
            assertThat(env.get("MOZAIKS_ISSUER")).isEqualTo(TestServer.issuer()); // the issuer stays the public one
        } else {
            assertThat(discovery.url()).isEqualTo(TestServer.issuer() + "/.well-known/openid-configuration");
        }

        String token = CoreTokenFetch.fetch(env);
        Principal principal = PythonCoreConsumer.fromEnv(env).internal(token, true);
        assertThat(principal.clientId()).isEqualTo(CORE);
        assertThat(principal.roles()).containsExactly("internal_service");
    }

    /** The compose file's env of contract 1.0 (issuer and JWKS, no discovery URL): validation works, fetching must not start. */
    @Test
    void anEnvWithoutDiscoveryUrlIsRefusedBeforeAnyNetworkCall() throws Exception {
        Map<String, String> v10 = withCredentials(Map.of(
                "AUTH_ISSUER", TestServer.issuer(),
                "AUTH_JWKS_URL", TestServer.issuer() + "/protocol/openid-connect/certs",
                "AUTH_AUDIENCE", "mozaiks-api"));
        PythonCoreConsumer.fromEnv(v10).internal(Fixture.serviceToken(CORE), true); // the validator is content
        assertThat(CoreTokenFetch.discoveryUrl(v10).hostedDefault()).isTrue();
        assertThatThrownBy(() -> CoreTokenFetch.fetch(v10)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("hosted default");
    }
}
