package io.mozaiks.identity.mirror.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BundleValidatorTest {
    @Test
    void validBundleKeepsOrderAndEncodesUtf8() throws Exception {
        List<ValidatedFile> files = BundleValidator.validate(List.of(
                new CodeFile(0, "src/app.py", "print('h\u00e9')"), new CodeFile(1, "README.md", "")), BundleLimits.DEFAULTS);
        assertThat(files).extracting(f -> f.path().toString()).containsExactly("src/app.py", "README.md");
        assertThat(files.get(0).content()).hasSize(12);
    }

    @Test
    void firstBadEntryRefusesTheWholeBundleWithIndexAndPath() {
        assertThatThrownBy(() -> BundleValidator.validate(List.of(
                new CodeFile(0, "ok.txt", "x"), new CodeFile(1, "C:\\Windows\\evil.dll", "x")), BundleLimits.DEFAULTS))
                .hasMessageContaining("code_files[1]").hasMessageContaining("C:\\Windows\\evil.dll")
                .hasMessageContaining("drive letter");
    }

    @Test
    void caseCollisionsAreRefused() {
        assertThatThrownBy(() -> BundleValidator.validate(List.of(
                new CodeFile(0, "src/Main.java", "x"), new CodeFile(1, "src/main.java", "y")), BundleLimits.DEFAULTS))
                .hasMessageContaining("code_files[1]").hasMessageContaining("collides");
    }

    @Test
    void sizeLimitsAreReportedAsLimits() {
        assertThatThrownBy(() -> BundleValidator.validate(List.of(new CodeFile(0, "a", "12345")), new BundleLimits(10, 100, 4)))
                .hasMessageContaining("5 bytes, above the limit of 4 (--max-file-bytes)")
                .satisfies(e -> assertThat(((BundleRefusedException) e).limitExceeded()).isTrue());
        assertThatThrownBy(() -> BundleValidator.validate(List.of(new CodeFile(0, "a", "1234"), new CodeFile(1, "b", "1234")),
                new BundleLimits(10, 6, 4)))
                .hasMessageContaining("code_files[1]").hasMessageContaining("--max-total-bytes");
    }

    @Test
    void loneSurrogateContentIsRefused() {
        assertThatThrownBy(() -> BundleValidator.validate(List.of(new CodeFile(0, "a.txt", "x\uD800y")), BundleLimits.DEFAULTS))
                .hasMessageContaining("not valid Unicode");
    }

    @Test
    void emptyBundleIsRefused() {
        assertThatThrownBy(() -> BundleValidator.validate(List.of(), BundleLimits.DEFAULTS)).hasMessageContaining("empty");
    }
}
