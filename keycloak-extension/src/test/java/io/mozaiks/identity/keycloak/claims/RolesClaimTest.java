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
}
