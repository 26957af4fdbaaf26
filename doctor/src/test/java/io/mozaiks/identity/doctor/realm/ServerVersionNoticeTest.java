package io.mozaiks.identity.doctor.realm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ServerVersionNoticeTest {

    @Test
    void aPatchedServerGetsNoLine() {
        assertThat(ServerVersionNotice.forVersion("26.7.5")).isEmpty();
    }

    @Test
    void aServerBelowTheFloorIsAWarningNamingTheMinimum() {
        assertThat(ServerVersionNotice.forVersion("26.7.3")).hasValueSatisfying(line ->
                assertThat(line).startsWith("WARNING: ").contains("26.7.3", "BELOW", "26.7.4"));
    }

    @Test
    void aHiddenOrUnreadableVersionSaysItWasNotChecked() {
        assertThat(ServerVersionNotice.forVersion("")).hasValueSatisfying(line ->
                assertThat(line).startsWith("note: ").contains("not checked", "mozaiks-doctor keycloak"));
        assertThat(ServerVersionNotice.forVersion("nightly")).hasValueSatisfying(line ->
                assertThat(line).startsWith("note: ").contains("nightly"));
    }
}
