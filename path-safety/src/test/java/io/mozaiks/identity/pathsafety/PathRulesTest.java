package io.mozaiks.identity.pathsafety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PathRulesTest {
    static final int MINIMUM_CORPUS_SIZE = 100;

    /** The corpus: one JSON string literal per line, '#' comments and blank lines skipped. */
    static List<String> hostileCorpus() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> paths = new ArrayList<>();
        try (InputStream stream = PathRulesTest.class.getResourceAsStream("/hostile-paths.txt")) {
            String text = new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            for (String line : text.split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                paths.add(json.readValue(line, String.class));
            }
        }
        return paths;
    }

    static Stream<String> hostile() throws IOException {
        return hostileCorpus().stream();
    }

    @Test
    void corpusHasAtLeastOneHundredDistinctHostilePaths() throws IOException {
        List<String> corpus = hostileCorpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(MINIMUM_CORPUS_SIZE);
        assertThat(corpus).doesNotHaveDuplicates();
    }

    @Test
    void everyHostilePathIsRejectedWithAReason() throws IOException {
        List<String> accepted = new ArrayList<>();
        for (String path : hostileCorpus()) {
            PathVerdict verdict = PathRules.check(path);
            if (verdict.isAccepted()) {
                accepted.add(PathRules.printable(path));
            } else {
                assertThat(verdict.reason()).as("reason for %s", PathRules.printable(path)).get()
                        .asString().isNotBlank();
                assertThat(verdict.path()).isEmpty();
            }
        }
        assertThat(accepted).as("hostile paths that were accepted").isEmpty();
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void relativePathOfThrowsForHostile(String path) {
        assertThatThrownBy(() -> RelativePath.of(path)).isInstanceOf(UnsafePathException.class)
                .satisfies(e -> assertThat(((UnsafePathException) e).reason()).isNotBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "logo.svg",
        "mozaiks/login/resources/img/logo.svg",
        "examples/keycloak/theme/mozaiks/login/resources/img/background.svg",
        "src/main.py",
        "a/b/c/d.txt",
        ".env.example",
        ".github/workflows/ci.yml",
        "README",
        "Makefile",
        "dir.with.dots/file.tar.gz",
        "caf\u00e9/men\u00fc.txt",
        "\u65e5\u672c\u8a9e/\u30d5\u30a1\u30a4\u30eb.md",
        "emoji-\uD83D\uDE00.txt",
        "a b/c d.txt",
        "console.log",
        "com10.txt",
        "lpt.txt",
        "nullable.ts",
        "auxiliary/x",
        "COM1x",
        "~tilde",
        "a~b",
        "x..y",
        "-leading-dash",
        "[brackets]",
        "name#hash",
        "percent%20.txt",
        ".gitignore",
        ".gitkeep",
        "git/config"
    })
    void validPathsAreAccepted(String path) {
        PathVerdict verdict = PathRules.check(path);
        assertThat(verdict.isAccepted()).as(verdict.toString()).isTrue();
        assertThat(verdict.path().orElseThrow().toString()).isEqualTo(path);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "../x             | '..' leaves the folder",
        "/etc/passwd      | absolute path",
        "C:/x             | Windows drive letter",
        "//server/share   | UNC or network path",
        "a\\b             | backslash",
        "ab:c             | alternate data stream",
        "a//b             | empty segment",
        "a/./b            | '.' segment",
        "con.txt          | reserved device name CON",
        "COM\u00B9.log    | reserved device name COM\u00B9",
        "a.               | trailing dot or space",
        "a*b              | not allowed in Windows names",
        ".git/config      | '.git' folder",
        "GIT~1/config     | short-name alias"
    })
    void reasonsNameTheProblem(String path, String expected) {
        assertThat(PathRules.check(path.strip()).reason()).get().asString().contains(expected);
    }

    @Test
    void reasonsForControlCharactersAreOneLine() {
        String reason = PathRules.check("a\nb").reason().orElseThrow();
        assertThat(reason).contains("U+000A").doesNotContain("\n");
        assertThat(new UnsafePathException("a\nb", reason).getMessage()).doesNotContain("\n");
    }

    @Test
    void nullIsRejected() {
        assertThat(PathRules.check(null).isAccepted()).isFalse();
    }
}
