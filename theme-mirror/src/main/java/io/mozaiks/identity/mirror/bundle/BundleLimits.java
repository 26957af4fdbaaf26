package io.mozaiks.identity.mirror.bundle;

/**
 * Caps on what one bundle may contain, so a runaway or hostile workflow cannot fill the disk. Flags may only
 * LOWER them; raising a limit needs a code change and review.
 */
public record BundleLimits(int maxFiles, long maxTotalBytes, long maxFileBytes) {
    public static final int DEFAULT_MAX_FILES = 1000;
    public static final long DEFAULT_MAX_TOTAL_BYTES = 50L * 1024 * 1024;
    public static final long DEFAULT_MAX_FILE_BYTES = 5L * 1024 * 1024;
    public static final BundleLimits DEFAULTS =
            new BundleLimits(DEFAULT_MAX_FILES, DEFAULT_MAX_TOTAL_BYTES, DEFAULT_MAX_FILE_BYTES);

    public BundleLimits {
        requireWithin("--max-files", maxFiles, DEFAULT_MAX_FILES);
        requireWithin("--max-total-bytes", maxTotalBytes, DEFAULT_MAX_TOTAL_BYTES);
        requireWithin("--max-file-bytes", maxFileBytes, DEFAULT_MAX_FILE_BYTES);
    }

    /**
     * The most JSON we read: content may be escaped (a byte can take up to 6 characters as {@code \\uXXXX}),
     * plus room for paths and structure.
     */
    public long maxInputBytes() {
        return maxTotalBytes * 6 + (long) maxFiles * 2048 + 64 * 1024;
    }

    private static void requireWithin(String flag, long value, long max) {
        if (value < 1 || value > max) {
            throw new IllegalArgumentException(flag + " must be between 1 and " + max + " (the default; flags can only lower it), got " + value);
        }
    }
}
