package io.mozaiks.identity.keycloak.claims;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ScopeClaimTest {

    @Test
    void keepsGrantedScopesAndAddsTheRequiredOne() {
        assertThat(ScopeClaim.userScope("openid profile phone", "access_as_user"))
                .isEqualTo("openid profile phone access_as_user");
    }

    @Test
    void doesNotDuplicateTheRequiredScope() {
        assertThat(ScopeClaim.userScope("openid access_as_user", "access_as_user")).isEqualTo("openid access_as_user");
    }

    @Test
    void neverEmptyForAUserToken() {
        assertThat(ScopeClaim.userScope(null, "access_as_user")).isEqualTo("access_as_user");
        assertThat(ScopeClaim.userScope("   ", "access_as_user")).isEqualTo("access_as_user");
    }

    @Test
    void normalisesWhitespaceToSingleSpaces() {
        assertThat(ScopeClaim.userScope(" openid \t profile  ", "x")).isEqualTo("openid profile x");
    }
}
