package io.mozaiks.identity.mirror.plan;

/** The mozaiks-core checkout does not have the folder targets live in (and we never create it). */
public final class LayoutMissingException extends Exception {
    private static final long serialVersionUID = 1L;

    public LayoutMissingException(String message) {
        super(message);
    }
}
