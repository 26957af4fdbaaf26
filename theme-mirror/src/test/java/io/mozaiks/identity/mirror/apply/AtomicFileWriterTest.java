package io.mozaiks.identity.mirror.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.mozaiks.identity.pathsafety.RelativePath;
import io.mozaiks.identity.pathsafety.SafeRoot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileWriterTest {
    @TempDir
    Path dir;

    private final AtomicFileWriter writer = new AtomicFileWriter(new RenameRetry(millis -> { }), TestPause.from(Map.of()));

    private static RelativePath logo() throws IOException {
        return RelativePath.of("logo.svg");
    }

    private long entries() throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.count();
        }
    }

    @Test
    void replacesTheTargetAndLeavesNoTempFile() throws Exception {
        Files.writeString(dir.resolve("logo.svg"), "old");
        writer.replace(SafeRoot.open(dir), logo(), "new".getBytes(StandardCharsets.UTF_8), () -> { });
        assertThat(dir.resolve("logo.svg")).hasContent("new");
        assertThat(entries()).isEqualTo(1);
    }

    @Test
    void aVetoBeforeRenameKeepsTheOldFileAndRemovesTheTemp() throws Exception {
        Files.writeString(dir.resolve("logo.svg"), "old");
        assertThatThrownBy(() -> writer.replace(SafeRoot.open(dir), logo(), "new".getBytes(StandardCharsets.UTF_8),
                () -> { throw new IOException("changed"); })).hasMessage("changed");
        assertThat(dir.resolve("logo.svg")).hasContent("old");
        assertThat(entries()).isEqualTo(1);
    }

    @Test
    void staleCleanerRemovesOnlyOurTempNamesAndNeverFollowsLinks() throws Exception {
        Path outside = Files.createTempFile("outside", ".txt");
        try {
            Files.writeString(outside, "keep");
            Files.writeString(dir.resolve(".logo.svg.theme-mirror-0123456789abcdef.tmp"), "partial");
            Files.createSymbolicLink(dir.resolve(".bg.svg.theme-mirror-fedcba9876543210.tmp"), outside);
            Files.writeString(dir.resolve("logo.svg"), "real");
            Files.writeString(dir.resolve(".logo.svg.swp"), "editor");
            assertThat(StaleTempCleaner.clean(SafeRoot.open(dir))).hasSize(2);
            assertThat(outside).hasContent("keep");
            try (Stream<Path> list = Files.list(dir)) {
                assertThat(list.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("logo.svg", ".logo.svg.swp");
            }
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void aRenameBlockedLikeOnWindowsIsRetriedThenReportedAndCleanedUp() throws Exception {
        Files.writeString(dir.resolve("logo.svg"), "old");
        java.util.concurrent.atomic.AtomicInteger attempts = new java.util.concurrent.atomic.AtomicInteger();
        AtomicFileWriter blocked = new AtomicFileWriter(new RenameRetry(millis -> { }), TestPause.from(Map.of()),
                (from, to) -> {
                    attempts.incrementAndGet();
                    throw new AccessDeniedException(to.toString()); // what NTFS reports while an editor holds the file
                });
        assertThatThrownBy(() -> blocked.replace(SafeRoot.open(dir), logo(), "new".getBytes(StandardCharsets.UTF_8), () -> { }))
                .isInstanceOf(RenameBlockedException.class).hasMessageContaining("close programs");
        assertThat(attempts).hasValue(RenameRetry.ATTEMPTS);
        assertThat(dir.resolve("logo.svg")).hasContent("old");
        assertThat(entries()).isEqualTo(1);
    }
}
