package io.mozaiks.identity.mirror.state;

/** Another run holds the lock for this root. */
public final class LockHeldException extends Exception {
    private static final long serialVersionUID = 1L;

    public LockHeldException(String message) {
        super(message);
    }
}
