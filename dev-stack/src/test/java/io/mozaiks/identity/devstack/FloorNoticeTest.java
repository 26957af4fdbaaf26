package io.mozaiks.identity.devstack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FloorNoticeTest {

    @Test
    void silentAtOrAboveTheFloor() {
        assertThat(FloorNotice.lines("26.7.5")).isEmpty();
        assertThat(FloorNotice.lines("26.7.10")).isEmpty();
    }

    @Test
    void warnsBelowTheFloorOfItsLine() {
        assertThat(FloorNotice.lines("26.7.3")).first().asString().contains("WARNING", "BELOW", "26.7.4");
        assertThat(FloorNotice.lines("26.5.6")).first().asString().contains("WARNING", "CVE-2026-18963");
    }

    @Test
    void warnsWhenTheServerVersionCannotBeRead() {
        assertThat(FloorNotice.lines(null)).singleElement().asString().contains("WARNING", "cannot judge");
        assertThat(FloorNotice.lines("999-dev")).singleElement().asString().contains("WARNING", "not a Keycloak version");
    }

    @Test
    void onlyNotesALineNewerThanTheTable() {
        assertThat(FloorNotice.lines("26.8.2")).singleElement().asString().startsWith("      note:").doesNotContain("WARNING");
    }
}
