package io.mozaiks.identity.pathsafety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ArchiveEntryNamesTest {
    static Stream<String> hostile() throws IOException {
        return PathRulesTest.hostileCorpus().stream();
    }

    @ParameterizedTest
    @CsvSource({"keycloak-26.7.5/bin/kc.sh, keycloak-26.7.5/bin/kc.sh", "keycloak-26.7.5/, keycloak-26.7.5",
            "a/./b, a/b", "./a, a", "a/b/., a/b"})
    void normalisesOnlyTheFolderSlashAndDotSegments(String entry, String expected) throws UnsafePathException {
        assertThat(ArchiveEntryNames.of(entry)).hasToString(expected);
    }

    @ParameterizedTest
    @CsvSource({"''", "/", "./", ".", "./."})
    void anEntryNamingTheUnpackFolderItselfIsRefused(String entry) {
        assertThatThrownBy(() -> ArchiveEntryNames.of(entry)).isInstanceOf(UnsafePathException.class);
    }

    /** The corpus covers the unpack writer: a hostile entry is refused or, once normalised, stays inside. */
    @ParameterizedTest
    @MethodSource("hostile")
    void everyHostileCorpusEntryIsRefusedOrLandsInsideTheRoot(String raw) {
        PathVerdict verdict = ArchiveEntryNames.check(raw);
        if (!verdict.isAccepted()) {
            assertThat(verdict.reason()).get().asString().isNotBlank();
            return;
        }
        Path root = Path.of("unpack").toAbsolutePath();
        Path resolved = verdict.path().orElseThrow().resolveAgainst(root).normalize();
        assertThat(resolved).startsWithRaw(root).isNotEqualTo(root);
        assertThat(verdict.path().orElseThrow().segments()).doesNotContain("..", ".", "");
    }

    @Test
    void onlyDotSegmentsAndTheFolderSlashAreForgiven() throws IOException {
        for (String raw : PathRulesTest.hostileCorpus()) {
            String stripped = raw.endsWith("/") ? raw.substring(0, raw.length() - 1) : raw;
            boolean forgivable = Stream.of(stripped.split("/", -1)).anyMatch("."::equals) || !stripped.equals(raw);
            if (!forgivable) {
                assertThat(ArchiveEntryNames.check(raw).isAccepted()).as(PathRules.printable(raw)).isFalse();
            }
        }
    }
}
