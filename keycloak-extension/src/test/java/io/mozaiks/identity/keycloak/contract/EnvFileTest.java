package io.mozaiks.identity.keycloak.contract;

import io.mozaiks.identity.contractenv.ConsumerId;
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
        assertThat(EnvFile.variables(ConsumerId.CORE, PUBLIC, DEFAULTS, null)).containsExactly(
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
        assertThat(EnvFile.variables(ConsumerId.PLUGIN_HOST, PUBLIC, DEFAULTS, null)).containsExactly(
                Map.entry("JWT_ISSUER", ISSUER),
                Map.entry("JWT_AUDIENCE", "mozaiks-api"),
                Map.entry("JWKS_URL", ISSUER + "/protocol/openid-connect/certs"),
                Map.entry("JWT_ALGORITHMS", "RS256"),
                Map.entry("SKIP_AUTH", "false"));
        assertThat(EnvFile.variables(ConsumerId.PLUGIN_HOST, PUBLIC, DEFAULTS, List.of("a")))
                .doesNotContainKey("AUTH_ALLOWED_CLIENT_IDS");
    }

    @Test
    void backchannelMovesDiscoveryAndJwksButKeepsThePublicIssuer() {
        String internal = "http://keycloak:8080/realms/mozaiks";
        EnvFile.Endpoints backchannel = EnvFile.Endpoints.backchannel(ISSUER, internal);
        assertThat(backchannel.issuer()).isEqualTo(ISSUER);

        Map<String, String> core = EnvFile.variables(ConsumerId.CORE, backchannel, DEFAULTS, null);
        assertThat(core).containsEntry("MOZAIKS_OIDC_DISCOVERY_URL", internal + "/.well-known/openid-configuration")
                .containsEntry("MOZAIKS_JWKS_URL", internal + "/protocol/openid-connect/certs")
                .containsEntry("MOZAIKS_ISSUER", ISSUER);
        assertThat(EnvFile.variables(ConsumerId.PLATFORM, backchannel, DEFAULTS, null))
                .containsEntry("AUTH_ISSUER", ISSUER)
                .containsEntry("AUTH_JWKS_URL", internal + "/protocol/openid-connect/certs");
        assertThat(EnvFile.variables(ConsumerId.PLUGIN_HOST, backchannel, DEFAULTS, null))
                .containsEntry("JWT_ISSUER", ISSUER)
                .containsEntry("JWKS_URL", internal + "/protocol/openid-connect/certs");
    }

    @Test
    void platformGetsExactlyTheContractSettings() {
        assertThat(EnvFile.variables(ConsumerId.PLATFORM, PUBLIC, DEFAULTS, null)).containsExactly(
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
        assertThat(EnvFile.variables(ConsumerId.PLATFORM, PUBLIC, DEFAULTS, List.of("a", "b")))
                .containsEntry("AUTH_ALLOWED_CLIENT_IDS", "a,b");
        assertThat(EnvFile.variables(ConsumerId.CORE, PUBLIC, DEFAULTS, List.of("a"))).doesNotContainKey("AUTH_ALLOWED_CLIENT_IDS");
    }

    @Test
    void onlyTheFirstAudienceIsEmitted() {
        ContractSettings two = ContractSettingsParser.parse(Map.of(ContractSettings.AUDIENCE, "api-a,api-b"));
        assertThat(EnvFile.variables(ConsumerId.PLATFORM, PUBLIC, two, null)).containsEntry("AUTH_AUDIENCE", "api-a");
    }

    @Test
    void renderedFileParsesBackToTheSameVariables() {
        Map<String, String> vars = EnvFile.variables(ConsumerId.PLATFORM, PUBLIC, DEFAULTS, null);
        String text = EnvFile.render(ConsumerId.PLATFORM, "mozaiks", ISSUER + "/mozaiks/contract/env/platform", vars);
        assertThat(text).startsWith("# mozaiks contract v1.2:").contains("\nAUTH_PROVIDER=jwt\n");
        assertThat(EnvFile.parse(text)).isEqualTo(vars);
    }

    @Test
    void coresFileNamesThePlatformUrlBesideThePlatformClientButSetsNeither() {
        Map<String, String> vars = EnvFile.variables(ConsumerId.CORE, PUBLIC, DEFAULTS, null);
        String text = EnvFile.render(ConsumerId.CORE, "mozaiks", ISSUER + "/mozaiks/contract/env/core", vars);
        assertThat(text).contains("also set MOZAIKS_PLATFORM_URL\n# to YOUR platform").doesNotContainIgnoringCase("client_secret");
        assertThat(EnvFile.parse(text)).isEqualTo(vars).doesNotContainKeys("MOZAIKS_PLATFORM_URL", "MOZAIKS_PLATFORM_CLIENT_SECRET");
        String platform = EnvFile.render(ConsumerId.PLATFORM, "mozaiks", "src", EnvFile.variables(ConsumerId.PLATFORM, PUBLIC, DEFAULTS, null));
        assertThat(platform).doesNotContain("MOZAIKS_PLATFORM_URL");
    }

    @Test
    void warningsAreCommentLinesOnly() {
        Map<String, String> vars = EnvFile.variables(ConsumerId.PLATFORM, PUBLIC, DEFAULTS, List.of("good"));
        String text = EnvFile.render(ConsumerId.PLATFORM, "mozaiks", "src", vars,
                List.of("a client id was left out\nEVIL=1"));
        assertThat(text).contains("# WARNING: a client id was left out?EVIL=1\n").doesNotContain("\nEVIL=1");
        assertThat(EnvFile.parse(text)).isEqualTo(vars);
    }

    @Test
    void aValueThatCouldInjectALineIsRefused() {
        assertThatThrownBy(() -> EnvFile.variables(ConsumerId.CORE, EnvFile.Endpoints.of(ISSUER + "\nAUTH_AUDIENCE=evil"),
                DEFAULTS, null)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> EnvFile.variables(ConsumerId.CORE, EnvFile.Endpoints.of("http://x/$(id)"), DEFAULTS, null))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> EnvFile.variables(ConsumerId.PLUGIN_HOST, EnvFile.Endpoints.of("http://x/a b"), DEFAULTS, null))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> EnvFile.variables(ConsumerId.PLATFORM, PUBLIC, DEFAULTS, List.of("a\"b")))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void brokenConfigIsRefusedNotGuessed() {
        ContractSettings broken = ContractSettingsParser.parse(Map.of(ContractSettings.REQUIRED_SCOPE, "two words"));
        assertThatThrownBy(() -> EnvFile.variables(ConsumerId.CORE, PUBLIC, broken, null))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(ContractSettings.REQUIRED_SCOPE);
    }

    @Test
    void consumersByPathSegment() {
        assertThat(ConsumerId.fromSegment("core")).contains(ConsumerId.CORE);
        assertThat(ConsumerId.fromSegment("platform")).contains(ConsumerId.PLATFORM);
        assertThat(ConsumerId.fromSegment("plugin-host")).contains(ConsumerId.PLUGIN_HOST);
        assertThat(ConsumerId.fromSegment("CORE")).isEmpty();
    }
}
