package io.mozaiks.identity.mirror.apply;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/**
 * On Windows, a rename onto a file that an editor, virus scanner or indexer holds open fails with
 * AccessDeniedException (a FileSystemException). That is usually brief, so retry a few times with a growing
 * pause, then give up and let the caller report a conflict.
 */
public final class RenameRetry {
    public static final int ATTEMPTS = 5;
    public static final long FIRST_PAUSE_MILLIS = 100;

    /** The rename itself. */
    @FunctionalInterface
    public interface Rename {
        void run() throws IOException;
    }

    /** Injected so tests run without real sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    private final Sleeper sleeper;

    public RenameRetry(Sleeper sleeper) {
        this.sleeper = sleeper;
    }

    public static RenameRetry withThreadSleep() {
        return new RenameRetry(Thread::sleep);
    }

    public void run(Rename rename) throws IOException {
        FileSystemException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                rename.run();
                return;
            } catch (NoSuchFileException gone) {
                throw gone; // not a transient block: the temp file or folder vanished
            } catch (FileSystemException blocked) {
                last = blocked;
                if (attempt < ATTEMPTS) {
                    pause(FIRST_PAUSE_MILLIS * attempt);
                }
            }
        }
        throw new RenameBlockedException("rename still blocked after " + ATTEMPTS + " attempts ("
                + last.getClass().getSimpleName() + ": " + last.getMessage()
                + "); close programs that have the target open and retry", last);
    }

    private void pause(long millis) throws IOException {
        try {
            sleeper.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while retrying a rename", e);
        }
    }
}
