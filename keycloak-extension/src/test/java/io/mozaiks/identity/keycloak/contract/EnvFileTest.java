package io.mozaiks.identity.keycloak.contract;

import io.mozaiks.identity.keycloak.contract.EnvFile.Consumer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvFileTest {

    private static final String ISSUER = "http://127.0.0.1:8080/realms/mozaiks";
    private static final ContractSettings DEFAULTS = ContractSettingsParser.parse(Map.of());

    @Test
    void coreGetsExactlyTheContractSettings() {
        assertThat(EnvFile.variables(Consumer.CORE, ISSUER, DEFAULTS, null)).containsExactly(
                Map.entry("MOZAIKS_OIDC_DISCOVERY_URL", ISSUER + "/.well-known/openid-configuration"),
                Map.entry("AUTH_AUDIENCE", "mozaiks-api"),
                Map.entry("AUTH_REQUIRED_SCOPE", "access_as_user"),
                Map.entry("AUTH_ROLES_CLAIM", "roles"));
    }

    @Test
    void platformGetsExactlyTheContractSettings() {
        assertThat(EnvFile.variables(Consumer.PLATFORM, ISSUER, DEFAULTS, null)).containsExactly(
                Map.entry("AUTH_PROVIDER", "jwt"),
                Map.entry("AUTH_ISSUER", ISSUER),
                Map.entry("AUTH_JWKS_URL", ISSUER + "/protocol/openid-connect/certs"),
                Map.entry("AUTH_AUDIENCE", "mozaiks-api"),
                Map.entry("AUTH_REQUIRED_SCOPE", "access_as_user"),
                Map.entry("AUTH_ROLES_CLAIM", "roles"),
                Map.entry("AUTH_TENANT_CLAIM", "tid"));
    }

    @Test
    void adminVariantAddsTheAllowList() {
        assertThat(EnvFile.variables(Consumer.PLATFORM, ISSUER, DEFAULTS, List.of("a", "b")))
                .containsEntry("AUTH_ALLOWED_CLIENT_IDS", "a,b");
        assertThat(EnvFile.variables(Consumer.CORE, ISSUER, DEFAULTS, List.of("a"))).doesNotContainKey("AUTH_ALLOWED_CLIENT_IDS");
    }

    @Test
    void onlyTheFirstAudienceIsEmitted() {
        ContractSettings two = ContractSettingsParser.parse(Map.of(ContractSettings.AUDIENCE, "api-a,api-b"));
        assertThat(EnvFile.variables(Consumer.PLATFORM, ISSUER, two, null)).containsEntry("AUTH_AUDIENCE", "api-a");
    }

    @Test
    void renderedFileParsesBackToTheSameVariables() {
        Map<String, String> vars = EnvFile.variables(Consumer.PLATFORM, ISSUER, DEFAULTS, null);
        String text = EnvFile.render(Consumer.PLATFORM, "mozaiks", ISSUER + "/mozaiks/contract/env/platform", vars);
        assertThat(text).startsWith("# mozaiks contract v1").contains("\nAUTH_PROVIDER=jwt\n");
        assertThat(EnvFile.parse(text)).isEqualTo(vars);
    }

    @Test
    void aValueThatCouldInjectALineIsRefused() {
        assertThatThrownBy(() -> EnvFile.variables(Consumer.CORE, ISSUER + "\nAUTH_AUDIENCE=evil", DEFAULTS, null))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> EnvFile.variables(Consumer.CORE, "http://x/$(id)", DEFAULTS, null))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void brokenConfigIsRefusedNotGuessed() {
        ContractSettings broken = ContractSettingsParser.parse(Map.of(ContractSettings.REQUIRED_SCOPE, "two words"));
        assertThatThrownBy(() -> EnvFile.variables(Consumer.CORE, ISSUER, broken, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(ContractSettings.REQUIRED_SCOPE);
    }

    @Test
    void consumersByPathSegment() {
        assertThat(Consumer.fromSegment("core")).contains(Consumer.CORE);
        assertThat(Consumer.fromSegment("platform")).contains(Consumer.PLATFORM);
        assertThat(Consumer.fromSegment("CORE")).isEmpty();
    }
}
