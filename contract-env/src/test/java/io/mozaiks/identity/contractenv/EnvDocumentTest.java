package io.mozaiks.identity.contractenv;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvDocumentTest {

    private static final String ISSUER = "https://id.example.com/realms/mozaiks";
    private static final String INTERNAL = "http://keycloak:8080/realms/mozaiks";

    private static EnvDocument.Values values(List<String> allowed) {
        return new EnvDocument.Values(ISSUER, WellKnown.discoveryUrl(INTERNAL), WellKnown.jwksUrl(INTERNAL), "api",
                "access_as_user", "roles", "tid", allowed);
    }

    @Test
    void eachDocumentSetsWhatItsConsumerReadsInAStableOrder() {
        assertThat(EnvDocument.variables(ConsumerId.CORE, values(null))).containsExactly(
                Map.entry("MOZAIKS_OIDC_DISCOVERY_URL", INTERNAL + "/.well-known/openid-configuration"),
                Map.entry("AUTH_ENABLED", "true"),
                Map.entry("AUTH_AUDIENCE", "api"),
                Map.entry("AUTH_REQUIRED_SCOPE", "access_as_user"),
                Map.entry("AUTH_ROLES_CLAIM", "roles"),
                Map.entry("MOZAIKS_ISSUER", ISSUER),
                Map.entry("MOZAIKS_JWKS_URL", INTERNAL + "/protocol/openid-connect/certs"),
                Map.entry("MOZAIKS_AUDIENCE", "api"));
        assertThat(EnvDocument.variables(ConsumerId.PLATFORM, values(List.of("a", "b")))).containsExactly(
                Map.entry("AUTH_PROVIDER", "jwt"),
                Map.entry("AUTH_ISSUER", ISSUER),
                Map.entry("AUTH_JWKS_URL", INTERNAL + "/protocol/openid-connect/certs"),
                Map.entry("AUTH_AUDIENCE", "api"),
                Map.entry("AUTH_REQUIRED_SCOPE", "access_as_user"),
                Map.entry("AUTH_ROLES_CLAIM", "roles"),
                Map.entry("AUTH_TENANT_CLAIM", "tid"),
                Map.entry("AUTH_ALLOWED_CLIENT_IDS", "a,b"));
        assertThat(EnvDocument.variables(ConsumerId.PLUGIN_HOST, values(List.of("a")))).containsExactly(
                Map.entry("JWT_ISSUER", ISSUER),
                Map.entry("JWT_AUDIENCE", "api"),
                Map.entry("JWKS_URL", INTERNAL + "/protocol/openid-connect/certs"),
                Map.entry("JWT_ALGORITHMS", "RS256"),
                Map.entry("SKIP_AUTH", "false"));
    }

    @Test
    void aValueALoaderWouldInterpretIsRefused() {
        EnvDocument.Values hostile = new EnvDocument.Values(ISSUER + "\nAUTH_AUDIENCE=evil", "d", "j", "api", "s",
                "roles", "tid", null);
        for (ConsumerId consumer : ConsumerId.values()) {
            assertThatThrownBy(() -> EnvDocument.variables(consumer, hostile)).isInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void wellKnownUrlsAndSegments() {
        assertThat(WellKnown.issuerOfDiscoveryUrl(WellKnown.discoveryUrl(ISSUER))).isEqualTo(ISSUER);
        assertThat(WellKnown.issuerOfDiscoveryUrl(WellKnown.jwksUrl(ISSUER))).isNull();
        assertThat(WellKnown.issuerOfDiscoveryUrl(null)).isNull();
        assertThat(ConsumerId.fromSegment("plugin-host")).contains(ConsumerId.PLUGIN_HOST);
        assertThat(ConsumerId.fromSegment("CORE")).isEmpty();
        assertThat(ConsumerId.values()).extracting(ConsumerId::segment).containsExactly("core", "platform", "plugin-host");
    }
}
