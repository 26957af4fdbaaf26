package io.mozaiks.identity.pathsafety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated paths: whatever PathRules accepts stays under the root, lexically AND through SafeRoot, and no
 * SafeRoot writer (create-new, mkdirs, replace, rename, remove-tree) changes anything outside the root.
 */
class PathRulesPropertiesTest {
    private static Path sandbox;
    private static Path root;
    private static Path outside;
    private static SafeRoot safeRoot;

    @BeforeContainer
    static void createTree() throws IOException {
        sandbox = Files.createTempDirectory("path-props");
        root = Files.createDirectories(sandbox.resolve("root"));
        outside = Files.createDirectories(sandbox.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), "secret");
        Files.createDirectories(root.resolve("a/b"));
        Files.writeString(root.resolve("a/b/file.txt"), "inside");
        // Links that point out of the root, at names the generator produces.
        Files.createSymbolicLink(root.resolve("link"), outside);
        Files.createSymbolicLink(root.resolve("a/up"), sandbox);
        Files.createSymbolicLink(root.resolve("a/b/secret.txt"), outside.resolve("secret.txt"));
        safeRoot = SafeRoot.open(root);
    }

    @AfterContainer
    static void deleteTree() throws IOException {
        try (Stream<Path> walk = Files.walk(sandbox)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Provide
    Arbitrary<String> segments() {
        Arbitrary<String> special = Arbitraries.of("..", ".", "", "a", "b", "link", "up", "secret.txt", "file.txt",
                "C:", "c:\\x", "\\", "..\\..", "~", "CON", "nul.txt", "COM\u00B9", "x ", "x.", ".git", "GIT~1",
                "\u0000", "\u202E", "a:b", "caf\u00e9", "cafe\u0301", "\u00c5", "\u212B", "\uD800", "//", "%2e%2e");
        Arbitrary<String> random = Arbitraries.strings()
                .withChars("ab./\\:~ \u00e9\u0301\u0000\u200B*?<>|\"")
                .withCharRange('\u0000', '\u007F')
                .ofMinLength(0).ofMaxLength(8);
        Arbitrary<String> unicode = Arbitraries.strings().all().ofMinLength(1).ofMaxLength(6);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, special), net.jqwik.api.Tuple.of(3, random), net.jqwik.api.Tuple.of(2, unicode));
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> separator = Arbitraries.of("/", "/", "/", "\\", "//", "/./", "/../");
        Arbitrary<List<String>> parts = segments().list().ofMinSize(1).ofMaxSize(6);
        return Combinators.combine(parts, separator, Arbitraries.of("", "/", "\\", "./", "../", "C:", "//"))
                .as((list, sep, lead) -> lead + String.join(sep, list));
    }

    @Property(tries = 2000)
    void acceptedPathsResolveUnderTheRoot(@ForAll("paths") String raw) {
        PathVerdict verdict = PathRules.check(raw);
        if (!verdict.isAccepted()) {
            assertThat(verdict.reason()).isPresent();
            return;
        }
        RelativePath path = verdict.path().orElseThrow();
        assertThat(path.segments()).doesNotContain("..", ".", "");
        Path resolved = path.resolveAgainst(root).normalize();
        assertThat(resolved).startsWithRaw(root);
        assertThat(resolved).isNotEqualTo(root);
        // The string resolved by the OS's own path rules lands at the same place: no hidden separators.
        assertThat(root.resolve(raw).normalize()).isEqualTo(resolved);
        assertThat(path.toString()).isEqualTo(raw);
    }

    @Property(tries = 1000)
    void anyDotDotSegmentIsRejected(@ForAll("paths") String raw) {
        boolean hasDotDot = Stream.of(raw.split("[/\\\\]", -1)).anyMatch(".."::equals);
        if (hasDotDot) {
            assertThat(PathRules.check(raw).isAccepted()).isFalse();
        }
    }

    @Property(tries = 1000)
    void nothingResolvesOutsideTheRootThroughTheFilesystem(@ForAll("paths") String raw) throws IOException {
        PathVerdict verdict = PathRules.check(raw);
        if (!verdict.isAccepted()) {
            return;
        }
        RelativePath path = verdict.path().orElseThrow();
        SafeRoot.Entry entry;
        try {
            entry = safeRoot.inspect(path);
        } catch (UnsafePathException refused) {
            assertThat(refused.reason()).isNotBlank();
            return;
        }
        Path real = root.toRealPath();
        assertThat(entry.path().normalize()).startsWithRaw(real);
        if (entry.kind() != SafeRoot.Kind.MISSING) {
            assertThat(entry.path().toRealPath()).startsWithRaw(real);
        }
        if (entry.kind() == SafeRoot.Kind.FILE) {
            assertThat(new String(safeRoot.readFile(path, 1024))).isEqualTo("inside");
        }
    }

    @Property(tries = 500)
    void differentCaseOfAcceptedNameCollides(@ForAll("paths") String raw) throws UnsafePathException {
        PathVerdict verdict = PathRules.check(raw);
        String upper = raw.toUpperCase(java.util.Locale.ROOT);
        if (!verdict.isAccepted() || upper.equals(raw) || !PathRules.check(upper).isAccepted()) {
            return;
        }
        NameCollisions names = new NameCollisions();
        assertThat(names.add(verdict.path().orElseThrow())).isEmpty();
        assertThat(names.add(RelativePath.of(upper))).isPresent();
    }

    /** Every SafeRoot verb that changes the filesystem; the ones all writers of the project go through. */
    enum Writer { CREATE_NEW, MKDIRS, REPLACE, RENAME_ONTO, RENAME_AWAY, REMOVE_TREE }

    /** Accepted spellings that mostly walk into the planted links ("link", "a/up", "a/b/secret.txt"). */
    @Provide
    Arbitrary<String> linkWalks() {
        Arbitrary<String> names = Arbitraries.of("a", "b", "link", "up", "secret.txt", "file.txt", "sub", "outside",
                "root", "new");
        return names.list().ofMinSize(1).ofMaxSize(5).map(list -> String.join("/", list));
    }

    @Property(tries = 600)
    void noWriterChangesAnythingOutsideTheRoot(@ForAll("linkWalks") String raw, @ForAll Writer writer) throws IOException {
        PathVerdict verdict = PathRules.check(raw);
        if (!verdict.isAccepted()) {
            return; // no RelativePath, so no writer can even be called: the hostile corpus covers this half
        }
        RelativePath path = verdict.path().orElseThrow();
        Path box = Files.createTempDirectory("writer-props");
        try {
            Path treeRoot = Files.createDirectories(box.resolve("root"));
            Path away = Files.createDirectories(box.resolve("outside/sub"));
            Files.writeString(away.resolve("secret.txt"), "secret");
            Files.createDirectories(treeRoot.resolve("a/b"));
            Files.writeString(treeRoot.resolve("a/b/file.txt"), "inside");
            Files.createSymbolicLink(treeRoot.resolve("link"), away);
            Files.createSymbolicLink(treeRoot.resolve("a/up"), box);
            Files.createSymbolicLink(treeRoot.resolve("a/b/secret.txt"), away.resolve("secret.txt"));
            SafeRoot safe = SafeRoot.open(treeRoot);
            Path real = treeRoot.toRealPath();
            List<String> outsideBefore = listing(box.resolve("outside"));
            try {
                Path written = write(safe, writer, path);
                if (written != null) {
                    assertThat(written.normalize()).startsWithRaw(real);
                }
            } catch (IOException refusedOrFailed) {
                assertThat(refusedOrFailed.getMessage()).isNotBlank();
            }
            assertThat(listing(box.resolve("outside"))).isEqualTo(outsideBefore);
            assertThat(away.resolve("secret.txt")).hasContent("secret");
            try (Stream<Path> top = Files.list(box)) {
                assertThat(top.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("root", "outside");
            }
        } finally {
            TreeRemover.removeAt(box);
        }
    }

    private static Path write(SafeRoot safe, Writer writer, RelativePath path) throws IOException {
        byte[] content = {'x'};
        switch (writer) {
            case CREATE_NEW:
                return safe.writeNewFile(path, content);
            case MKDIRS:
                return safe.mkdirs(path);
            case REPLACE:
                safe.replace(path, ".props.tmp", content, SafeRoot.ATOMIC_RENAME);
                return path.resolveAgainst(safe.root());
            case RENAME_ONTO:
                safe.rename(RelativePath.of("a/b/file.txt"), path);
                return path.resolveAgainst(safe.root());
            case RENAME_AWAY:
                safe.rename(path, RelativePath.of("moved"));
                return null;
            default:
                safe.removeTree(path);
                return null;
        }
    }

    /** Every path below {@code folder} with its content (files) or a marker (folders). */
    private static List<String> listing(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.sorted().map(p -> {
                try {
                    return folder.relativize(p) + (Files.isRegularFile(p) ? "=" + Files.readString(p) : "/");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }
}
