package io.mozaiks.identity.mirror.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * Serialises runs on the same root with an OS file lock on a per-root file in the state folder. The OS drops
 * the lock when the process dies (even on kill -9), so a crash never leaves a stale lock behind.
 */
public final class RootLock implements AutoCloseable {
    /** How long a second run waits before giving up. */
    public static final Duration WAIT = Duration.ofSeconds(2);
    private static final long POLL_MILLIS = 100;

    private final FileChannel channel;
    private final FileLock lock;

    private RootLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static RootLock acquire(Path lockFile, Duration wait) throws IOException, LockHeldException {
        Files.createDirectories(lockFile.getParent());
        FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException sameJvm) {
                    lock = null;
                }
                if (lock != null) {
                    return new RootLock(channel, lock);
                }
                if (System.nanoTime() >= deadline) {
                    channel.close();
                    throw new LockHeldException("another theme-mirror run holds the lock " + lockFile
                            + "; wait for it to finish and retry");
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            channel.close();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the lock", e);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
