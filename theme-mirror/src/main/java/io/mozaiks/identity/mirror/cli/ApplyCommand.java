package io.mozaiks.identity.mirror.cli;

import io.mozaiks.identity.mirror.apply.Applier;
import io.mozaiks.identity.mirror.apply.ApplyOutcome;
import io.mozaiks.identity.mirror.apply.ApplyReport;
import io.mozaiks.identity.mirror.apply.AtomicFileWriter;
import io.mozaiks.identity.mirror.apply.RenameRetry;
import io.mozaiks.identity.mirror.apply.TestPause;
import io.mozaiks.identity.mirror.allowlist.AllowlistEntry;
import io.mozaiks.identity.pathsafety.UnsafePathException;
import io.mozaiks.identity.mirror.plan.Action;
import io.mozaiks.identity.mirror.plan.Plan;
import io.mozaiks.identity.mirror.state.BackupStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Write what plan shows, each file atomically. If any entry is refused, or conflicts"
                + " (a local edit in mozaiks-core) without --force, nothing is written.",
                "Orphans (targets nothing in mozaiks-core's login theme references) are written too, with a warning."},
        footerHeading = "%nExamples:%n",
        footer = {"  MOZAIKS_CORE_ROOT=$HOME/src/mozaiks-core bin/theme-mirror apply",
                "  bin/theme-mirror apply --force   # overwrite local edits, backup kept",
                "  $env:MOZAIKS_CORE_ROOT='C:\\Users\\me\\mozaiks-core'",
                "  bin\\theme-mirror.cmd apply",
                "Exit codes: see 'theme-mirror --help'."})
public final class ApplyCommand implements Callable<Integer> {
    @ParentCommand
    private ThemeMirrorCli cli;

    @Mixin
    private MirrorOptions options;

    @Option(names = "--force", description = "Overwrite conflicting (locally edited) targets; the old content is"
            + " backed up in the state folder first. Never overrides a refusal.")
    private boolean force;

    @Override
    public Integer call() {
        Console console = cli.console(options.json);
        try (MirrorSession session = MirrorSession.open(options, cli.environment())) {
            Applier applier = new Applier(session.core(), session.planner(), session.ledger(),
                    new BackupStore(session.state().backupsDir(), Instant.now()),
                    new AtomicFileWriter(RenameRetry.withThreadSleep(), TestPause.from(cli.environment())));
            List<Path> removed = applier.cleanStaleTempFiles(
                    session.allowlist().entries().stream().map(AllowlistEntry::target).toList());
            Plan plan = session.planner().plan(session.allowlist());
            ApplyReport result = applier.apply(plan, force, removed);
            int exit = exitCode(result);
            ThemeUsage usage = session.usage();
            List<ReportItem> items = result.outcomes().stream()
                    .map((ApplyOutcome o) -> usage.item(o.item(), o.result(), o.detail(), o.backup())).toList();
            long written = result.outcomes().stream().filter(ApplyOutcome::written).count();
            String summary = "apply: " + written + " file(s) written"
                    + (result.stopReason() == null ? "" : "; " + result.stopReason())
                    + MirrorResults.orphanSuffix(plan, usage);
            console.report(usage.report("apply", session.coreRoot().toString(), exit, summary, items,
                    removed.stream().map(Path::toString).toList()));
            if (exit != ExitCodes.OK) {
                console.error(summary + "; see the NOTE column");
            }
            // An orphan is still written: it is an allowlisted, checked file, and writing it loses nothing;
            // the warning says the theme does not show it, so the operator can fix the theme or the allowlist.
            String orphans = usage.orphanLine(plan, "written anyway; the login page does not show them");
            if (!orphans.isEmpty()) {
                console.error(orphans);
            }
            return exit;
        } catch (UnsafePathException e) {
            return console.fail(new CliFailure(ExitCodes.REFUSED, e.getMessage()));
        } catch (CliFailure failure) {
            return console.fail(failure);
        } catch (IOException e) {
            return console.fail(CliFailure.ioError(e));
        }
    }

    private static int exitCode(ApplyReport result) {
        if (result.has(Action.REFUSED)) {
            return ExitCodes.REFUSED;
        }
        return result.has(Action.CONFLICT) ? ExitCodes.DRIFT_OR_CONFLICT : ExitCodes.OK;
    }
}
