package io.mozaiks.identity.keycloak.contract;

import io.mozaiks.identity.keycloak.contract.EnvFile.Consumer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvFileTest {

    private static final String ISSUER = "http://127.0.0.1:8080/realms/mozaiks";
    private static final EnvFile.Endpoints PUBLIC = EnvFile.Endpoints.of(ISSUER);
    private static final ContractSettings DEFAULTS = ContractSettingsParser.parse(Map.of());

    @Test
    void coreGetsExactlyTheContractSettings() {
        assertThat(EnvFile.variables(Consumer.CORE, PUBLIC, DEFAULTS, null)).containsExactly(
                Map.entry("MOZAIKS_OIDC_DISCOVERY_URL", ISSUER + "/.well-known/openid-configuration"),
                Map.entry("AUTH_ENABLED", "true"),
                Map.entry("AUTH_AUDIENCE", "mozaiks-api"),
                Map.entry("AUTH_REQUIRED_SCOPE", "access_as_user"),
                Map.entry("AUTH_ROLES_CLAIM", "roles"),
                Map.entry("MOZAIKS_ISSUER", ISSUER),
                Map.entry("MOZAIKS_JWKS_URL", ISSUER + "/protocol/openid-connect/certs"),
                Map.entry("MOZAIKS_AUDIENCE", "mozaiks-api"));
    }

    @Test
    void pluginHostGetsExactlyTheContractSettings() {
        assertThat(EnvFile.variables(Consumer.PLUGIN_HOST, PUBLIC, DEFAULTS, null)).containsExactly(
                Map.entry("JWT_ISSUER", ISSUER),
                Map.entry("JWT_AUDIENCE", "mozaiks-api"),
                Map.entry("JWKS_URL", ISSUER + "/protocol/openid-connect/certs"),
                Map.entry("JWT_ALGORITHMS", "RS256"),
                Map.entry("SKIP_AUTH", "false"));
        assertThat(EnvFile.variables(Consumer.PLUGIN_HOST, PUBLIC, DEFAULTS, List.of("a")))
                .doesNotContainKey("AUTH_ALLOWED_CLIENT_IDS");
    }

    @Test
    void backchannelMovesDiscoveryAndJwksButKeepsThePublicIssuer() {
        String internal = "http://keycloak:8080/realms/mozaiks";
        EnvFile.Endpoints backchannel = EnvFile.Endpoints.backchannel(ISSUER, internal);
        assertThat(backchannel.issuer()).isEqualTo(ISSUER);

        Map<String, String> core = EnvFile.variables(Consumer.CORE, backchannel, DEFAULTS, null);
        assertThat(core).containsEntry("MOZAIKS_OIDC_DISCOVERY_URL", internal + "/.well-known/openid-configuration")
                .containsEntry("MOZAIKS_JWKS_URL", internal + "/protocol/openid-connect/certs")
                .containsEntry("MOZAIKS_ISSUER", ISSUER);
        assertThat(EnvFile.variables(Consumer.PLATFORM, backchannel, DEFAULTS, null))
                .containsEntry("AUTH_ISSUER", ISSUER)
                .containsEntry("AUTH_JWKS_URL", internal + "/protocol/openid-connect/certs");
        assertThat(EnvFile.variables(Consumer.PLUGIN_HOST, backchannel, DEFAULTS, null))
                .containsEntry("JWT_ISSUER", ISSUER)
                .containsEntry("JWKS_URL", internal + "/protocol/openid-connect/certs");
    }

    @Test
    void platformGetsExactlyTheContractSettings() {
        assertThat(EnvFile.variables(Consumer.PLATFORM, PUBLIC, DEFAULTS, null)).containsExactly(
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
        assertThat(EnvFile.variables(Consumer.PLATFORM, PUBLIC, DEFAULTS, List.of("a", "b")))
                .containsEntry("AUTH_ALLOWED_CLIENT_IDS", "a,b");
        assertThat(EnvFile.variables(Consumer.CORE, PUBLIC, DEFAULTS, List.of("a"))).doesNotContainKey("AUTH_ALLOWED_CLIENT_IDS");
    }

    @Test
    void onlyTheFirstAudienceIsEmitted() {
        ContractSettings two = ContractSettingsParser.parse(Map.of(ContractSettings.AUDIENCE, "api-a,api-b"));
        assertThat(EnvFile.variables(Consumer.PLATFORM, PUBLIC, two, null)).containsEntry("AUTH_AUDIENCE", "api-a");
    }

    @Test
    void renderedFileParsesBackToTheSameVariables() {
        Map<String, String> vars = EnvFile.variables(Consumer.PLATFORM, PUBLIC, DEFAULTS, null);
        String text = EnvFile.render(Consumer.PLATFORM, "mozaiks", ISSUER + "/mozaiks/contract/env/platform", vars);
        assertThat(text).startsWith("# mozaiks contract v1.2:").contains("\nAUTH_PROVIDER=jwt\n");
        assertThat(EnvFile.parse(text)).isEqualTo(vars);
    }

    @Test
    void warningsAreCommentLinesOnly() {
        Map<String, String> vars = EnvFile.variables(Consumer.PLATFORM, PUBLIC, DEFAULTS, List.of("good"));
        String text = EnvFile.render(Consumer.PLATFORM, "mozaiks", "src", vars,
                List.of("a client id was left out\nEVIL=1"));
        assertThat(text).contains("# WARNING: a client id was left out?EVIL=1\n").doesNotContain("\nEVIL=1");
        assertThat(EnvFile.parse(text)).isEqualTo(vars);
    }

    @Test
    void aValueThatCouldInjectALineIsRefused() {
        assertThatThrownBy(() -> EnvFile.variables(Consumer.CORE, EnvFile.Endpoints.of(ISSUER + "\nAUTH_AUDIENCE=evil"),
                DEFAULTS, null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> EnvFile.variables(Consumer.CORE, EnvFile.Endpoints.of("http://x/$(id)"), DEFAULTS, null))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> EnvFile.variables(Consumer.PLUGIN_HOST, EnvFile.Endpoints.of("http://x/a b"), DEFAULTS, null))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> EnvFile.variables(Consumer.PLATFORM, PUBLIC, DEFAULTS, List.of("a\"b")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void brokenConfigIsRefusedNotGuessed() {
        ContractSettings broken = ContractSettingsParser.parse(Map.of(ContractSettings.REQUIRED_SCOPE, "two words"));
        assertThatThrownBy(() -> EnvFile.variables(Consumer.CORE, PUBLIC, broken, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(ContractSettings.REQUIRED_SCOPE);
    }

    @Test
    void consumersByPathSegment() {
        assertThat(Consumer.fromSegment("core")).contains(Consumer.CORE);
        assertThat(Consumer.fromSegment("platform")).contains(Consumer.PLATFORM);
        assertThat(Consumer.fromSegment("plugin-host")).contains(Consumer.PLUGIN_HOST);
        assertThat(Consumer.fromSegment("CORE")).isEmpty();
    }
}
