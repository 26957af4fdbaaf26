package io.mozaiks.identity.mirror.bundle;

/**
 * The whole bundle was refused; nothing was written. {@code limitExceeded} separates "too big" from
 * "unsafe or malformed" so they get different exit codes.
 */
public final class BundleRefusedException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean limitExceeded;

    public BundleRefusedException(String message, boolean limitExceeded) {
        super(message);
        this.limitExceeded = limitExceeded;
    }

    public static BundleRefusedException entry(int index, String path, String reason) {
        String shown = path == null ? "" : " ('" + io.mozaiks.identity.pathsafety.PathRules.printable(path) + "')";
        return new BundleRefusedException("bundle refused: code_files[" + index + "]" + shown + ": " + reason, false);
    }

    public boolean limitExceeded() {
        return limitExceeded;
    }
}
