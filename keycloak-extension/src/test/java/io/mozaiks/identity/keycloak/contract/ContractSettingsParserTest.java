package io.mozaiks.identity.keycloak.contract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ContractSettingsParserTest {

    @Test
    void emptyConfigGivesTheContractDefaults() {
        ContractSettings settings = ContractSettingsParser.parse(Map.of());

        assertThat(settings.problems()).isEmpty();
        assertThat(settings.audiences()).containsExactly("mozaiks-api");
        assertThat(settings.requiredScope()).isEqualTo("access_as_user");
        assertThat(settings.tenant()).isNull();
        assertThat(settings.appIdAttribute()).isEqualTo("mozaiks.app_id");
    }

    @Test
    void parsesListsAndTenant() {
        ContractSettings settings = ContractSettingsParser.parse(Map.of(
                ContractSettings.AUDIENCE, " mozaiks-api , other-api,mozaiks-api",
                ContractSettings.TENANT, "acme-tenant"));

        assertThat(settings.problems()).isEmpty();
        assertThat(settings.audiences()).containsExactly("mozaiks-api", "other-api");
        assertThat(settings.tenant()).isEqualTo("acme-tenant");
    }

    @Test
    void privilegeKeysAreNotMapperSettingsAnyMore() {
        // Parsed by PrivilegeSettingsParser from realm attributes; the mapper config parser ignores them.
        ContractSettings settings = ContractSettingsParser.parse(Map.of(
                PrivilegeSettings.ROLE_ALIASES, "user:superadmin",
                PrivilegeSettings.SERVICE_ONLY_ROLES, "bad role"));
        assertThat(settings.problems()).isEmpty();
        assertThat(settings).isEqualTo(ContractSettingsParser.parse(Map.of()));
    }

    @Test
    void blankTenantMeansTheRealmName() {
        assertThat(ContractSettingsParser.parse(Map.of(ContractSettings.TENANT, "  ")).tenant()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "mozaiks.audience|bad audience",
            "mozaiks.audience|,",
            "mozaiks.required.scope|two scopes",
            "mozaiks.required.scope|quote\"d",
            "mozaiks.tenant|with space",
            "mozaiks.app.id.client.attribute|a/b"})
    void brokenValueIsAProblemAndItsSettingIsUnusable(String key, String value) {
        ContractSettings settings = ContractSettingsParser.parse(Map.of(key, value));

        assertThat(settings.hasProblem(key)).as(settings.problems().toString()).isTrue();
        Object parsed = switch (key) {
            case ContractSettings.AUDIENCE -> settings.audiences();
            case ContractSettings.REQUIRED_SCOPE -> settings.requiredScope();
            case ContractSettings.TENANT -> settings.tenant();
            default -> settings.appIdAttribute();
        };
        assertThat(parsed).isNull();
    }

    @Test
    void oneBrokenValueLeavesTheOthersUsable() {
        ContractSettings settings = ContractSettingsParser.parse(Map.of(ContractSettings.TENANT, "not a tenant"));
        assertThat(settings.problems()).hasSize(1);
        assertThat(settings.audiences()).isEqualTo(List.of("mozaiks-api"));
        assertThat(settings.requiredScope()).isEqualTo("access_as_user");
        assertThat(settings.appIdAttribute()).isEqualTo("mozaiks.app_id");
    }

    @Test
    void messagesEscapeControlAndMessageFormatCharacters() {
        ContractSettings settings = ContractSettingsParser.parse(Map.of(ContractSettings.TENANT, "a\nb{0}'"));
        String message = settings.problems().get(0).message();
        assertThat(message).doesNotContain("\n", "{", "}", "'").contains("\\u000a");
    }
}
