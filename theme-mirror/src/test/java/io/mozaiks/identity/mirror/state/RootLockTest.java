package io.mozaiks.identity.mirror.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RootLockTest {
    @Test
    void secondAcquireWaitsThenFailsAndSucceedsAfterRelease(@TempDir Path temp) throws Exception {
        Path file = temp.resolve("locks/x.lock");
        try (RootLock first = RootLock.acquire(file, Duration.ZERO)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> RootLock.acquire(file, Duration.ofMillis(300)))
                    .isInstanceOf(LockHeldException.class).hasMessageContaining("another theme-mirror run");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        }
        try (RootLock again = RootLock.acquire(file, Duration.ZERO)) {
            assertThat(again).isNotNull();
        }
    }
}
