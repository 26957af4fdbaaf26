package io.mozaiks.identity.keycloak.contract;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ContractDocumentTest {

    private static final String ISSUER = "https://auth.example.com/realms/mozaiks";

    private static ContractDocument.Facts facts(Map<String, String> config, List<String> warnings) {
        return new ContractDocument.Facts("mozaiks", ISSUER, ContractSettingsParser.parse(config), "RS256", warnings);
    }

    @Test
    @SuppressWarnings("unchecked")
    void defaultsDescribeContract12() {
        Map<String, Object> doc = ContractDocument.build(facts(Map.of(), List.of()));

        assertThat(doc).containsEntry("contract_version", "1.2")
                .containsEntry("provider_version", System.getProperty("mozaiks.expected.version"))
                .containsEntry("issuer", ISSUER)
                .containsEntry("jwks_uri", ISSUER + "/protocol/openid-connect/certs")
                .containsEntry("discovery_url", ISSUER + "/.well-known/openid-configuration")
                .containsEntry("audience", "mozaiks-api")
                .containsEntry("audiences", List.of("mozaiks-api"))
                .containsEntry("required_scope", "access_as_user")
                .containsEntry("signing_algorithm", "RS256")
                .containsEntry("warnings", List.of());
        assertThat(doc.get("tenant")).isEqualTo(Map.of("claim", "tid", "value", "mozaiks"));
        assertThat(((Map<?, ?>) doc.get("roles")).get("claim")).isEqualTo("roles");
        Map<String, Object> service = (Map<String, Object>) doc.get("service_token");
        assertThat((List<Object>) service.get("absent_claims")).contains("scope", "scp");
        assertThat((List<Object>) service.get("claims")).doesNotContain("scope", "scp");
    }

    @Test
    void configuredValuesAreTheOnesPublished() {
        Map<String, Object> doc = ContractDocument.build(facts(Map.of(
                ContractSettings.AUDIENCE, "api-a, api-b",
                ContractSettings.REQUIRED_SCOPE, "user_api",
                ContractSettings.TENANT, "tenant-7"), List.of()));

        assertThat(doc).containsEntry("audience", "api-a").containsEntry("audiences", List.of("api-a", "api-b"))
                .containsEntry("required_scope", "user_api");
        assertThat(doc.get("tenant")).isEqualTo(Map.of("claim", "tid", "value", "tenant-7"));
    }

    @Test
    void brokenConfigIsWarnedWithoutEchoingTheValue() {
        Map<String, Object> doc = ContractDocument.build(facts(Map.of(ContractSettings.TENANT, "bad tenant secret-ish"),
                List.of("hostname warning")));

        assertThat(((Map<?, ?>) doc.get("tenant")).get("value")).isNull();
        assertThat(doc.get("warnings").toString()).contains("hostname warning", ContractSettings.TENANT)
                .doesNotContain("secret-ish");
    }

    @Test
    void namesNoClientButTheAudience() {
        Map<String, Object> doc = ContractDocument.build(facts(Map.of(), List.of()));
        assertThat(doc.toString()).doesNotContain("mozaiks-shell", "mozaiks-core", "mozaiks-platform", "app_id.client",
                Contract.DEFAULT_APP_ID_ATTRIBUTE);
    }
}
