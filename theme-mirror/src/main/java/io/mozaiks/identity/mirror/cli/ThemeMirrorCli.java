package io.mozaiks.identity.mirror.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Entry point: {@code theme-mirror plan|apply|check|write-bundle}. */
@Command(name = "theme-mirror", mixinStandardHelpOptions = true, versionProvider = ThemeMirrorCli.JarVersion.class,
        description = {"Mirrors allowlisted theme files into a mozaiks-core checkout (only when MOZAIKS_CORE_ROOT"
                + " is set: explicit opt-in), and writes workflow code_files bundles without ever leaving the"
                + " bundle folder. See docs/theme-mirror.md."},
        subcommands = {PlanCommand.class, ApplyCommand.class, CheckCommand.class, WriteBundleCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  export MOZAIKS_CORE_ROOT=$HOME/src/mozaiks-core    # opt in (Linux/macOS)",
                "  bin/theme-mirror plan                               # what would change",
                "  bin/theme-mirror apply                              # write it",
                "  bin/theme-mirror check                              # CI: exit 1 on drift",
                "  bin/theme-mirror write-bundle --out build/app output.json",
                "  set MOZAIKS_CORE_ROOT=C:\\Users\\me\\mozaiks-core   # Windows cmd",
                "  $env:MOZAIKS_CORE_ROOT='C:\\Users\\me\\mozaiks-core' # PowerShell",
                "  bin\\theme-mirror.cmd plan"},
        exitCodeListHeading = "%nExit codes (all commands):%n",
        exitCodeList = {
            " 0:ok (in sync / written)",
            " 1:drift (check) or conflict (plan/apply)",
            " 2:usage error",
            " 3:opt-in off: MOZAIKS_CORE_ROOT unset or not a git work tree",
            " 4:another run holds the lock",
            " 5:refused as unsafe (link, path, active SVG, bundle entry)",
            " 6:target folder missing in mozaiks-core (layout)",
            " 7:allowlist missing or malformed",
            " 8:write-bundle limit exceeded",
            " 9:I/O or environment error",
            "10:check: a target is an orphan (nothing in the theme shows it; --allow-orphans)"})
public final class ThemeMirrorCli implements Runnable {
    private final Map<String, String> environment;
    private final PrintWriter out;
    private final PrintWriter err;

    @Spec
    private CommandSpec spec;

    ThemeMirrorCli(Map<String, String> environment, PrintWriter out, PrintWriter err) {
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(args, System.getenv(), out, err));
    }

    /** Runs one command line with the given environment; returns the exit code (no System.exit). */
    public static int run(String[] args, Map<String, String> environment, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(new ThemeMirrorCli(environment, out, err));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setParameterExceptionHandler((e, arguments) -> {
            String command = e.getCommandLine().getCommandName();
            err.println("theme-mirror: " + Console.oneLine(e.getMessage()) + "; run '"
                    + (command.equals("theme-mirror") ? "theme-mirror" : "theme-mirror " + command) + " --help' for usage");
            err.flush();
            return ExitCodes.USAGE;
        });
        commandLine.setExecutionExceptionHandler((e, command, parseResult) -> {
            err.println("theme-mirror: unexpected error: " + Console.oneLine(e.toString())
                    + "; nothing was left half-written, please report this");
            err.flush();
            return ExitCodes.IO_ERROR;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "missing command: plan, apply, check or write-bundle");
    }

    Map<String, String> environment() {
        return environment;
    }

    Console console(boolean json) {
        return new Console(out, err, json);
    }

    /** The release version from the jar's manifest (Implementation-Version, set by the build). */
    static final class JarVersion implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ThemeMirrorCli.class.getPackage().getImplementationVersion();
            return new String[] {"theme-mirror " + (version != null ? version : "(development classes, no jar)")};
        }
    }
}
