package io.mozaiks.identity.mirror.cli;

import io.mozaiks.identity.mirror.allowlist.Allowlist;
import io.mozaiks.identity.mirror.allowlist.AllowlistException;
import io.mozaiks.identity.mirror.allowlist.AllowlistParser;
import io.mozaiks.identity.mirror.allowlist.TargetPolicy;
import io.mozaiks.identity.mirror.references.ThemeReferenceScanner;
import io.mozaiks.identity.pathsafety.RelativePath;
import io.mozaiks.identity.mirror.git.CommittedContent;
import io.mozaiks.identity.mirror.git.GitClient;
import io.mozaiks.identity.mirror.git.GitResult;
import io.mozaiks.identity.mirror.optin.CoreRootOptIn;
import io.mozaiks.identity.mirror.optin.OptInException;
import io.mozaiks.identity.mirror.optin.RootPathSyntax;
import io.mozaiks.identity.pathsafety.SafeRoot;
import io.mozaiks.identity.pathsafety.UnsafePathException;
import io.mozaiks.identity.mirror.plan.LayoutCheck;
import io.mozaiks.identity.mirror.plan.LayoutMissingException;
import io.mozaiks.identity.mirror.plan.Planner;
import io.mozaiks.identity.mirror.state.LockHeldException;
import io.mozaiks.identity.mirror.state.RootLock;
import io.mozaiks.identity.mirror.state.StateDirectory;
import io.mozaiks.identity.mirror.state.StateLayout;
import io.mozaiks.identity.mirror.state.WriteLedger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The common start of plan, apply and check, in a fixed order: opt-in first (so nothing is read without
 * it), then the allowlist, the state folder, the per-root lock, and the layout check. Holds the lock until
 * closed.
 */
final class MirrorSession implements AutoCloseable {
    private final Path coreRoot;
    private final SafeRoot core;
    private final Allowlist allowlist;
    private final StateLayout state;
    private final RootLock lock;
    private final WriteLedger ledger;
    private final Planner planner;
    private final ThemeUsage usage;

    private MirrorSession(Path coreRoot, SafeRoot core, Allowlist allowlist, StateLayout state, RootLock lock,
                          WriteLedger ledger, Planner planner, ThemeUsage usage) {
        this.coreRoot = coreRoot;
        this.core = core;
        this.allowlist = allowlist;
        this.state = state;
        this.lock = lock;
        this.ledger = ledger;
        this.planner = planner;
        this.usage = usage;
    }

    static MirrorSession open(MirrorOptions options, Map<String, String> environment) throws CliFailure {
        Path coreRoot;
        try {
            coreRoot = CoreRootOptIn.resolve(environment);
        } catch (OptInException e) {
            throw new CliFailure(ExitCodes.OPT_IN_OFF, e.getMessage());
        }
        Allowlist allowlist = readAllowlist(options.allowlist);
        SafeRoot themes = openThemes(options.themes);
        try {
            SafeRoot core = SafeRoot.open(coreRoot);
            Path stateDir = StateDirectory.prepare(
                    StateDirectory.locate(environment, RootPathSyntax.isWindows(), System.getProperty("user.home")),
                    repositories(coreRoot, themes.root()));
            StateLayout state = StateLayout.of(stateDir, coreRoot);
            RootLock lock = acquire(state);
            try {
                LayoutCheck.requirePrefix(core);
                WriteLedger ledger = WriteLedger.load(state.ledgerFile(), coreRoot);
                Planner planner = new Planner(themes, core, new CommittedContent(new GitClient(coreRoot)), ledger);
                // After the layout check: the theme is read only in a checkout that has the expected layout.
                ThemeUsage usage = new ThemeUsage(ThemeReferenceScanner.scan(core,
                        RelativePath.of(TargetPolicy.THEMES_ROOT), TargetPolicy.THEME_NAME, TargetPolicy.THEME_TYPE));
                return new MirrorSession(coreRoot, core, allowlist, state, lock, ledger, planner, usage);
            } catch (LayoutMissingException e) {
                lock.close();
                throw new CliFailure(ExitCodes.LAYOUT_MISSING, e.getMessage());
            } catch (UnsafePathException e) {
                lock.close();
                throw new CliFailure(ExitCodes.REFUSED, "target folder refused: " + e.getMessage());
            } catch (IOException | RuntimeException e) {
                lock.close();
                throw e;
            }
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.IO_ERROR, "I/O error: " + e + "; check permissions and free space");
        }
    }

    private static RootLock acquire(StateLayout state) throws IOException, CliFailure {
        try {
            return RootLock.acquire(state.lockFile(), RootLock.WAIT);
        } catch (LockHeldException e) {
            throw new CliFailure(ExitCodes.LOCK_HELD, e.getMessage());
        }
    }

    private static Allowlist readAllowlist(Path file) throws CliFailure {
        if (!Files.isRegularFile(file)) {
            throw new CliFailure(ExitCodes.ALLOWLIST_INVALID, "allowlist " + file.toAbsolutePath()
                    + " not found; pass --allowlist FILE or run bin/theme-mirror from the repository");
        }
        try {
            return AllowlistParser.read(file);
        } catch (AllowlistException e) {
            throw new CliFailure(ExitCodes.ALLOWLIST_INVALID, file + ": " + e.getMessage() + "; fix the allowlist");
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.ALLOWLIST_INVALID, "cannot read allowlist " + file + ": " + e);
        }
    }

    private static SafeRoot openThemes(Path themes) throws CliFailure {
        try {
            return SafeRoot.open(themes);
        } catch (NoSuchFileException e) {
            throw new CliFailure(ExitCodes.USAGE, "themes folder " + themes.toAbsolutePath()
                    + " not found; pass --themes DIR");
        } catch (IOException e) {
            throw new CliFailure(ExitCodes.IO_ERROR, "cannot open themes folder " + themes + ": " + e);
        }
    }

    /** The two repositories the state folder must stay out of: mozaiks-core and the repo holding themes/. */
    private static List<Path> repositories(Path coreRoot, Path themes) {
        List<Path> result = new ArrayList<>(List.of(coreRoot, themes));
        try {
            GitResult top = new GitClient(themes).run("rev-parse", "--show-toplevel");
            if (top.ok()) {
                result.add(Path.of(top.stdoutText().strip()).toRealPath());
            }
        } catch (IOException | RuntimeException notARepository) {
            // themes outside git: the themes folder itself is still excluded
        }
        return result;
    }

    Path coreRoot() {
        return coreRoot;
    }

    SafeRoot core() {
        return core;
    }

    Allowlist allowlist() {
        return allowlist;
    }

    StateLayout state() {
        return state;
    }

    WriteLedger ledger() {
        return ledger;
    }

    Planner planner() {
        return planner;
    }

    /** What mozaiks-core's login theme references, read once per run under the lock. */
    ThemeUsage usage() {
        return usage;
    }

    @Override
    public void close() throws IOException {
        lock.close();
    }
}
