package io.mozaiks.identity.keycloak.endpoint;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ClientRedirectsTest {

    private static final Set<String> DEV = Set.of("http://localhost:3000/*", "http://localhost:5173/*");

    @Test
    void exactOrTrailingWildcardPrefix() {
        assertThat(ClientRedirects.allows(DEV, "http://localhost:3000/auth/callback")).isTrue();
        assertThat(ClientRedirects.allows(DEV, "http://localhost:3001/auth/callback")).isFalse();
        assertThat(ClientRedirects.allows(Set.of("https://a.test/auth/callback"), "https://a.test/auth/callback")).isTrue();
        assertThat(ClientRedirects.allows(Set.of("https://a.test/auth/callback"), "https://a.test/")).isFalse();
        // A relative pattern (resolved by Keycloak against the root URL) never matches here: a warning, not a pass.
        assertThat(ClientRedirects.allows(Set.of("/*"), "http://localhost:3000/")).isFalse();
    }

    @Test
    void postLogoutPlusMeansTheRedirectUris() {
        assertThat(ClientRedirects.postLogoutPatterns("+", DEV)).containsExactlyInAnyOrderElementsOf(DEV);
        assertThat(ClientRedirects.postLogoutPatterns("https://a.test/*##+", Set.of("x"))).containsExactly("https://a.test/*", "x");
        assertThat(ClientRedirects.postLogoutPatterns(null, DEV)).isEmpty();
    }

    @Test
    void warningsNameWhatTheClientLacks() {
        assertThat(ClientRedirects.warnings("mozaiks-shell", DEV, "http://localhost:3000/*##http://localhost:5173/*",
                "http://localhost:3000/auth/callback", "http://localhost:3000/")).isEmpty();
        List<String> warnings = ClientRedirects.warnings("mozaiks-shell", DEV, null, "https://b.test/auth/callback", "https://b.test/");
        assertThat(warnings).hasSize(2);
        assertThat(warnings.get(0)).contains("https://b.test/auth/callback").contains("Valid redirect URIs");
        assertThat(warnings.get(1)).contains("https://b.test/").contains("post logout");
    }
}
