package io.mozaiks.identity.mirror.allowlist;

import io.mozaiks.identity.pathsafety.RelativePath;

/** One allowlist line: a file under themes/ and the exact file under the mozaiks-core root it is copied to. */
public record AllowlistEntry(int line, RelativePath source, RelativePath target) {
}
