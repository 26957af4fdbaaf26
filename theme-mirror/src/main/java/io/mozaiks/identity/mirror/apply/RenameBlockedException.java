package io.mozaiks.identity.mirror.apply;

import java.io.IOException;

/** The final rename kept failing (on Windows: another program has the target open). */
public final class RenameBlockedException extends IOException {
    private static final long serialVersionUID = 1L;

    public RenameBlockedException(String message, Throwable cause) {
        super(message, cause);
    }
}
