package io.mozaiks.identity.keycloak.contract;

import io.mozaiks.identity.keycloak.contract.ContractSettings.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class PrivilegeSettingsParserTest {

    private static PrivilegeSettings parse(Map<String, String> realmAttributes) {
        return PrivilegeSettingsParser.parse(realmAttributes, Map.of());
    }

    private static PrivilegeSettings aliases(String value) {
        return parse(Map.of(PrivilegeSettings.ROLE_ALIASES, value));
    }

    private static String messages(PrivilegeSettings settings) {
        return settings.problems().toString();
    }

    @Test
    void noAttributesGiveTheContractDefaults() {
        PrivilegeSettings settings = PrivilegeSettingsParser.parse(null, null);

        assertThat(settings.valid()).isTrue();
        assertThat(settings.roleAliases()).containsExactlyEntriesOf(Map.of("platform_admin", "Admin"));
        assertThat(settings.serviceOnlyRoles()).containsExactly("internal_service", "service");
        assertThat(settings.internalServiceClients()).isEmpty();
        assertThat(settings.coreAdminAlias()).isFalse();
        assertThat(parse(Map.of())).isEqualTo(settings);
    }

    @Test
    void serviceOnlyRolesCompareWithoutCase() {
        PrivilegeSettings settings = parse(Map.of());
        assertThat(settings.isServiceOnly("Service")).isTrue();
        assertThat(settings.isServiceOnly("INTERNAL_SERVICE")).isTrue();
        assertThat(settings.isServiceOnly("services")).isFalse();
    }

    @Test
    void anEmptyClientListLetsAnyClientBeInternalAListOnlyThoseListed() {
        assertThat(parse(Map.of()).mayBeInternal("any")).isTrue();
        PrivilegeSettings listed = parse(Map.of(PrivilegeSettings.INTERNAL_SERVICE_CLIENTS, " svc-a, svc-b ,svc-a"));
        assertThat(listed.valid()).isTrue();
        assertThat(listed.internalServiceClients()).containsExactly("svc-a", "svc-b");
        assertThat(listed.mayBeInternal("svc-b")).isTrue();
        assertThat(listed.mayBeInternal("other")).isFalse();
        assertThat(parse(Map.of(PrivilegeSettings.INTERNAL_SERVICE_CLIENTS, "a b")).valid()).isFalse();
    }

    @Test
    void parsesAliasPairs() {
        PrivilegeSettings settings = aliases(" platform_admin:Admin , ops:Operator");
        assertThat(settings.valid()).as(messages(settings)).isTrue();
        assertThat(settings.roleAliases()).containsExactly(Map.entry("platform_admin", "Admin"), Map.entry("ops", "Operator"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "None", "NONE", ""})
    void noneSwitchesAliasesOff(String value) {
        PrivilegeSettings settings = aliases(value);
        assertThat(settings.valid()).isTrue();
        assertThat(settings.roleAliases()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"superadmin", "SuperAdmin", "SUPERADMIN", "superAdmin", "internal_service", "Internal_Service",
            "service", "Service", "SERVICE", "offline_access", "Offline_Access", "uma_authorization", "default-roles-x",
            "default-roles-mozaiks", "Default-Roles-Mozaiks", "admin"})
    void forbiddenAliasTargetsAreRefused(String target) {
        PrivilegeSettings settings = aliases("platform_admin:" + target);
        assertThat(settings.valid()).isFalse();
        assertThat(settings.roleAliases()).isNull();
        assertThat(settings.problems()).extracting(Problem::key).containsOnly(PrivilegeSettings.ROLE_ALIASES);
        assertThat(messages(settings)).contains("alias target");
    }

    @Test
    void aConfiguredServiceOnlyRoleIsNoAliasTargetInAnyCase() {
        PrivilegeSettings settings = parse(Map.of(PrivilegeSettings.SERVICE_ONLY_ROLES, "internal_service,ops_svc",
                PrivilegeSettings.ROLE_ALIASES, "platform_admin:OPS_SVC"));
        assertThat(settings.roleAliases()).isNull();
        assertThat(messages(settings)).contains("service-only");
    }

    @Test
    void lowercaseAdminIsCoreSuperadminAndNeedsTheRealmFlag() {
        PrivilegeSettings refused = aliases("platform_admin:admin");
        assertThat(refused.roleAliases()).isNull();
        assertThat(messages(refused)).contains(PrivilegeSettings.CORE_ADMIN_ALIAS + "=true");

        PrivilegeSettings allowed = parse(Map.of(PrivilegeSettings.ROLE_ALIASES, "platform_admin:admin",
                PrivilegeSettings.CORE_ADMIN_ALIAS, "true"));
        assertThat(allowed.valid()).as(messages(allowed)).isTrue();
        assertThat(allowed.coreAdminAlias()).isTrue();
        assertThat(allowed.roleAliases()).containsEntry("platform_admin", "admin");

        PrivilegeSettings flagOff = parse(Map.of(PrivilegeSettings.ROLE_ALIASES, "platform_admin:admin",
                PrivilegeSettings.CORE_ADMIN_ALIAS, "false"));
        assertThat(flagOff.roleAliases()).isNull();
    }

    @Test
    void theFlagNeverOpensSuperadminOrServiceRoles() {
        for (String target : List.of("superadmin", "SuperAdmin", "service", "internal_service")) {
            PrivilegeSettings settings = parse(Map.of(PrivilegeSettings.ROLE_ALIASES, "platform_admin:" + target,
                    PrivilegeSettings.CORE_ADMIN_ALIAS, "true"));
            assertThat(settings.roleAliases()).as(target).isNull();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"Admin", "ADMIN", "Operator"})
    void otherTargetsAreAllowed(String target) {
        PrivilegeSettings settings = aliases("platform_admin:" + target);
        assertThat(settings.valid()).as(messages(settings)).isTrue();
        assertThat(settings.roleAliases()).containsEntry("platform_admin", target);
    }

    @Test
    void aSourceWithTwoAliasesIsRefused() {
        PrivilegeSettings settings = aliases("platform_admin:Admin,platform_admin:Operator");
        assertThat(settings.roleAliases()).isNull();
        assertThat(messages(settings)).contains("more than one alias");
    }

    @ParameterizedTest
    @ValueSource(strings = {"platform_admin", "a:b:c", "platform_admin=Admin", ":Admin", "platform_admin:", "a b:Admin",
            "a:B,,c:D", "x:Admin;y:Operator"})
    void badSyntaxIsRefused(String value) {
        PrivilegeSettings settings = aliases(value);
        assertThat(settings.valid()).isFalse();
        assertThat(settings.roleAliases()).isNull();
        assertThat(settings.problems()).extracting(Problem::key).containsOnly(PrivilegeSettings.ROLE_ALIASES);
    }

    @Test
    void aBrokenAliasLeavesTheServiceOnlyRolesUsable() {
        PrivilegeSettings settings = aliases("nope");
        assertThat(settings.roleAliases()).isNull();
        assertThat(settings.serviceOnlyRoles()).containsExactly("internal_service", "service");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ops", "Service,INTERNAL_SERVICE", "svc", "", " , "})
    void aServiceOnlyListWithoutInternalServiceOrServiceIsInvalid(String value) {
        PrivilegeSettings settings = parse(Map.of(PrivilegeSettings.SERVICE_ONLY_ROLES, value));
        assertThat(settings.valid()).isFalse();
        assertThat(settings.serviceOnlyRoles()).isNull();
        assertThat(settings.problems()).extracting(Problem::key).containsOnly(PrivilegeSettings.SERVICE_ONLY_ROLES);
        assertThat(messages(settings)).contains("internal_service or service");
        assertThat(settings.isServiceOnly("internal_service")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"internal_service", "service", "service,ops", "ops , internal_service"})
    void aServiceOnlyListWithEitherIsValid(String value) {
        PrivilegeSettings settings = parse(Map.of(PrivilegeSettings.SERVICE_ONLY_ROLES, value));
        assertThat(settings.valid()).as(messages(settings)).isTrue();
        assertThat(settings.serviceOnlyRoles()).isNotEmpty();
    }

    @Test
    void aServiceOnlyListWithABadNameIsInvalid() {
        PrivilegeSettings settings = parse(Map.of(PrivilegeSettings.SERVICE_ONLY_ROLES, "internal_service,bad role"));
        assertThat(settings.serviceOnlyRoles()).isNull();
        assertThat(settings.valid()).isFalse();
    }

    @Test
    void aLegacyMapperKeyWithoutTheRealmAttributeFailsClosedNamingTheMigration() {
        PrivilegeSettings aliasesOnly = PrivilegeSettingsParser.parse(Map.of(),
                Map.of(PrivilegeSettings.ROLE_ALIASES, "platform_admin:Admin"));
        assertThat(aliasesOnly.valid()).isFalse();
        assertThat(aliasesOnly.roleAliases()).isNull();
        assertThat(aliasesOnly.serviceOnlyRoles()).isNotNull();
        assertThat(aliasesOnly.problems()).singleElement().satisfies(p -> {
            assertThat(p.key()).isEqualTo(PrivilegeSettings.ROLE_ALIASES);
            assertThat(p.message()).contains("migrate").contains("/mozaiks/contract/settings");
        });

        PrivilegeSettings serviceOnly = PrivilegeSettingsParser.parse(Map.of(),
                Map.of(PrivilegeSettings.SERVICE_ONLY_ROLES, "internal_service"));
        assertThat(serviceOnly.serviceOnlyRoles()).isNull();
        assertThat(serviceOnly.problems()).extracting(Problem::message).allMatch(m -> m.contains("migrate"));

        // Even an empty legacy value counts: the key is there, the realm never took over.
        assertThat(PrivilegeSettingsParser.parse(Map.of(), Map.of(PrivilegeSettings.ROLE_ALIASES, "")).valid()).isFalse();
    }

    @Test
    void aLegacyMapperKeyIsIgnoredOnceTheRealmAttributeExists() {
        PrivilegeSettings settings = PrivilegeSettingsParser.parse(
                Map.of(PrivilegeSettings.ROLE_ALIASES, "none", PrivilegeSettings.SERVICE_ONLY_ROLES, "service"),
                Map.of(PrivilegeSettings.ROLE_ALIASES, "user:superadmin", PrivilegeSettings.SERVICE_ONLY_ROLES, "ops"));
        assertThat(settings.valid()).as(messages(settings)).isTrue();
        assertThat(settings.roleAliases()).isEmpty();
        assertThat(settings.serviceOnlyRoles()).containsExactly("service");
    }

    @Test
    void otherMapperKeysDoNotMatter() {
        PrivilegeSettings settings = PrivilegeSettingsParser.parse(Map.of(), Map.of("mozaiks.audience", "x",
                PrivilegeSettings.INTERNAL_SERVICE_CLIENTS, "a", PrivilegeSettings.CORE_ADMIN_ALIAS, "true"));
        assertThat(settings).isEqualTo(parse(Map.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "on", "tru", "true false"})
    void anInvalidFlagIsAProblemAndGrantsNothing(String value) {
        PrivilegeSettings settings = parse(Map.of(PrivilegeSettings.CORE_ADMIN_ALIAS, value,
                PrivilegeSettings.ROLE_ALIASES, "platform_admin:admin"));
        assertThat(settings.valid()).isFalse();
        assertThat(settings.coreAdminAlias()).isFalse();
        assertThat(settings.roleAliases()).isNull();
        assertThat(settings.problems()).extracting(Problem::key).contains(PrivilegeSettings.CORE_ADMIN_ALIAS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "TRUE", " True ", "false", "", " "})
    void validFlagValues(String value) {
        PrivilegeSettings settings = parse(Map.of(PrivilegeSettings.CORE_ADMIN_ALIAS, value));
        assertThat(settings.valid()).as(messages(settings)).isTrue();
        assertThat(settings.coreAdminAlias()).isEqualTo(value.trim().equalsIgnoreCase("true"));
    }

    @Test
    void missingReferencesNameUnknownRolesAndClients() {
        PrivilegeSettings settings = parse(Map.of(PrivilegeSettings.ROLE_ALIASES, "platform_admin:Admin,ghost:Operator",
                PrivilegeSettings.INTERNAL_SERVICE_CLIENTS, "svc-a,svc-ghost"));
        Set<String> roles = Set.of("platform_admin");
        Set<String> clients = Set.of("svc-a");
        List<Problem> missing = PrivilegeSettingsParser.missingReferences(settings, roles::contains, clients::contains);
        assertThat(missing).hasSize(2);
        assertThat(missing.get(0).key()).isEqualTo(PrivilegeSettings.ROLE_ALIASES);
        assertThat(missing.get(0).message()).contains("\"ghost\"").doesNotContain("platform_admin");
        assertThat(missing.get(1).key()).isEqualTo(PrivilegeSettings.INTERNAL_SERVICE_CLIENTS);
        assertThat(missing.get(1).message()).contains("\"svc-ghost\"");

        assertThat(PrivilegeSettingsParser.missingReferences(parse(Map.of()), roles::contains, clients::contains)).isEmpty();
    }

    @Test
    void missingReferencesOfUnusableSettingsAreNotChecked() {
        PrivilegeSettings broken = aliases("bad");
        assertThat(PrivilegeSettingsParser.missingReferences(broken, r -> false, c -> false)).isEmpty();
    }

    @Test
    void aHostileValueIsEchoedEscaped() {
        PrivilegeSettings settings = parse(Map.of(
                PrivilegeSettings.ROLE_ALIASES, "x:{0}'\nINJECTED",
                PrivilegeSettings.CORE_ADMIN_ALIAS, "{1}\r\n'x'",
                PrivilegeSettings.SERVICE_ONLY_ROLES, "internal_service,a\u0000{b}"));
        assertThat(settings.problems()).hasSize(3);
        for (Problem problem : settings.problems()) {
            assertThat(problem.message()).doesNotContain("\n", "\r", "\u0000", "{", "}", "'");
        }
        assertThat(messages(settings)).contains("\\u000a", "\\u007b", "\\u0027");
    }

    @Test
    void coresInternalRoleNamesAreServiceOnlyWhateverTheListSays() {
        PrivilegeSettings settings = PrivilegeSettingsParser.parse(
                java.util.Map.of(PrivilegeSettings.SERVICE_ONLY_ROLES, "internal_service"), java.util.Map.of());
        assertThat(settings.valid()).isTrue();
        assertThat(settings.isServiceOnly("service")).isTrue();
        assertThat(settings.isServiceOnly("Service")).isTrue();
        assertThat(settings.isServiceOnly("developer")).isFalse();
    }
}
