package io.mozaiks.identity.pathsafety;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TreeRemoverTest {
    @TempDir
    Path temp;
    Path outside;

    @BeforeEach
    void outsideFolder() throws Exception {
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("keep.txt"), "keep");
    }

    @Test
    void neverDescendsThroughLinks() throws Exception {
        Path tree = Files.createDirectories(temp.resolve("tree/sub"));
        Files.createSymbolicLink(tree.resolve("link"), outside);
        Files.writeString(tree.resolve("f.txt"), "x");
        TreeRemover.removeAt(temp.resolve("tree"));
        assertThat(temp.resolve("tree")).doesNotExist();
        assertThat(outside.resolve("keep.txt")).hasContent("keep");
    }

    @Test
    void aLinkAtThePlaceIsRemovedItselfAndAMissingPlaceIsNoError() throws Exception {
        Path link = Files.createSymbolicLink(temp.resolve("data"), outside);
        TreeRemover.removeAt(link);
        assertThat(Files.exists(link, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(outside.resolve("keep.txt")).hasContent("keep");
        TreeRemover.removeAt(link);
    }

    @Test
    void removesADanglingLinkAndAPlainFile() throws Exception {
        Path dangling = Files.createSymbolicLink(temp.resolve("dangling"), temp.resolve("gone"));
        Path file = Files.writeString(temp.resolve("file.txt"), "x");
        TreeRemover.removeAt(dangling);
        TreeRemover.removeAt(file);
        assertThat(Files.exists(dangling, LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(file).doesNotExist();
    }
}
