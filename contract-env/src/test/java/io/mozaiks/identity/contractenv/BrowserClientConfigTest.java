package io.mozaiks.identity.contractenv;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrowserClientConfigTest {

    private static final String ISSUER = "https://id.example.test/realms/mozaiks";

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:3000", "https://app.example.test", "http://127.0.0.1:5173", "http://[::1]:3000"})
    void canonicalOriginsAreTakenAsTheyAre(String origin) {
        assertThat(BrowserOrigin.parse(origin).value()).isEqualTo(origin);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:3000/", "http://localhost:3000/app", "localhost:3000", "ftp://x",
            "javascript:alert(1)", "http://u@localhost", "http://localhost?x=1", "http://localhost#f", "HTTP://localhost",
            "http://LOCALHOST", "http://localhost:3000\nVITE_AUTH_CLIENT_ID=evil", "http://local host", "//localhost",
            "http://localhost:3000/*", "http://x$(id)"})
    void anythingElseIsRefusedWithTheReason(String origin) {
        assertThatThrownBy(() -> BrowserOrigin.parse(origin)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scheme://host[:port]").hasMessageNotContaining("\n");
    }

    @Test
    void theShellDocumentIsTheShellsOwnNamesWithItsDefaults() {
        ShellConfig.Values values = new ShellConfig.Values(ISSUER, "mozaiks-shell", BrowserOrigin.parse(BrowserOrigin.DEV_DEFAULT),
                "access_as_user");
        assertThat(ShellConfig.variables(values)).containsExactly(
                Map.entry("VITE_AUTH_AUTHORITY", ISSUER),
                Map.entry("VITE_AUTH_CLIENT_ID", "mozaiks-shell"),
                Map.entry("VITE_AUTH_REDIRECT_URI", "http://localhost:3000/auth/callback"),
                Map.entry("VITE_AUTH_POST_LOGOUT_REDIRECT_URI", "http://localhost:3000/"),
                Map.entry("VITE_AUTH_API_SCOPE", "access_as_user"));
        assertThat(ShellConfig.runtimeConfig(values)).containsExactly(
                Map.entry("authority", ISSUER),
                Map.entry("clientId", "mozaiks-shell"),
                Map.entry("redirectUri", "http://localhost:3000/auth/callback"),
                Map.entry("postLogoutRedirectUri", "http://localhost:3000/"),
                Map.entry("scope", "openid profile email"),
                Map.entry("apiScope", "access_as_user"));
        ShellConfig.Values noApiScope = new ShellConfig.Values(ISSUER, "mozaiks-shell", BrowserOrigin.parse("https://a.test"), null);
        assertThat(ShellConfig.variables(noApiScope)).doesNotContainKey("VITE_AUTH_API_SCOPE");
        assertThat(ShellConfig.runtimeConfig(noApiScope)).doesNotContainKey("apiScope");
        // Round trip through the one dotenv render and parse.
        assertThat(DotEnv.parse(DotEnv.render(ShellConfig.variables(values)))).isEqualTo(ShellConfig.variables(values));
    }

    @Test
    void anUnsafeValueIsRefusedNeverQuoted() {
        assertThatThrownBy(() -> ShellConfig.variables(new ShellConfig.Values(ISSUER + " x", "mozaiks-shell",
                BrowserOrigin.parse("https://a.test"), null))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> SuccessorUiConfig.document(new SuccessorUiConfig.Values(ISSUER, "mozaiks", "a\"b", "openid")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("keycloak.clientId");
        assertThatThrownBy(() -> SuccessorUiConfig.document(new SuccessorUiConfig.Values(ISSUER, "mozaiks", "c", "openid  x")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("keycloak.scopes");
    }

    @Test
    void theSuccessorUiFragmentReadsRolesFromTheContractsClaim() {
        assertThat(SuccessorUiConfig.document(new SuccessorUiConfig.Values(ISSUER, "mozaiks", "mozaiks-shell",
                "openid profile email access_as_user"))).isEqualTo(Map.of(
                "keycloak", Map.of("authority", ISSUER, "realm", "mozaiks", "clientId", "mozaiks-shell",
                        "scopes", "openid profile email access_as_user"),
                "roles", Map.of("claimPath", "roles", "admin", "admin")));
    }
}
