package io.mozaiks.identity.keycloak.claims;

import io.mozaiks.identity.keycloak.contract.PrivilegeSettings;
import io.mozaiks.identity.keycloak.contract.PrivilegeSettingsParser;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class RolesClaimTest {

    private static final Predicate<String> SERVICE_ONLY = Set.of("internal_service")::contains;
    private static final Map<String, String> ALIASES = Map.of("platform_admin", "Admin");

    @Test
    void removesKeycloakInternalRolesAndTheDefaultComposite() {
        List<String> roles = RolesClaim.compute(List.of("user", "offline_access", "uma_authorization", "default-roles-mozaiks"),
                "default-roles-mozaiks", false, SERVICE_ONLY, ALIASES);
        assertThat(roles).containsExactly("user");
    }

    @Test
    void removesServiceOnlyRolesFromUserTokensOnly() {
        assertThat(RolesClaim.compute(List.of("internal_service", "user"), "d", false, SERVICE_ONLY, ALIASES))
                .containsExactly("user");
        assertThat(RolesClaim.compute(List.of("internal_service"), "d", true, SERVICE_ONLY, ALIASES))
                .containsExactly("internal_service");
    }

    @Test
    void addsAliasesBesideTheRoleSortedAndWithoutDuplicates() {
        assertThat(RolesClaim.compute(List.of("user", "platform_admin", "Admin"), "d", false, SERVICE_ONLY, ALIASES))
                .containsExactly("Admin", "platform_admin", "user");
    }

    @Test
    void aliasOfAFilteredRoleIsNotAdded() {
        Map<String, String> aliases = Map.of("internal_service", "ops");
        assertThat(RolesClaim.compute(List.of("internal_service"), "d", false, SERVICE_ONLY, aliases)).isEmpty();
    }

    @Test
    void noRolesGiveAnEmptyList() {
        assertThat(RolesClaim.compute(List.of(), null, false, SERVICE_ONLY, ALIASES)).isEmpty();
    }

    @Test
    void manyRolesComeBackSortedOnceWithAliasesAndDuplicatesRemoved() {
        List<String> resolved = new java.util.ArrayList<>();
        for (int i = 50; i >= 1; i--) {
            resolved.add(String.format("r%02d", i));
        }
        resolved.addAll(List.of("r07", "platform_admin", "Admin", "offline_access", "default-roles-x", "internal_service"));
        List<String> roles = RolesClaim.compute(resolved, "default-roles-x", false, SERVICE_ONLY, ALIASES);
        assertThat(roles).hasSize(52).isSorted().doesNotHaveDuplicates()
                .contains("Admin", "platform_admin", "r01", "r50")
                .doesNotContain("offline_access", "default-roles-x", "internal_service");
    }

    @Test
    void serviceOnlyRolesOfTheRealmSettingsAreRemovedWithoutCase() {
        PrivilegeSettings defaults = PrivilegeSettingsParser.parse(Map.of(), Map.of());
        assertThat(RolesClaim.compute(List.of("Service", "INTERNAL_SERVICE", "user", "platform_admin"), "d", false,
                defaults::isServiceOnly, defaults.roleAliases())).containsExactly("Admin", "platform_admin", "user");
        assertThat(RolesClaim.compute(List.of("service", "internal_service"), "d", true,
                defaults::isServiceOnly, defaults.roleAliases())).containsExactly("internal_service", "service");
    }
}
