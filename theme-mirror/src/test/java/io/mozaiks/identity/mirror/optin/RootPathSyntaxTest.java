package io.mozaiks.identity.mirror.optin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RootPathSyntaxTest {
    @ParameterizedTest
    @ValueSource(strings = {"C:\\Users\\me\\src\\mozaiks-core", "c:/work/mozaiks-core", "D:\\", "\\\\server\\share\\mozaiks-core",
        "C:\\Users\\me\\OneDrive - Firma\\mozaiks-core"})
    void windowsAbsolutePathsAreAccepted(String value) {
        assertThat(RootPathSyntax.problem(value, true)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "C:mozaiks-core      | drive-relative",
        "\\mozaiks-core      | no drive letter",
        "mozaiks-core        | not an absolute path",
        "..\\mozaiks-core    | not an absolute path",
        "~\\src\\mozaiks-core | '~'"
    })
    void windowsRelativePathsAreRefused(String value, String reason) {
        assertThat(RootPathSyntax.problem(value.strip(), true)).get().asString().contains(reason.strip());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/home/me/mozaiks-core", "/Users/me/src/mozaiks core"})
    void posixAbsolutePathsAreAccepted(String value) {
        assertThat(RootPathSyntax.problem(value, false)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mozaiks-core", "./mozaiks-core", "~/mozaiks-core", "", "  ", "C:\\Users\\me"})
    void posixRelativePathsAreRefused(String value) {
        assertThat(RootPathSyntax.problem(value, false)).isPresent();
    }
}
