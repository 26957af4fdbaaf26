package io.mozaiks.identity.doctor.env;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class BrowserDocumentTest {

    private static final String ISSUER = "https://id.example.test/realms/mozaiks";

    @Test
    void theShellIsComparedForTheOriginOfItsRedirectUri() throws Exception {
        Map<String, String> shell = BrowserDocument.SHELL.read("export VITE_AUTH_AUTHORITY=" + ISSUER
                + "\nVITE_AUTH_REDIRECT_URI=\"https://app.example.test/auth/callback\"\nVITE_AUTH_SCOPE=openid\n");
        assertThat(BrowserDocument.SHELL.issuer(shell)).isEqualTo(ISSUER);
        assertThat(BrowserDocument.SHELL.url(ISSUER, shell))
                .isEqualTo(ISSUER + "/mozaiks/contract/env/shell?origin=https%3A%2F%2Fapp.example.test");
        assertThat(BrowserDocument.SHELL.url(ISSUER, Map.of())).endsWith("?origin=http%3A%2F%2Flocalhost%3A3000");
        // Only what the document sets is compared: the shell's own VITE_AUTH_SCOPE is its business.
        assertThat(EnvComparison.compareSet(shell, Map.of("VITE_AUTH_AUTHORITY", ISSUER, "VITE_AUTH_CLIENT_ID", "mozaiks-shell")))
                .extracting(EnvComparison.Difference::kind, EnvComparison.Difference::name)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MISSING", "VITE_AUTH_CLIENT_ID"));
    }

    @Test
    void theSuccessorUiIsItsAuthJsonKeycloakAndRolesValues() throws Exception {
        String authJson = "{\"keycloak\":{\"authority\":\"" + ISSUER + "\",\"realm\":\"mozaiks\",\"clientId\":\"mozaiks-app\","
                + "\"pkce\":true},\"roles\":{\"claimPath\":\"realm_access.roles\",\"admin\":\"admin\"},\"brand\":{\"name\":\"x\"}}";
        Map<String, String> actual = BrowserDocument.SUCCESSOR_UI.read(authJson);
        assertThat(actual).containsEntry("keycloak.clientId", "mozaiks-app").containsEntry("roles.claimPath", "realm_access.roles")
                .doesNotContainKey("brand.name");
        assertThat(BrowserDocument.SUCCESSOR_UI.url(ISSUER, actual)).isEqualTo(ISSUER + "/mozaiks/contract/env/successor-ui");
        Map<String, String> expected = BrowserDocument.SUCCESSOR_UI.expected("{\"keycloak\":{\"authority\":\"" + ISSUER
                + "\",\"clientId\":\"mozaiks-shell\"},\"roles\":{\"claimPath\":\"roles\",\"admin\":\"admin\"}}");
        assertThat(EnvComparison.compareSet(actual, expected)).extracting(EnvComparison.Difference::name)
                .containsExactly("keycloak.clientId", "roles.claimPath");
    }
}
