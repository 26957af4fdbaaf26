package io.mozaiks.identity.mirror.apply;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TempFileNamesTest {
    @Test
    void generatedNamesAreRecognisedAndOthersAreNot() {
        String name = TempFileNames.forTarget("logo.svg");
        assertThat(name).startsWith(".logo.svg.theme-mirror-").endsWith(".tmp");
        assertThat(TempFileNames.isOurs(name)).isTrue();
        assertThat(TempFileNames.forTarget("logo.svg")).isNotEqualTo(name);
        assertThat(TempFileNames.isOurs("logo.svg")).isFalse();
        assertThat(TempFileNames.isOurs(".logo.svg.swp")).isFalse();
        assertThat(TempFileNames.isOurs(".logo.svg.theme-mirror-XYZ.tmp")).isFalse();
        assertThat(TempFileNames.isOurs("logo.svg.theme-mirror-0123456789abcdef.tmp")).isFalse();
    }
}
