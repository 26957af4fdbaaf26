package io.mozaiks.identity.keycloak.contract;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PrivilegeSettingsCacheTest {

    private static final List<Map<String, String>> REALMS = List.of(
            Map.of(),
            Map.of(PrivilegeSettings.ROLE_ALIASES, "ops:Operator", PrivilegeSettings.SERVICE_ONLY_ROLES, "service"),
            Map.of(PrivilegeSettings.ROLE_ALIASES, "platform_admin:admin", PrivilegeSettings.CORE_ADMIN_ALIAS, "true",
                    PrivilegeSettings.INTERNAL_SERVICE_CLIENTS, "svc"),
            Map.of(PrivilegeSettings.ROLE_ALIASES, "platform_admin:superadmin"),
            Map.of(PrivilegeSettings.CORE_ADMIN_ALIAS, "maybe"));

    private static final List<Map<String, String>> MAPPERS = List.of(
            Map.of(),
            Map.of("mozaiks.audience", "mozaiks-api"),
            Map.of(PrivilegeSettings.ROLE_ALIASES, "platform_admin:Admin"),
            Map.of(PrivilegeSettings.SERVICE_ONLY_ROLES, "internal_service", PrivilegeSettings.ROLE_ALIASES, "x:y"));

    @Test
    void answersWhatTheParserAnswers() {
        for (Map<String, String> realm : REALMS) {
            for (Map<String, String> mapper : MAPPERS) {
                assertThat(PrivilegeSettingsCache.get(realm, mapper)).as("%s %s", realm, mapper)
                        .isEqualTo(PrivilegeSettingsParser.parse(realm, mapper));
            }
        }
        assertThat(PrivilegeSettingsCache.get(null, null)).isEqualTo(PrivilegeSettingsParser.parse(null, null));
    }

    @Test
    void attributesOutsideTheFourDoNotMakeANewKey() {
        Map<String, String> realm = new HashMap<>(Map.of(PrivilegeSettings.ROLE_ALIASES, "ops:Operator"));
        PrivilegeSettings first = PrivilegeSettingsCache.get(realm, Map.of());
        realm.put("frontendUrl", "https://auth.example.com");
        realm.put("mozaiks.something.else", "x");
        assertThat(PrivilegeSettingsCache.get(realm, Map.of("mozaiks.tenant", "t", "mozaiks.audience", "a"))).isSameAs(first);
    }

    @Test
    void anEditedAttributeIsParsedAfresh() {
        Map<String, String> realm = new HashMap<>(Map.of(PrivilegeSettings.ROLE_ALIASES, "ops:Operator"));
        assertThat(PrivilegeSettingsCache.get(realm, Map.of()).valid()).isTrue();
        realm.put(PrivilegeSettings.ROLE_ALIASES, "ops:superadmin");
        PrivilegeSettings edited = PrivilegeSettingsCache.get(realm, Map.of());
        assertThat(edited.valid()).isFalse();
        assertThat(edited.roleAliases()).isNull();
    }

    @Test
    void aLegacyMapperKeyIsPartOfTheKey() {
        PrivilegeSettings clean = PrivilegeSettingsCache.get(Map.of(), Map.of());
        PrivilegeSettings legacy = PrivilegeSettingsCache.get(Map.of(), Map.of(PrivilegeSettings.ROLE_ALIASES, "a:B"));
        assertThat(clean.valid()).isTrue();
        assertThat(legacy.valid()).isFalse();
        assertThat(legacy.roleAliases()).isNull();
    }
}
