package io.mozaiks.identity.pathsafety;

import java.io.IOException;

/** A relative path was refused: by its spelling, or because the filesystem walk met a link, junction or non-file. */
public final class UnsafePathException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String path;
    private final String reason;

    public UnsafePathException(String path, String reason) {
        super("unsafe path '" + PathRules.printable(path) + "': " + reason);
        this.path = path;
        this.reason = reason;
    }

    public String path() {
        return path;
    }

    public String reason() {
        return reason;
    }
}
