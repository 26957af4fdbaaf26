package io.mozaiks.identity.mirror.cli;

import io.mozaiks.identity.mirror.plan.Plan;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Show, per allowlisted file, what apply would do (create, update, unchanged, conflict,"
                + " refused) with sizes and SHA-256 hashes. Writes nothing.",
                "A target that nothing in mozaiks-core's login theme references (theme.properties styles=, the"
                + " stylesheets' url(...), the templates' ${url.resourcesPath}/...) is marked orphan."},
        footerHeading = "%nExamples:%n",
        footer = {"  export MOZAIKS_CORE_ROOT=$HOME/src/mozaiks-core",
                "  bin/theme-mirror plan",
                "  bin/theme-mirror plan --json",
                "  set MOZAIKS_CORE_ROOT=C:\\Users\\me\\mozaiks-core",
                "  bin\\theme-mirror.cmd plan",
                "Exit codes: see 'theme-mirror --help'."})
public final class PlanCommand implements Callable<Integer> {
    @ParentCommand
    private ThemeMirrorCli cli;

    @Mixin
    private MirrorOptions options;

    @Override
    public Integer call() {
        Console console = cli.console(options.json);
        try (MirrorSession session = MirrorSession.open(options, cli.environment())) {
            Plan plan = session.planner().plan(session.allowlist());
            ThemeUsage usage = session.usage();
            int exit = MirrorResults.exitCode(plan);
            console.report(usage.report("plan", session.coreRoot().toString(), exit,
                    "plan: " + MirrorResults.counts(plan) + " (nothing written)" + MirrorResults.orphanSuffix(plan, usage),
                    MirrorResults.items(plan, usage), List.of()));
            if (exit != ExitCodes.OK) {
                console.error("plan found " + (exit == ExitCodes.REFUSED ? "refused entries" : "conflicts")
                        + "; see the NOTE column, apply would write nothing");
            }
            String orphans = usage.orphanLine(plan, "apply would still write them, check fails on them");
            if (!orphans.isEmpty()) {
                console.error(orphans);
            }
            return exit;
        } catch (CliFailure failure) {
            return console.fail(failure);
        } catch (IOException e) {
            return console.fail(CliFailure.ioError(e));
        }
    }
}
