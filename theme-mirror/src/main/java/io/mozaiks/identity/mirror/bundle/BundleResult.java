package io.mozaiks.identity.mirror.bundle;

import java.nio.file.Path;
import java.util.List;

/** Where the bundle went, whether it replaced an existing folder, and the files in it. */
public record BundleResult(Path directory, boolean replaced, List<ValidatedFile> files) {
}
