package io.mozaiks.identity.pathsafety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafeRootTest {
    @TempDir
    Path temp;
    Path root;
    Path outside;

    @BeforeEach
    void layout() throws Exception {
        root = Files.createDirectories(temp.resolve("root"));
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createDirectories(root.resolve("dir/sub"));
        Files.writeString(root.resolve("dir/sub/file.txt"), "hello");
    }

    @Test
    void readsARegularFile() throws Exception {
        SafeRoot safe = SafeRoot.open(root);
        assertThat(new String(safe.readFile(RelativePath.of("dir/sub/file.txt"), 100), StandardCharsets.UTF_8))
                .isEqualTo("hello");
        assertThat(safe.inspect(RelativePath.of("dir/sub/file.txt")).size()).isEqualTo(5);
        assertThat(safe.inspect(RelativePath.of("dir/sub")).kind()).isEqualTo(SafeRoot.Kind.DIRECTORY);
        assertThat(safe.inspect(RelativePath.of("dir/missing/x")).kind()).isEqualTo(SafeRoot.Kind.MISSING);
    }

    @Test
    void rootMayItselfBeALink() throws Exception {
        Path linkToRoot = Files.createSymbolicLink(temp.resolve("root-link"), root);
        SafeRoot safe = SafeRoot.open(linkToRoot);
        assertThat(safe.root()).isEqualTo(root.toRealPath());
        assertThat(safe.readFile(RelativePath.of("dir/sub/file.txt"), 100)).hasSize(5);
    }

    @Test
    void refusesSymlinkedFolderOnTheWay() throws Exception {
        Files.createSymbolicLink(root.resolve("dir/escape"), outside);
        SafeRoot safe = SafeRoot.open(root);
        assertThatThrownBy(() -> safe.readFile(RelativePath.of("dir/escape/secret.txt"), 100))
                .isInstanceOf(UnsafePathException.class).hasMessageContaining("'dir/escape' is a symbolic link");
    }

    @Test
    void refusesSymlinkedFinalFile() throws Exception {
        Files.createSymbolicLink(root.resolve("dir/secret.txt"), outside.resolve("secret.txt"));
        SafeRoot safe = SafeRoot.open(root);
        assertThatThrownBy(() -> safe.readFile(RelativePath.of("dir/secret.txt"), 100))
                .isInstanceOf(UnsafePathException.class).hasMessageContaining("symbolic link");
    }

    @Test
    void refusesDanglingLink() throws Exception {
        Files.createSymbolicLink(root.resolve("dir/dangling"), outside.resolve("nothing-here"));
        SafeRoot safe = SafeRoot.open(root);
        assertThatThrownBy(() -> safe.inspect(RelativePath.of("dir/dangling")))
                .isInstanceOf(UnsafePathException.class);
    }

    @Test
    void refusesFileUsedAsFolder() throws Exception {
        SafeRoot safe = SafeRoot.open(root);
        assertThatThrownBy(() -> safe.inspect(RelativePath.of("dir/sub/file.txt/x")))
                .isInstanceOf(UnsafePathException.class).hasMessageContaining("not a folder");
    }

    @Test
    void refusesFilesAboveTheCap() throws Exception {
        SafeRoot safe = SafeRoot.open(root);
        assertThatThrownBy(() -> safe.readFile(RelativePath.of("dir/sub/file.txt"), 4))
                .isInstanceOf(UnsafePathException.class).hasMessageContaining("above the cap");
    }

    @Test
    void refusesFolderWhereFileExpected() throws Exception {
        SafeRoot safe = SafeRoot.open(root);
        assertThatThrownBy(() -> safe.readFile(RelativePath.of("dir/sub"), 100))
                .isInstanceOf(UnsafePathException.class);
        assertThatThrownBy(() -> safe.readFile(RelativePath.of("dir/none.txt"), 100))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void refusesSpecialFiles() throws Exception {
        Path fifo = root.resolve("dir/fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        SafeRoot safe = SafeRoot.open(root);
        assertThatThrownBy(() -> safe.readFile(RelativePath.of("dir/fifo"), 100))
                .isInstanceOf(UnsafePathException.class).hasMessageContaining("special file");
    }

    @Test
    void writeNewFileCreatesFoldersAndNeverFollowsLinks() throws Exception {
        SafeRoot safe = SafeRoot.open(root);
        Path written = safe.writeNewFile(RelativePath.of("new/deep/x.txt"), "x".getBytes(StandardCharsets.UTF_8));
        assertThat(written).hasContent("x").startsWithRaw(root.toRealPath());

        Files.createSymbolicLink(root.resolve("planted"), outside);
        assertThatThrownBy(() -> safe.writeNewFile(RelativePath.of("planted/evil.txt"), new byte[] {1}))
                .isInstanceOf(UnsafePathException.class);
        Files.createSymbolicLink(root.resolve("new/deep/link.txt"), outside.resolve("secret.txt"));
        assertThatThrownBy(() -> safe.writeNewFile(RelativePath.of("new/deep/link.txt"), new byte[] {1}))
                .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
        assertThat(outside.resolve("secret.txt")).hasContent("secret");
        assertThat(outside.resolve("evil.txt")).doesNotExist();
    }

    @Test
    void rootMustBeAFolder() throws Exception {
        assertThatThrownBy(() -> SafeRoot.open(root.resolve("dir/sub/file.txt"))).isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> SafeRoot.open(root.resolve("nope"))).isInstanceOf(NoSuchFileException.class);
    }
}
