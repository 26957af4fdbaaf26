package io.mozaiks.identity.pathsafety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The os.Root verbs beyond read: lstat, list, openRoot, mkdirs, create-new from a stream, replace, rename, remove-tree. */
class SafeRootVerbsTest {
    @TempDir
    Path temp;
    Path rootDir;
    Path outside;
    SafeRoot root;

    @BeforeEach
    void layout() throws Exception {
        rootDir = Files.createDirectories(temp.resolve("root"));
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createDirectories(rootDir.resolve("dir"));
        Files.writeString(rootDir.resolve("dir/file.txt"), "hello");
        Files.createSymbolicLink(rootDir.resolve("escape"), outside);
        root = SafeRoot.open(rootDir);
    }

    private static RelativePath path(String raw) throws UnsafePathException {
        return RelativePath.of(raw);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private long entriesIn(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.count();
        }
    }

    @Test
    void lstatReportsTheLastSegmentAsItIsButRefusesLinksOnTheWay() throws Exception {
        assertThat(root.lstat(path("escape")).kind()).isEqualTo(SafeRoot.Kind.LINK);
        assertThat(root.lstat(path("dir/file.txt")).kind()).isEqualTo(SafeRoot.Kind.FILE);
        assertThat(root.lstat(path("dir/file.txt")).size()).isEqualTo(5);
        assertThat(root.lstat(path("dir")).kind()).isEqualTo(SafeRoot.Kind.DIRECTORY);
        assertThat(root.lstat(path("dir/none")).kind()).isEqualTo(SafeRoot.Kind.MISSING);
        assertThatThrownBy(() -> root.lstat(path("escape/secret.txt")))
                .isInstanceOf(UnsafePathException.class).hasMessageContaining("'escape' is a symbolic link");
        Process mkfifo = new ProcessBuilder("mkfifo", rootDir.resolve("dir/fifo").toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        assertThat(root.lstat(path("dir/fifo")).kind()).isEqualTo(SafeRoot.Kind.OTHER);
    }

    @Test
    void listNamesTheEntriesSortedWithoutEnteringThem() throws Exception {
        assertThat(root.list()).containsExactly("dir", "escape");
        assertThat(root.openRoot(path("dir")).list()).containsExactly("file.txt");
    }

    @Test
    void openRootRefusesALinkAFileAndAMissingFolder() throws Exception {
        assertThat(root.openRoot(path("dir")).root()).isEqualTo(rootDir.toRealPath().resolve("dir"));
        assertThatThrownBy(() -> root.openRoot(path("escape"))).isInstanceOf(UnsafePathException.class);
        assertThatThrownBy(() -> root.openRoot(path("dir/file.txt"))).isInstanceOf(UnsafePathException.class);
        assertThatThrownBy(() -> root.openRoot(path("none"))).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void mkdirsCreatesWhatIsMissingAndRefusesLinksAndFilesInTheWay() throws Exception {
        assertThat(root.mkdirs(path("a/b/c"))).isDirectory();
        assertThat(root.mkdirs(path("a/b"))).isDirectory(); // existing folders are fine
        assertThatThrownBy(() -> root.mkdirs(path("escape/new"))).isInstanceOf(UnsafePathException.class);
        assertThatThrownBy(() -> root.mkdirs(path("dir/file.txt/x"))).isInstanceOf(UnsafePathException.class);
        assertThat(outside.resolve("new")).doesNotExist();
    }

    @Test
    void writeNewFileFromAStreamNeverReplaces() throws Exception {
        Path written = root.writeNewFile(path("big/x.bin"), new ByteArrayInputStream(bytes("stream")));
        assertThat(written).hasContent("stream");
        assertThatThrownBy(() -> root.writeNewFile(path("big/x.bin"), new ByteArrayInputStream(bytes("again"))))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(written).hasContent("stream");
    }

    @Test
    void replaceCreatesOrReplacesAndLeavesNoTempFile() throws Exception {
        root.replace(path("dir/file.txt"), ".file.txt.tmp", bytes("new"), SafeRoot.ATOMIC_RENAME);
        root.replace(path("dir/other.txt"), ".other.txt.tmp", bytes("created"), SafeRoot.ATOMIC_RENAME);
        assertThat(rootDir.resolve("dir/file.txt")).hasContent("new");
        assertThat(rootDir.resolve("dir/other.txt")).hasContent("created");
        assertThat(entriesIn(rootDir.resolve("dir"))).isEqualTo(2);
    }

    @Test
    void aFailedCommitKeepsTheOldFileAndRemovesTheTemp() throws Exception {
        assertThatThrownBy(() -> root.replace(path("dir/file.txt"), ".file.txt.tmp", bytes("new"),
                (tempFile, target) -> {
                    assertThat(tempFile).hasContent("new"); // durable before the commit runs
                    throw new IOException("vetoed");
                })).hasMessage("vetoed");
        assertThat(rootDir.resolve("dir/file.txt")).hasContent("hello");
        assertThat(entriesIn(rootDir.resolve("dir"))).isEqualTo(1);
    }

    @Test
    void replaceRefusesLinksFoldersMissingFoldersAndTempNamesThatArePaths() throws Exception {
        Files.createSymbolicLink(rootDir.resolve("dir/link.txt"), outside.resolve("secret.txt"));
        assertThatThrownBy(() -> root.replace(path("dir/link.txt"), ".t.tmp", bytes("x"), SafeRoot.ATOMIC_RENAME))
                .isInstanceOf(UnsafePathException.class);
        assertThatThrownBy(() -> root.replace(path("escape/secret.txt"), ".t.tmp", bytes("x"), SafeRoot.ATOMIC_RENAME))
                .isInstanceOf(UnsafePathException.class);
        assertThatThrownBy(() -> root.replace(path("dir"), ".t.tmp", bytes("x"), SafeRoot.ATOMIC_RENAME))
                .isInstanceOf(UnsafePathException.class);
        assertThatThrownBy(() -> root.replace(path("none/x.txt"), ".t.tmp", bytes("x"), SafeRoot.ATOMIC_RENAME))
                .isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> root.replace(path("dir/file.txt"), "../t.tmp", bytes("x"), SafeRoot.ATOMIC_RENAME))
                .isInstanceOf(UnsafePathException.class);
        assertThat(outside.resolve("secret.txt")).hasContent("secret");
        assertThat(rootDir.resolve("dir/file.txt")).hasContent("hello");
    }

    @Test
    void renameMovesAnEntryButNeverOntoAnExistingOneOrThroughALink() throws Exception {
        root.rename(path("dir"), path("moved"));
        assertThat(rootDir.resolve("moved/file.txt")).hasContent("hello");
        root.rename(path("escape"), path("moved/escape")); // a link is moved as a link
        assertThat(Files.isSymbolicLink(rootDir.resolve("moved/escape"))).isTrue();
        assertThat(outside.resolve("secret.txt")).hasContent("secret");

        Files.writeString(rootDir.resolve("taken.txt"), "taken");
        assertThatThrownBy(() -> root.rename(path("moved/file.txt"), path("taken.txt")))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThatThrownBy(() -> root.rename(path("moved/file.txt"), path("moved/escape/file.txt")))
                .isInstanceOf(UnsafePathException.class);
        assertThatThrownBy(() -> root.rename(path("none"), path("other")))
                .isInstanceOf(NoSuchFileException.class);
        assertThatThrownBy(() -> root.rename(path("taken.txt"), path("none/taken.txt")))
                .isInstanceOf(NoSuchFileException.class);
        assertThat(rootDir.resolve("taken.txt")).hasContent("taken");
        assertThat(outside).isDirectoryNotContaining(p -> p.getFileName().toString().equals("file.txt"));
    }

    @Test
    void removeTreeRemovesFoldersAndLinksButNothingBehindALink() throws Exception {
        Files.createSymbolicLink(rootDir.resolve("dir/inner-escape"), outside);
        root.removeTree(path("escape"));
        assertThat(Files.exists(rootDir.resolve("escape"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        root.removeTree(path("dir"));
        assertThat(rootDir.resolve("dir")).doesNotExist();
        root.removeTree(path("dir")); // missing: no error
        assertThat(outside.resolve("secret.txt")).hasContent("secret");

        Files.createSymbolicLink(rootDir.resolve("escape"), outside);
        assertThatThrownBy(() -> root.removeTree(path("escape/secret.txt"))).isInstanceOf(UnsafePathException.class);
        assertThat(outside.resolve("secret.txt")).hasContent("secret");
    }

    @Test
    void childAndSiblingAcceptOnlyOneSafeName() throws Exception {
        assertThat(path("a/b").child("c")).hasToString("a/b/c");
        assertThat(path("a/b").sibling(".b.tmp")).hasToString("a/.b.tmp");
        assertThat(path("b").sibling("c")).hasToString("c");
        for (String bad : new String[] {"..", "x/y", "", "CON", "a\\b"}) {
            assertThatThrownBy(() -> path("a").child(bad)).as(bad).isInstanceOf(UnsafePathException.class);
            assertThatThrownBy(() -> path("a").sibling(bad)).as(bad).isInstanceOf(UnsafePathException.class);
        }
    }
}
