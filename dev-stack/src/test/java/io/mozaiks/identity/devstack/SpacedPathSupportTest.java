package io.mozaiks.identity.devstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class SpacedPathSupportTest {

    private static final Path SPACED = Path.of("/home/First Last/mozaiks/.dev-stack/keycloak-26.5.6");
    private static final Path PLAIN = Path.of("/home/first/mozaiks/.dev-stack/keycloak-26.5.6");

    @Test
    void versionsBefore266WithASpaceAreRefusedWithReasonAndFix() {
        for (String version : new String[] {"26.4.7", "26.5.6", "25.0.6"}) {
            assertThat(SpacedPathSupport.problem(version, SPACED)).get().asString()
                    .contains("Keycloak " + version).contains("45971").contains("--home").contains("MOZAIKS_DEV_HOME");
        }
    }

    @Test
    void fixedVersionsOrPathsWithoutSpacesPass() {
        assertThat(SpacedPathSupport.problem("26.6.0", SPACED)).isEmpty();
        assertThat(SpacedPathSupport.problem("26.7.3", SPACED)).isEmpty();
        assertThat(SpacedPathSupport.problem("27.0.0", SPACED)).isEmpty();
        assertThat(SpacedPathSupport.problem("26.4.7", PLAIN)).isEmpty();
    }

    @Test
    void versionOrder() {
        assertThat(SpacedPathSupport.before("26.5.99", SpacedPathSupport.FIXED_IN)).isTrue();
        assertThat(SpacedPathSupport.before("26.6.0-SNAPSHOT", SpacedPathSupport.FIXED_IN)).isFalse();
        assertThat(SpacedPathSupport.before("nightly", SpacedPathSupport.FIXED_IN)).isFalse();
    }
}
