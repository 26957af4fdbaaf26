package io.mozaiks.identity.mirror.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mozaiks.identity.pathsafety.RelativePath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleWriterTest {
    @TempDir
    Path temp;
    Path outside;

    @BeforeEach
    void outsideFolder() throws Exception {
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("keep.txt"), "keep");
    }

    private static List<ValidatedFile> bundle(String... pathsAndContents) throws Exception {
        List<ValidatedFile> files = new java.util.ArrayList<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            files.add(new ValidatedFile(i / 2, RelativePath.of(pathsAndContents[i]),
                    pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8)));
        }
        return files;
    }

    private List<String> siblings() throws Exception {
        try (Stream<Path> list = Files.list(temp)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesANewFolder() throws Exception {
        BundleResult result = BundleWriter.write(temp.resolve("out"), bundle("a/b.txt", "B", "c.txt", "C"), false);
        assertThat(result.replaced()).isFalse();
        assertThat(temp.resolve("out/a/b.txt")).hasContent("B");
        assertThat(temp.resolve("out/c.txt")).hasContent("C");
        assertThat(siblings()).containsExactly("out", "outside");
    }

    @Test
    void anEmptyFolderIsReplacedButANonEmptyOneNeedsReplace() throws Exception {
        Files.createDirectories(temp.resolve("out"));
        BundleWriter.write(temp.resolve("out"), bundle("x.txt", "1"), false);
        assertThat(temp.resolve("out/x.txt")).hasContent("1");

        assertThatThrownBy(() -> BundleWriter.write(temp.resolve("out"), bundle("y.txt", "2"), false))
                .hasMessageContaining("not empty").hasMessageContaining("--replace");
        assertThat(temp.resolve("out/y.txt")).doesNotExist();

        BundleResult replaced = BundleWriter.write(temp.resolve("out"), bundle("y.txt", "2"), true);
        assertThat(replaced.replaced()).isTrue();
        assertThat(temp.resolve("out/y.txt")).hasContent("2");
        assertThat(temp.resolve("out/x.txt")).doesNotExist();
        assertThat(siblings()).containsExactly("out", "outside");
    }

    @Test
    void aLinkAtTheOutputPlaceIsRefused() throws Exception {
        Files.createSymbolicLink(temp.resolve("out"), outside);
        assertThatThrownBy(() -> BundleWriter.write(temp.resolve("out"), bundle("keep.txt", "evil"), true))
                .isInstanceOf(BundleRefusedException.class).hasMessageContaining("symbolic link");
        assertThat(outside.resolve("keep.txt")).hasContent("keep");
        assertThat(siblings()).containsExactly("out", "outside");
    }

    @Test
    void replacingAFolderWithPlantedLinksDeletesTheLinksNotTheirTargets() throws Exception {
        Path out = Files.createDirectories(temp.resolve("out"));
        Files.createSymbolicLink(out.resolve("src"), outside);
        Files.createSymbolicLink(out.resolve("file.txt"), outside.resolve("keep.txt"));
        BundleWriter.write(out, bundle("src/keep.txt", "new", "file.txt", "new"), true);
        assertThat(outside.resolve("keep.txt")).hasContent("keep");
        assertThat(Files.isSymbolicLink(out.resolve("src"))).isFalse();
        assertThat(out.resolve("src/keep.txt")).hasContent("new");
        assertThat(out.resolve("file.txt")).hasContent("new");
    }

    @Test
    void missingParentIsRefused() {
        assertThatThrownBy(() -> BundleWriter.write(temp.resolve("no/such/out"), List.of(), false))
                .hasMessageContaining("parent folder");
    }

    @Test
    void dotDotInOutIsRefused() {
        assertThatThrownBy(() -> BundleWriter.write(temp.resolve("outside/../out"), List.of(), false))
                .hasMessageContaining("'..'");
    }

    @Test
    void anOutNameThePathRulesRefuseIsRefusedAndNothingIsWritten() throws Exception {
        for (String name : new String[] {"out.", "CON", "GIT~1"}) {
            assertThatThrownBy(() -> BundleWriter.write(temp.resolve(name), bundle("a.txt", "A"), false))
                    .as(name).isInstanceOf(BundleRefusedException.class).hasMessageContaining("not portable");
        }
        assertThat(siblings()).containsExactly("outside");
    }
}
