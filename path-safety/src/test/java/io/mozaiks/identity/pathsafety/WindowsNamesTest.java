package io.mozaiks.identity.pathsafety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WindowsNamesTest {
    @ParameterizedTest
    @ValueSource(strings = {"CON", "con", "Con.txt", "NUL.tar.gz", "aux", "PRN.md", "COM1", "com9.x", "COM0",
        "LPT5", "lpt0.log", "COM\u00B9", "COM\u00B2.txt", "lpt\u00B3", "CONIN$", "conout$.txt", "COM1 .txt", "NUL  "})
    void reservedNamesWithOrWithoutExtension(String name) {
        assertThat(WindowsNames.reservedDevice(name)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"CONSOLE", "con1", "COM10", "LPT", "NULL.txt", "xcon", "COM\u2074", "auxiliary", "a.CON", ".con"})
    void ordinaryNames(String name) {
        assertThat(WindowsNames.reservedDevice(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"GIT~1", "PROGRA~2", "a~0b"})
    void shortNameAliases(String name) {
        assertThat(WindowsNames.looksLikeShortNameAlias(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"~x", "a~", "a~b", "report~final"})
    void tildeWithoutDigitIsFine(String name) {
        assertThat(WindowsNames.looksLikeShortNameAlias(name)).isFalse();
    }
}
