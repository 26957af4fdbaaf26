package io.mozaiks.identity.keycloak.endpoint;

import io.mozaiks.identity.keycloak.contract.PrivilegeSettings;
import io.mozaiks.identity.keycloak.tokensize.TokenBudget;
import io.mozaiks.identity.keycloak.contract.PrivilegeSettingsParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PrivilegeSettingsEndpointAttributesTest {

    private static Map<String, String> attributes(String body) {
        return PrivilegeSettingsEndpoint.attributes(body);
    }

    @Test
    void aFullBodyBecomesTheSixAttributes() {
        Map<String, String> attributes = attributes("""
                {"role_aliases": {"platform_admin": "Admin", "ops": "Operator"},
                 "service_only_roles": ["internal_service", "ops_svc"],
                 "internal_service_clients": ["svc-a", "svc-b"],
                 "core_admin_alias": true,
                 "token_size_warn_bytes": 4096, "token_size_fail_bytes": 8190}
                """);
        assertThat(attributes).containsExactly(
                Map.entry(PrivilegeSettings.ROLE_ALIASES, "platform_admin:Admin,ops:Operator"),
                Map.entry(PrivilegeSettings.SERVICE_ONLY_ROLES, "internal_service,ops_svc"),
                Map.entry(PrivilegeSettings.INTERNAL_SERVICE_CLIENTS, "svc-a,svc-b"),
                Map.entry(PrivilegeSettings.CORE_ADMIN_ALIAS, "true"),
                Map.entry(TokenBudget.WARN_ATTRIBUTE, "4096"),
                Map.entry(TokenBudget.FAIL_ATTRIBUTE, "8190"));
        assertThat(TokenBudget.of(attributes)).isEqualTo(new TokenBudget(4096, 8190, List.of()));

        PrivilegeSettings parsed = PrivilegeSettingsParser.parse(attributes, Map.of());
        assertThat(parsed.valid()).as(parsed.problems().toString()).isTrue();
        assertThat(parsed.roleAliases()).containsExactly(Map.entry("platform_admin", "Admin"), Map.entry("ops", "Operator"));
        assertThat(parsed.serviceOnlyRoles()).containsExactly("internal_service", "ops_svc");
        assertThat(parsed.internalServiceClients()).containsExactly("svc-a", "svc-b");
        assertThat(parsed.coreAdminAlias()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"role_aliases\": null, \"service_only_roles\": null,"
            + " \"internal_service_clients\": null, \"core_admin_alias\": null}"})
    void absentFieldsTakeTheDefaults(String body) {
        Map<String, String> attributes = attributes(body);
        assertThat(attributes).containsExactly(
                Map.entry(PrivilegeSettings.ROLE_ALIASES, "platform_admin:Admin"),
                Map.entry(PrivilegeSettings.SERVICE_ONLY_ROLES, "internal_service,service"),
                Map.entry(PrivilegeSettings.INTERNAL_SERVICE_CLIENTS, ""),
                Map.entry(PrivilegeSettings.CORE_ADMIN_ALIAS, "false"),
                Map.entry(TokenBudget.WARN_ATTRIBUTE, "8192"),
                Map.entry(TokenBudget.FAIL_ATTRIBUTE, "16384"));
        assertThat(PrivilegeSettingsParser.parse(attributes, Map.of()))
                .isEqualTo(PrivilegeSettingsParser.parse(Map.of(), Map.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"token_size_warn_bytes\": 100}", "{\"token_size_fail_bytes\": \"16384\"}",
            "{\"token_size_warn_bytes\": 2000000}", "{\"token_size_warn_bytes\": 9000, \"token_size_fail_bytes\": 8000}",
            "{\"token_size_fail_bytes\": 1.5}"})
    void anInvalidBudgetIsRefused(String body) {
        assertThatThrownBy(() -> attributes(body)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("token_size_");
    }

    @Test
    void anEmptyAliasObjectMeansNone() {
        Map<String, String> attributes = attributes("{\"role_aliases\": {}}");
        assertThat(attributes).containsEntry(PrivilegeSettings.ROLE_ALIASES, "none");
        assertThat(PrivilegeSettingsParser.parse(attributes, Map.of()).roleAliases()).isEmpty();
    }

    @Test
    void anEmptyServiceOnlyListPassesThroughAndTheParserRefusesIt() {
        Map<String, String> attributes = attributes("{\"service_only_roles\": []}");
        assertThat(attributes).containsEntry(PrivilegeSettings.SERVICE_ONLY_ROLES, "");
        assertThat(PrivilegeSettingsParser.parse(attributes, Map.of()).valid()).isFalse();
    }

    @Test
    void anUnknownFieldIsRefusedAndEchoedEscaped() {
        assertThatThrownBy(() -> attributes("{\"role_alias\": {}}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown field \"role_alias\"");
        assertThatThrownBy(() -> attributes("{\"x\\n{0}'\": 1}"))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "{0}", "'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "[]", "\"text\"", "42", "null", "not json", "{\"role_aliases\": "})
    void aBodyThatIsNoJsonObjectIsRefused(String body) {
        assertThatThrownBy(() -> attributes(body)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nullBodyIsRefused() {
        assertThatThrownBy(() -> attributes(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTooLargeBodyIsRefused() {
        String body = "{\"internal_service_clients\": [" + "\"c\",".repeat(PrivilegeSettingsEndpoint.MAX_BODY / 4) + "\"c\"]}";
        assertThat(body.length()).isGreaterThan(PrivilegeSettingsEndpoint.MAX_BODY);
        assertThatThrownBy(() -> attributes(body)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("larger");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"true\"", "1", "0", "\"yes\"", "[]", "{}"})
    void aFlagThatIsNoBooleanIsRefused(String value) {
        assertThatThrownBy(() -> attributes("{\"core_admin_alias\": " + value + "}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("core_admin_alias");
    }

    @Test
    void falseFlag() {
        assertThat(attributes("{\"core_admin_alias\": false}")).containsEntry(PrivilegeSettings.CORE_ADMIN_ALIAS, "false");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"role_aliases\": {\"x:Admin,platform_admin\": \"Admin\"}}",
            "{\"role_aliases\": {\"platform_admin\": \"Admin,x:admin\"}}",
            "{\"role_aliases\": {\"platform_admin\": \"x:superadmin\"}}",
            "{\"role_aliases\": {\"a b\": \"Admin\"}}",
            "{\"role_aliases\": {\"platform_admin\": 1}}",
            "{\"role_aliases\": {\"platform_admin\": null}}",
            "{\"role_aliases\": {\"platform_admin\": [\"Admin\"]}}",
            "{\"role_aliases\": {\"\": \"Admin\"}}",
            "{\"role_aliases\": [\"platform_admin:Admin\"]}",
            "{\"role_aliases\": \"platform_admin:Admin\"}",
            "{\"service_only_roles\": [\"internal_service,ops\"]}",
            "{\"service_only_roles\": [\"ops:x\"]}",
            "{\"service_only_roles\": \"internal_service\"}",
            "{\"service_only_roles\": [1]}",
            "{\"internal_service_clients\": [\"svc-a,svc-b\"]}",
            "{\"internal_service_clients\": [\"svc a\"]}",
            "{\"internal_service_clients\": [null]}"})
    void aNameWithASeparatorOrOfTheWrongTypeIsRefusedSoNoPairCanBeInjected(String body) {
        assertThatThrownBy(() -> attributes(body)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRefusedNameIsEchoedEscaped() {
        assertThatThrownBy(() -> attributes("{\"role_aliases\": {\"platform_admin\": \"x\\n{0}'\"}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> assertThat(e.getMessage()).contains("role_aliases").doesNotContain("\n", "{0}", "'"));
    }
}
