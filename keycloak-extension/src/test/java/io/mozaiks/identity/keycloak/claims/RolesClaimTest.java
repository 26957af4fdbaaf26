package io.mozaiks.identity.keycloak.claims;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RolesClaimTest {

    private static final Set<String> SERVICE_ONLY = Set.of("internal_service");
    private static final Map<String, String> ALIASES = Map.of("platform_admin", "admin");

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
        assertThat(RolesClaim.compute(List.of("user", "platform_admin", "admin"), "d", false, SERVICE_ONLY, ALIASES))
                .containsExactly("admin", "platform_admin", "user");
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
        resolved.addAll(List.of("r07", "platform_admin", "admin", "offline_access", "default-roles-x", "internal_service"));
        List<String> roles = RolesClaim.compute(resolved, "default-roles-x", false, SERVICE_ONLY, ALIASES);
        assertThat(roles).hasSize(52).isSorted().doesNotHaveDuplicates()
                .contains("admin", "platform_admin", "r01", "r50")
                .doesNotContain("offline_access", "default-roles-x", "internal_service");
    }
}
