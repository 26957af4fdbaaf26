package io.mozaiks.identity.mirror.optin;

import io.mozaiks.identity.mirror.git.GitClient;
import io.mozaiks.identity.mirror.git.GitResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The explicit opt-in. Nothing in mozaiks-core is read or written unless {@code MOZAIKS_CORE_ROOT} names the
 * top level of an existing git work tree; a mistyped or forgotten variable switches mirroring off, it never
 * falls back to a guess such as the current folder.
 */
public final class CoreRootOptIn {
    public static final String VARIABLE = "MOZAIKS_CORE_ROOT";
    public static final String HOW_TO_OPT_IN = "to opt in, set " + VARIABLE + " to your mozaiks-core checkout"
            + " (export " + VARIABLE + "=/path/to/mozaiks-core; Windows: set " + VARIABLE
            + "=C:\\path\\to\\mozaiks-core), see docs/theme-mirror.md";

    private CoreRootOptIn() {
    }

    /** The real path of the opted-in root; throws with a one-line reason when mirroring is off. */
    public static Path resolve(Map<String, String> environment) throws OptInException {
        String value = environment.get(VARIABLE);
        if (value == null || value.isBlank()) {
            throw new OptInException("mirroring is off: " + VARIABLE + " is not set; " + HOW_TO_OPT_IN);
        }
        Optional<String> syntax = RootPathSyntax.problem(value, RootPathSyntax.isWindows());
        if (syntax.isPresent()) {
            throw off(value, syntax.get());
        }
        Path real;
        try {
            Path root = Path.of(value);
            if (!Files.isDirectory(root)) {
                throw off(value, "is not an existing folder");
            }
            real = root.toRealPath();
        } catch (InvalidPathException | IOException e) {
            throw off(value, "cannot be resolved (" + e.getMessage() + ")");
        }
        GitResult toplevel;
        try {
            toplevel = new GitClient(real).run("rev-parse", "--show-toplevel");
        } catch (IOException e) {
            throw off(value, "could not be checked with git (" + e.getMessage() + "); is git installed?");
        }
        if (!toplevel.ok()) {
            throw off(value, "is not a git work tree (" + toplevel.firstErrorLine() + ")");
        }
        try {
            Path top = Path.of(toplevel.stdoutText().strip()).toRealPath();
            if (!Files.isSameFile(top, real)) {
                throw off(value, "is inside the git work tree " + top + " but is not its top level; use that");
            }
        } catch (InvalidPathException | IOException e) {
            throw off(value, "git reported an unusable top level (" + e.getMessage() + ")");
        }
        return real;
    }

    private static OptInException off(String value, String reason) {
        return new OptInException("mirroring is off: " + VARIABLE + "='" + value + "' " + reason + "; "
                + HOW_TO_OPT_IN);
    }
}
