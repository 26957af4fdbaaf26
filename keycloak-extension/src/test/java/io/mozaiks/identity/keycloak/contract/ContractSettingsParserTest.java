package io.mozaiks.identity.keycloak.contract;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;
import java.util.Set;

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
        assertThat(settings.roleAliases()).containsExactlyEntriesOf(Map.of("platform_admin", "admin"));
        assertThat(settings.serviceOnlyRoles()).containsExactly("internal_service");
    }

    @Test
    void parsesListsAndAliases() {
        ContractSettings settings = ContractSettingsParser.parse(Map.of(
                ContractSettings.AUDIENCE, " mozaiks-api , other-api,mozaiks-api",
                ContractSettings.ROLE_ALIASES, "platform_admin:admin, superadmin:SuperAdmin",
                ContractSettings.SERVICE_ONLY_ROLES, "internal_service,ops",
                ContractSettings.TENANT, "acme-tenant"));

        assertThat(settings.problems()).isEmpty();
        assertThat(settings.audiences()).containsExactly("mozaiks-api", "other-api");
        assertThat(settings.roleAliases()).containsEntry("superadmin", "SuperAdmin").hasSize(2);
        assertThat(settings.serviceOnlyRoles()).isEqualTo(Set.of("internal_service", "ops"));
        assertThat(settings.tenant()).isEqualTo("acme-tenant");
    }

    @Test
    void blankTenantMeansTheRealmName() {
        assertThat(ContractSettingsParser.parse(Map.of(ContractSettings.TENANT, "  ")).tenant()).isNull();
    }

    @Test
    void emptyAliasListIsAllowed() {
        ContractSettings settings = ContractSettingsParser.parse(Map.of(ContractSettings.ROLE_ALIASES, ""));
        assertThat(settings.problems()).isEmpty();
        assertThat(settings.roleAliases()).isEmpty();
    }

    @Test
    void noneSwitchesAliasesOff() {
        ContractSettings settings = ContractSettingsParser.parse(Map.of(ContractSettings.ROLE_ALIASES, "None"));
        assertThat(settings.problems()).isEmpty();
        assertThat(settings.roleAliases()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "mozaiks.audience|bad audience",
            "mozaiks.audience|,",
            "mozaiks.required.scope|two scopes",
            "mozaiks.required.scope|quote\"d",
            "mozaiks.tenant|with space",
            "mozaiks.app.id.client.attribute|a/b",
            "mozaiks.role.aliases|platform_admin",
            "mozaiks.role.aliases|a:b:c",
            "mozaiks.role.aliases|user:offline_access",
            "mozaiks.role.aliases|user:default-roles-mozaiks",
            "mozaiks.role.aliases|user:internal_service",
            "mozaiks.service.only.roles|bad role"})
    void brokenValueIsAProblemAndItsSettingIsUnusable(String key, String value) {
        ContractSettings settings = ContractSettingsParser.parse(Map.of(key, value));

        assertThat(settings.hasProblem(key)).as(settings.problems().toString()).isTrue();
        Object parsed = switch (key) {
            case ContractSettings.AUDIENCE -> settings.audiences();
            case ContractSettings.REQUIRED_SCOPE -> settings.requiredScope();
            case ContractSettings.TENANT -> settings.tenant();
            case ContractSettings.APP_ID_ATTRIBUTE -> settings.appIdAttribute();
            case ContractSettings.ROLE_ALIASES -> settings.roleAliases();
            default -> settings.serviceOnlyRoles();
        };
        assertThat(parsed).isNull();
    }

    @Test
    void oneBrokenValueLeavesTheOthersUsable() {
        ContractSettings settings = ContractSettingsParser.parse(Map.of(ContractSettings.ROLE_ALIASES, "nope"));
        assertThat(settings.problems()).hasSize(1);
        assertThat(settings.audiences()).isEqualTo(List.of("mozaiks-api"));
    }

    @Test
    void messagesEscapeControlAndMessageFormatCharacters() {
        ContractSettings settings = ContractSettingsParser.parse(Map.of(ContractSettings.TENANT, "a\nb{0}'"));
        String message = settings.problems().get(0).message();
        assertThat(message).doesNotContain("\n", "{", "}", "'").contains("\\u000a");
    }
}
