package io.mozaiks.identity.runner.floor;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecurityFloorTest {

    @ParameterizedTest
    @CsvSource({
            "26.7.5, PATCHED", "26.7.4, PATCHED", "26.7.10, PATCHED", "26.7.3, BELOW_FLOOR", "26.7.0, BELOW_FLOOR",
            "26.6.6, PATCHED", "26.6.5, BELOW_FLOOR", "26.6.10, PATCHED",
            "26.5.6, BELOW_FLOOR", "26.5.99, BELOW_FLOOR",
            "26.4.7, BELOW_FLOOR", "26.4.14, BELOW_FLOOR", "26.4.15, PATCHED", "26.4.100, PATCHED",
            "26.3.9, BELOW_FLOOR", "25.0.6, BELOW_FLOOR",
            "26.8.2, UNKNOWN", "27.0.0, UNKNOWN",
            "26.7.5-SNAPSHOT, PATCHED", "26.7.3.redhat-00001, BELOW_FLOOR"})
    void judgesEachLineAgainstItsOwnMinimum(String version, FloorCheck.Status expected) {
        FloorCheck check = SecurityFloor.check(KeycloakVersion.parse(version));
        assertThat(check.status()).as(check.message()).isEqualTo(expected);
        assertThat(check.belowFloor()).isEqualTo(expected == FloorCheck.Status.BELOW_FLOOR);
    }

    @Test
    void belowFloorMessageNamesTheMinimumAndTheDocs() {
        FloorCheck check = SecurityFloor.check(KeycloakVersion.parse("26.7.3"));
        assertThat(check.message()).contains("BELOW", "26.7.4", "docs/operations.md");
        assertThat(SecurityFloor.check(KeycloakVersion.parse("26.5.6")).message()).contains("CVE-2026-18963", "26.7.4");
    }

    @Test
    void numericNotTextualOrder() {
        assertThat(KeycloakVersion.parse("26.7.10")).isGreaterThan(KeycloakVersion.parse("26.7.5"));
        assertThat(KeycloakVersion.parse("26.10.0")).isGreaterThan(KeycloakVersion.parse("26.9.9"));
        assertThat("26.7.10".compareTo("26.7.5")).as("why a string comparison is wrong").isNegative();
    }

    @Test
    void theDefaultBuildIsAtOrAboveTheFloor() {
        // keycloak.version of the root pom (filtered into nothing here): keep in step with docs/operations.md.
        assertThat(SecurityFloor.check(KeycloakVersion.parse("26.7.5")).status()).isEqualTo(FloorCheck.Status.PATCHED);
        assertThat(SecurityFloor.newest()).hasToString("26.7.4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "26", "26.7", "v26.7.5", "26.7.x", "26.7.5 ; rm -rf /", "26.7.5\n26.7.6", "99999.1.1"})
    void refusesWhatIsNotAVersion(String text) {
        assertThatThrownBy(() -> KeycloakVersion.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a Keycloak version");
    }

    @Property
    void orderIsTheOrderOfTheNumberTriple(@ForAll @IntRange(max = 300) int a1, @ForAll @IntRange(max = 300) int b1,
                                          @ForAll @IntRange(max = 300) int c1, @ForAll @IntRange(max = 300) int a2,
                                          @ForAll @IntRange(max = 300) int b2, @ForAll @IntRange(max = 300) int c2) {
        KeycloakVersion x = KeycloakVersion.parse(a1 + "." + b1 + "." + c1);
        KeycloakVersion y = KeycloakVersion.parse(a2 + "." + b2 + "." + c2);
        long kx = (a1 * 1000L + b1) * 1000L + c1;
        long ky = (a2 * 1000L + b2) * 1000L + c2;
        assertThat(Integer.signum(x.compareTo(y))).isEqualTo(Long.signum(Long.compare(kx, ky)));
        assertThat(KeycloakVersion.parse(x.toString())).isEqualTo(x);
    }

    @Property
    void aPatchAboveTheMinimumNeverFallsBelow(@ForAll @IntRange(min = 0, max = 500) int extra) {
        SecurityFloor.MINIMUM_BY_LINE.forEach((line, minimum) -> {
            KeycloakVersion above = new KeycloakVersion(minimum.major(), minimum.minor(), minimum.patch() + extra);
            assertThat(SecurityFloor.check(above).status()).isEqualTo(FloorCheck.Status.PATCHED);
            if (minimum.patch() > 0) {
                KeycloakVersion below = new KeycloakVersion(minimum.major(), minimum.minor(), Math.max(0, minimum.patch() - 1 - extra));
                assertThat(SecurityFloor.check(below).status()).isEqualTo(FloorCheck.Status.BELOW_FLOOR);
            }
        });
    }
}
