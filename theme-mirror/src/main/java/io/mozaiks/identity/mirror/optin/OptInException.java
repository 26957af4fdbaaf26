package io.mozaiks.identity.mirror.optin;

/** Mirroring is off: MOZAIKS_CORE_ROOT is unset, or does not name a git work tree's top level. */
public final class OptInException extends Exception {
    private static final long serialVersionUID = 1L;

    public OptInException(String message) {
        super(message);
    }
}
