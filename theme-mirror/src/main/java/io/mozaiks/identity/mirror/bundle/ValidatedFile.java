package io.mozaiks.identity.mirror.bundle;

import io.mozaiks.identity.pathsafety.RelativePath;

/** A bundle entry that passed every check: safe path, UTF-8 bytes within the limits. */
public record ValidatedFile(int index, RelativePath path, byte[] content) {
}
