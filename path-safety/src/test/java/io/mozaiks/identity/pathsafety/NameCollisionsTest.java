package io.mozaiks.identity.pathsafety;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NameCollisionsTest {
    private static RelativePath p(String raw) throws UnsafePathException {
        return RelativePath.of(raw);
    }

    @Test
    void caseInsensitiveCollision() throws Exception {
        NameCollisions names = new NameCollisions();
        assertThat(names.add(p("src/Logo.svg"))).isEmpty();
        assertThat(names.add(p("src/logo.SVG"))).get().asString().contains("collides with 'src/Logo.svg'");
    }

    @Test
    void folderCaseCollision() throws Exception {
        NameCollisions names = new NameCollisions();
        assertThat(names.add(p("Src/a.txt"))).isEmpty();
        assertThat(names.add(p("src/b.txt"))).get().asString().contains("folder 'src'");
    }

    @Test
    void unicodeNormalisationCollision() throws Exception {
        NameCollisions names = new NameCollisions();
        assertThat(names.add(p("caf\u00e9.txt"))).isEmpty();          // composed
        assertThat(names.add(p("cafe\u0301.txt"))).isPresent();        // decomposed
    }

    @Test
    void caseMappingThatDecomposesStillCollides() throws Exception {
        // U+0390 upper-cases to three code points; found by differentCaseOfAcceptedNameCollides.
        NameCollisions names = new NameCollisions();
        assertThat(names.add(p("\u0390"))).isEmpty();
        assertThat(names.add(p("\u0390".toUpperCase(java.util.Locale.ROOT)))).isPresent();
    }

    @Test
    void fullCaseFoldingCollision() throws Exception {
        NameCollisions names = new NameCollisions();
        assertThat(names.add(p("stra\u00dfe.txt"))).isEmpty();
        assertThat(names.add(p("STRASSE.txt"))).isPresent();
    }

    @Test
    void exactDuplicate() throws Exception {
        NameCollisions names = new NameCollisions();
        assertThat(names.add(p("a/b.txt"))).isEmpty();
        assertThat(names.add(p("a/b.txt"))).get().asString().contains("duplicate");
    }

    @Test
    void fileAndFolderWithSameName() throws Exception {
        NameCollisions names = new NameCollisions();
        assertThat(names.add(p("a/b"))).isEmpty();
        assertThat(names.add(p("a/b/c.txt"))).get().asString().contains("both as a file and as a folder");
        NameCollisions reverse = new NameCollisions();
        assertThat(reverse.add(p("a/b/c.txt"))).isEmpty();
        assertThat(reverse.add(p("A/B"))).isPresent();
    }

    @Test
    void siblingsInOneFolderAreFine() throws Exception {
        NameCollisions names = new NameCollisions();
        assertThat(names.add(p("a/b.txt"))).isEmpty();
        assertThat(names.add(p("a/c.txt"))).isEmpty();
        assertThat(names.add(p("a/d/e.txt"))).isEmpty();
    }
}
