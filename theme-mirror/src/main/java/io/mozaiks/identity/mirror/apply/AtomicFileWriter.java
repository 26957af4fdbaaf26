package io.mozaiks.identity.mirror.apply;

import io.mozaiks.identity.pathsafety.RelativePath;
import io.mozaiks.identity.pathsafety.SafeRoot;
import java.io.IOException;

/**
 * Replaces one target in mozaiks-core through {@link SafeRoot#replace} (durable temp file beside the target,
 * atomic rename, folder sync), adding this tool's policy: the recognisable temp name of
 * {@link TempFileNames} (so a killed run's temp file is removed by {@link StaleTempCleaner} next time), the
 * test-only pause, the last-moment veto, and the Windows rename retry.
 */
public final class AtomicFileWriter {
    /** Called after the temp file is durable and right before the rename; may veto by throwing. */
    @FunctionalInterface
    public interface BeforeRename {
        void check() throws IOException;
    }

    private final RenameRetry retry;
    private final TestPause pause;
    private final SafeRoot.Commit mover;

    public AtomicFileWriter(RenameRetry retry, TestPause pause) {
        this(retry, pause, SafeRoot.ATOMIC_RENAME);
    }

    /** {@code mover} is the final rename; replaceable so the Windows "file in use" failure can be simulated. */
    public AtomicFileWriter(RenameRetry retry, TestPause pause, SafeRoot.Commit mover) {
        this.retry = retry;
        this.pause = pause;
        this.mover = mover;
    }

    public void replace(SafeRoot root, RelativePath target, byte[] content, BeforeRename beforeRename) throws IOException {
        root.replace(target, TempFileNames.forTarget(target.fileName()), content, (temp, file) -> {
            pause.beforeRename();
            beforeRename.check();
            retry.run(() -> mover.rename(temp, file));
        });
    }
}
