package io.mozaiks.identity.mirror.cli;

import io.mozaiks.identity.mirror.plan.Plan;
import io.mozaiks.identity.mirror.plan.PlanItem;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Exit 0 when every allowlisted target equals its source; otherwise exit 1 and list the"
                + " drifted files. Meant for mozaiks-core's CI. Like every mirror command it needs"
                + " MOZAIKS_CORE_ROOT, so a CI job that forgot the opt-in fails (exit 3) instead of passing.",
                "A target that nothing in mozaiks-core's login theme references is an orphan: exit 10 unless"
                + " --allow-orphans (drift and refusals are reported first)."},
        footerHeading = "%nExamples:%n",
        footer = {"  MOZAIKS_CORE_ROOT=$GITHUB_WORKSPACE bin/theme-mirror check",
                "  bin/theme-mirror check --json",
                "  bin/theme-mirror check --allow-orphans",
                "  bin\\theme-mirror.cmd check",
                "Exit codes: see 'theme-mirror --help'."})
public final class CheckCommand implements Callable<Integer> {
    @ParentCommand
    private ThemeMirrorCli cli;

    @Mixin
    private MirrorOptions options;

    @Option(names = "--allow-orphans", description = "Pass even when an allowlisted target is an orphan (referenced"
            + " by nothing in mozaiks-core's login theme); the orphans are still listed.")
    private boolean allowOrphans;

    @Override
    public Integer call() {
        Console console = cli.console(options.json);
        try (MirrorSession session = MirrorSession.open(options, cli.environment())) {
            Plan plan = session.planner().plan(session.allowlist());
            ThemeUsage usage = session.usage();
            List<PlanItem> drifted = plan.drifted();
            boolean orphans = !usage.orphans(plan).isEmpty();
            int exit = MirrorResults.checkExitCode(plan, orphans, allowOrphans);
            String summary = (drifted.isEmpty()
                    ? "check: all " + plan.items().size() + " target(s) match their sources"
                    : "check: " + drifted.size() + " of " + plan.items().size() + " target(s) drifted")
                    + MirrorResults.orphanSuffix(plan, usage) + (orphans && allowOrphans ? " (allowed)" : "");
            console.report(usage.report("check", session.coreRoot().toString(), exit, summary,
                    MirrorResults.items(plan, usage), List.of()));
            if (!drifted.isEmpty()) {
                console.error(drifted.size() + " target(s) differ from their sources: "
                        + drifted.stream().map(item -> item.entry().target() + " (" + item.action().label() + ")")
                                .collect(Collectors.joining(", "))
                        + "; run 'bin/theme-mirror plan' then 'apply'");
            } else if (orphans) {
                console.error(usage.orphanLine(plan, allowOrphans ? "allowed by --allow-orphans"
                        : "make the theme reference them, or remove them from the allowlist, or pass --allow-orphans"));
            }
            return exit;
        } catch (CliFailure failure) {
            return console.fail(failure);
        } catch (IOException e) {
            return console.fail(CliFailure.ioError(e));
        }
    }
}
