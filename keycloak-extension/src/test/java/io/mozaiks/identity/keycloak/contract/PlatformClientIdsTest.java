package io.mozaiks.identity.keycloak.contract;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformClientIdsTest {

    @Test
    void idsEqualIgnoringCaseAreUnsafeTogether() {
        assertThat(PlatformClientIds.unsafe(List.of("mozaiks-core", "Mozaiks-Core", "mozaiks-shell")))
                .containsOnlyKeys("mozaiks-core", "Mozaiks-Core")
                .containsEntry("Mozaiks-Core", "equals mozaiks-core ignoring case");
    }

    @Test
    void anIdWithACommaIsUnsafeAlone() {
        assertThat(PlatformClientIds.unsafe(List.of("a,mozaiks-core", "b"))).containsOnlyKeys("a,mozaiks-core")
                .containsEntry("a,mozaiks-core", "contains a comma");
    }

    @Test
    void aLongSFoldsLikeDotNetsInvariantUpperCase() {
        assertThat(PlatformClientIds.unsafe(List.of("ſervice", "service"))).containsOnlyKeys("ſervice", "service");
    }

    @Test
    void distinctIdsAreSafe() {
        assertThat(PlatformClientIds.unsafe(List.of("account", "admin-cli", "mozaiks-core", "mozaiks-platform"))).isEmpty();
    }
}
