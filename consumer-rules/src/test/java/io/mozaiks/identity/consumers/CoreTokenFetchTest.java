package io.mozaiks.identity.consumers;

import io.mozaiks.identity.consumers.http.Reply;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CoreTokenFetchTest {

    private static final String HOSTED_RISK = "would send MOZAIKS_PLATFORM_CLIENT_ID/SECRET to the hosted default tenant";

    @Test
    void anExplicitDiscoveryUrlWins() {
        Map<String, String> env = Map.of(
                "MOZAIKS_OIDC_DISCOVERY_URL", "http://keycloak:8080/realms/mozaiks/.well-known/openid-configuration",
                "MOZAIKS_OIDC_AUTHORITY", "https://other.example.com",
                "MOZAIKS_OIDC_TENANT_ID", "t1");
        assertThat(CoreTokenFetch.discoveryUrl(env)).isEqualTo(new CoreTokenFetch.Discovery(
                "http://keycloak:8080/realms/mozaiks/.well-known/openid-configuration", false));
    }

    @Test
    void withoutItTheHostedDefaultIsBuilt() {
        CoreTokenFetch.Discovery none = CoreTokenFetch.discoveryUrl(Map.of());
        assertThat(none.hostedDefault()).isTrue();
        assertThat(none.url()).isEqualTo(CoreTokenFetch.HOSTED_DEFAULT_URL.replace("{tenant}", CoreTokenFetch.HOSTED_DEFAULT_TENANT_ID));
        assertThat(CoreTokenFetch.discoveryUrl(Map.of("MOZAIKS_OIDC_DISCOVERY_URL", "")).hostedDefault()).isTrue();
        // AUTH_ISSUER/AUTH_JWKS_URL validate tokens but do not steer the fetch.
        assertThat(CoreTokenFetch.discoveryUrl(Map.of("AUTH_ISSUER", "http://127.0.0.1/realms/r",
                "AUTH_JWKS_URL", "http://127.0.0.1/realms/r/protocol/openid-connect/certs")).hostedDefault()).isTrue();
        CoreTokenFetch.Discovery tenantOnly = CoreTokenFetch.discoveryUrl(Map.of("MOZAIKS_OIDC_TENANT_ID", "mine"));
        assertThat(tenantOnly).isEqualTo(new CoreTokenFetch.Discovery(
                "https://hosted-default.invalid/mine/v2.0/.well-known/openid-configuration", true));
    }

    @Test
    void anOverriddenAuthorityIsBuiltInEntraForm() {
        assertThat(CoreTokenFetch.discoveryUrl(Map.of("MOZAIKS_OIDC_AUTHORITY", "https://id.example.com/",
                "MOZAIKS_OIDC_TENANT_ID", "t1"))).isEqualTo(new CoreTokenFetch.Discovery(
                "https://id.example.com/t1/v2.0/.well-known/openid-configuration", false));
    }

    @Test
    void theHostedDefaultIsRefusedBeforeAnyNetworkCall() {
        CountingTransport transport = new CountingTransport();
        Map<String, String> env = Map.of("MOZAIKS_PLATFORM_CLIENT_ID", "mozaiks-core",
                "MOZAIKS_PLATFORM_CLIENT_SECRET", "s3cret", "MOZAIKS_OIDC_TENANT_ID", "mine");
        assertThatThrownBy(() -> CoreTokenFetch.fetch(env, transport))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(HOSTED_RISK)
                .hasMessageNotContaining("s3cret");
        assertThatThrownBy(() -> CoreTokenFetch.fetch(Map.of())).hasMessageContaining(HOSTED_RISK);
        assertThat(transport.calls).hasValue(0);
    }

    @Test
    void itFetchesThroughDiscoveryFromTheLocalIssuer() {
        try (LocalIssuer issuer = LocalIssuer.start()) {
            Map<String, String> env = new HashMap<>(ContractEnv.core(issuer.issuer()));
            env.put("MOZAIKS_PLATFORM_CLIENT_ID", "mozaiks-core");
            env.put("MOZAIKS_PLATFORM_CLIENT_SECRET", "s3cret");
            assertThat(CoreTokenFetch.fetch(env)).isEqualTo(LocalIssuer.ACCESS_TOKEN);
            assertThat(issuer.tokenRequestBodies).containsExactly(
                    "grant_type=client_credentials&client_id=mozaiks-core&client_secret=s3cret");

            env.put("MOZAIKS_PLATFORM_TOKEN_SCOPE", "api://x/.default");
            CoreTokenFetch.fetch(env);
            assertThat(issuer.tokenRequestBodies.get(1)).endsWith("&scope=api%3A%2F%2Fx%2F.default");
            assertThat(issuer.requests).hasValue(4);
        }
    }

    @Test
    void credentialsAreRequired() {
        try (LocalIssuer issuer = LocalIssuer.start()) {
            assertThatThrownBy(() -> CoreTokenFetch.fetch(ContractEnv.core(issuer.issuer())))
                    .hasMessage("MOZAIKS_PLATFORM_CLIENT_ID is required");
            assertThat(issuer.requests).hasValue(0);
        }
    }

    /** Counts calls and answers none: any call at all is a failure of the refusal. */
    private static final class CountingTransport implements CoreTokenFetch.Transport {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public Reply get(String url) {
            calls.incrementAndGet();
            throw new AssertionError("network call to " + url);
        }

        @Override
        public Reply postForm(String url, Map<String, String> form) {
            calls.incrementAndGet();
            throw new AssertionError("network call to " + url);
        }
    }
}
