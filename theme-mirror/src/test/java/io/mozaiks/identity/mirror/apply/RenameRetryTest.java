package io.mozaiks.identity.mirror.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The Windows "file in use" behaviour, simulated: the rename throws like NTFS does when a program holds the target. */
class RenameRetryTest {
    private final List<Long> sleeps = new ArrayList<>();
    private final RenameRetry retry = new RenameRetry(sleeps::add);

    @Test
    void transientAccessDeniedIsRetried() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        retry.run(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new AccessDeniedException("C:\\repo\\logo.svg");
            }
        });
        assertThat(calls).hasValue(3);
        assertThat(sleeps).containsExactly(100L, 200L);
    }

    @Test
    void persistentBlockBecomesRenameBlocked() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retry.run(() -> {
            calls.incrementAndGet();
            throw new FileSystemException("C:\\repo\\logo.svg", null, "The process cannot access the file because it is being used by another process");
        })).isInstanceOf(RenameBlockedException.class).hasMessageContaining("after 5 attempts");
        assertThat(calls).hasValue(RenameRetry.ATTEMPTS);
    }

    @Test
    void missingTempFileIsNotRetried() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> retry.run(() -> {
            calls.incrementAndGet();
            throw new NoSuchFileException("x");
        })).isInstanceOf(NoSuchFileException.class);
        assertThat(calls).hasValue(1);
    }
}
