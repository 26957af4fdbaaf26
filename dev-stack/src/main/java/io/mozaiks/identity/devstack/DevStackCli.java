package io.mozaiks.identity.devstack;

import io.mozaiks.identity.runner.DistributionCopy;
import io.mozaiks.identity.runner.FreePorts;
import io.mozaiks.identity.runner.KeycloakServer;
import io.mozaiks.identity.runner.ServerSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * {@code bin/dev-stack}: the real Keycloak of {@code keycloak.version} with the provider jar (contract mapper
 * and mozaiks theme), the dev realm and dev users, on {@code http://localhost:<port>}, with a persistent
 * file database. Runs in the foreground; Ctrl-C stops Keycloak and everything it started.
 */
@Command(name = "dev-stack", mixinStandardHelpOptions = true, sortOptions = false,
        versionProvider = DevStackCli.Version.class,
        description = {
                "Runs Keycloak with the mozaiks extension locally (no Docker): unpacks the distribution once,",
                "installs the provider jar and theme, imports the dev realm and dev users on first start,",
                "keeps the data between runs, and prints the URLs, dev users and a service-token command."},
        footer = {"", "Examples:",
                "  bin/dev-stack                          start on http://localhost:8080",
                "  bin/dev-stack --reset                  delete the dev data and import the realm again",
                "  bin/dev-stack --port 8180 --management-port 9100",
                "", "Exit codes: 0 stopped with Ctrl-C, 1 Keycloak failed or stopped, 2 port in use,",
                "            3 an input (jar, zip, realm folder) is missing, 64 invalid command line."})
public final class DevStackCli implements Callable<Integer> {

    static final int STEPS = 5;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "<port>", defaultValue = "${env:MOZAIKS_DEV_PORT:-8080}",
            description = "HTTP port on localhost (default: ${DEFAULT-VALUE}; env MOZAIKS_DEV_PORT).")
    int port;

    @Option(names = "--management-port", paramLabel = "<port>", defaultValue = "${env:MOZAIKS_DEV_MANAGEMENT_PORT:-9000}",
            description = "Management port: /health/ready (default: ${DEFAULT-VALUE}; env MOZAIKS_DEV_MANAGEMENT_PORT).")
    int managementPort;

    @Option(names = "--reset", description = "Delete the dev data (database, realm record) and start over.")
    boolean reset;

    @Option(names = "--home", paramLabel = "<dir>", defaultValue = "${env:MOZAIKS_DEV_HOME}",
            description = "State folder: the unpacked distribution, its data and the log"
                    + " (default: <repo>/.dev-stack; env MOZAIKS_DEV_HOME).")
    Path home;

    @Option(names = "--realm-dir", paramLabel = "<dir>",
            description = "Realm files to import, every *.json (default: <repo>/docker/realm).")
    Path realmDir;

    @Option(names = "--provider-jar", paramLabel = "<jar>",
            description = "Provider jar (default: <repo>/dev-stack/target/providers/mozaiks-keycloak-extension.jar).")
    Path providerJar;

    @Option(names = "--dist-zip", paramLabel = "<zip>",
            description = "Keycloak distribution zip (default: <repo>/dev-stack/target/dist/keycloak-quarkus-dist-<version>.zip).")
    Path distZip;

    @Option(names = "--start-timeout", paramLabel = "<seconds>",
            description = "How long to wait for Keycloak to be ready (default: ${DEFAULT-VALUE}).")
    int startTimeoutSeconds = 600;

    private final BuildInfo build = BuildInfo.load();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private volatile KeycloakServer server;

    public static void main(String[] args) {
        System.exit(commandLine(new DevStackCli()).execute(args));
    }

    static CommandLine commandLine(DevStackCli cli) {
        CommandLine commandLine = new CommandLine(cli);
        commandLine.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
        commandLine.getCommandSpec().exitCodeOnExecutionException(ExitCodes.FAILED);
        commandLine.setExecutionExceptionHandler((e, cl, parsed) -> {
            cl.getErr().println("dev-stack: " + firstLine(e.getMessage() != null ? e.getMessage() : e.toString()));
            return ExitCodes.FAILED;
        });
        return commandLine;
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        RepoLayout repo = RepoLayout.locate();
        Path state = (home != null ? home : repo.home()).toAbsolutePath().normalize();
        Path realms = (realmDir != null ? realmDir : repo.realmDir()).toAbsolutePath().normalize();
        Path jar = (providerJar != null ? providerJar : repo.providerJar(build)).toAbsolutePath().normalize();
        Path zip = (distZip != null ? distZip : repo.distZip(build)).toAbsolutePath().normalize();
        Path distHome = Distribution.homeFor(state, build.keycloakVersion());

        Optional<Integer> invalid = checkPorts();
        if (invalid.isPresent()) {
            return invalid.get();
        }
        if (!Files.isRegularFile(jar)) {
            return fail(ExitCodes.MISSING_INPUT, "provider jar not found: " + jar
                    + " - build it: ./mvnw -pl dev-stack -am package -DskipTests (bin/dev-stack does this)");
        }
        if (!Files.isDirectory(realms) || RealmFingerprint.realmFiles(realms).isEmpty()) {
            return fail(ExitCodes.MISSING_INPUT, "no realm files (*.json) in " + realms + " - pass --realm-dir");
        }
        List<Path> realmFiles = RealmFingerprint.realmFiles(realms);
        DevRealm realm = DevRealm.read(realmFiles);

        // [1/5] the distribution
        if (Distribution.isUnpacked(distHome)) {
            step(out, 1, "Keycloak " + build.keycloakVersion() + " already unpacked in " + distHome);
        } else {
            if (!Files.isRegularFile(zip)) {
                return fail(ExitCodes.MISSING_INPUT, "Keycloak distribution not found: " + zip
                        + " - build it: ./mvnw -pl dev-stack -am package -DskipTests (fetches it from Maven Central)");
            }
            step(out, 1, "unpacking Keycloak " + build.keycloakVersion() + " into " + distHome + " (first run only)...");
            Distribution.unpack(zip, distHome, percent -> out.println("      " + percent + "%"));
        }

        // [2/5] data and realm record
        Path data = distHome.resolve("data");
        Path database = data.resolve("h2");
        if (reset) {
            step(out, 2, "--reset: deleting " + data + " and " + state.resolve(RealmFingerprint.FILE_NAME));
            DistributionCopy.delete(data);
            Files.deleteIfExists(state.resolve(RealmFingerprint.FILE_NAME));
        }
        Map<String, String> current = RealmFingerprint.of(realmFiles);
        if (!Files.isDirectory(database)) {
            step(out, 2, "new dev data in " + database + ": importing realm '" + realm.name() + "' from " + realms);
            RealmFingerprint.write(state, current);
        } else {
            step(out, 2, "reusing dev data in " + database + " (Keycloak skips realms that already exist)");
            warnIfRealmChanged(state, current, realms);
        }
        clearImports(data.resolve("import"));

        // [3/5] provider jar (the theme is inside it)
        step(out, 3, "installing " + jar.getFileName() + " (contract mapper + mozaiks login theme) into "
                + distHome.resolve("providers"));

        // [4/5] start
        String publicUrl = "http://localhost:" + port;
        ServerSettings.Builder settings = ServerSettings.builder(distHome)
                .provider(jar)
                .httpPort(port)
                .managementPort(managementPort)
                .hostname(publicUrl)
                // As in docker-compose: the issuer stays public, back-channel URLs follow the request.
                .arg("--hostname-backchannel-dynamic=true")
                .database("dev-file")
                .log(state.resolve("logs").resolve("keycloak.log"));
        realmFiles.forEach(settings::importFile);
        ServerSettings built = settings.build();
        step(out, 4, "starting Keycloak on " + publicUrl + " (log: " + built.log() + ")");
        out.println("      start-dev builds the server on each start: about 1-3 minutes (longer on a busy machine)");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(out), "dev-stack-stop"));
        long started = System.nanoTime();
        try (Ticker ignored = new Ticker(out, started)) {
            server = KeycloakServer.start(built, Duration.ofSeconds(startTimeoutSeconds));
        } catch (IllegalStateException | UncheckedIOException e) {
            if (stopping.get()) {
                return ExitCodes.OK;
            }
            String message = firstLine(e.getMessage());
            return fail(message.contains("already in use") ? ExitCodes.PORT_TAKEN : ExitCodes.FAILED,
                    message + " - see " + built.log());
        }
        out.printf("      ready after %.0f s%n", (System.nanoTime() - started) / 1e9);

        // [5/5] dev secrets
        step(out, 5, "reading the dev client secrets through the admin API (bootstrap admin, DEV ONLY)");
        String coreSecret = null;
        String platformSecret = null;
        try {
            DevAdmin admin = new DevAdmin(built.baseUrl(), realm.name());
            coreSecret = admin.clientSecret("mozaiks-core");
            platformSecret = admin.clientSecret("mozaiks-platform");
        } catch (IOException e) {
            out.println("      could not read the secrets (" + e.getMessage() + "); see the admin console");
        }
        Summary.lines(build.keycloakVersion(), publicUrl, realm, coreSecret, platformSecret, database, built.log())
                .forEach(out::println);
        out.flush();

        int code = server.waitFor();
        if (stopping.get()) {
            return ExitCodes.OK;
        }
        return fail(ExitCodes.FAILED, "Keycloak stopped by itself (exit code " + code + ") - see " + built.log());
    }

    private Optional<Integer> checkPorts() {
        for (int p : new int[] {port, managementPort}) {
            if (p < 1 || p > 65535) {
                return Optional.of(fail(ExitCodes.USAGE, "port " + p + " is not between 1 and 65535"));
            }
        }
        if (port == managementPort) {
            return Optional.of(fail(ExitCodes.USAGE, "--port and --management-port must differ"));
        }
        if (!FreePorts.isFree(port)) {
            return Optional.of(fail(ExitCodes.PORT_TAKEN, "port " + port + " is already in use - stop what listens there"
                    + " (another Keycloak or dev-stack?) or choose another: --port <port>"));
        }
        if (!FreePorts.isFree(managementPort)) {
            return Optional.of(fail(ExitCodes.PORT_TAKEN, "management port " + managementPort + " is already in use"
                    + " - stop what listens there or choose another: --management-port <port>"));
        }
        return Optional.empty();
    }

    private void warnIfRealmChanged(Path state, Map<String, String> current, Path realms) {
        PrintWriter out = spec.commandLine().getOut();
        Optional<Map<String, String>> recorded = RealmFingerprint.read(state);
        if (recorded.isEmpty()) {
            out.println("      note: no " + RealmFingerprint.FILE_NAME + " in " + state
                    + ", so realm file changes cannot be detected; --reset re-imports");
            return;
        }
        List<String> changed = RealmFingerprint.changed(recorded.get(), current);
        if (!changed.isEmpty()) {
            out.println("      WARNING: the realm files changed since this data was created: " + String.join(", ", changed));
            out.println("      WARNING: Keycloak skips realms that already exist, so these changes are NOT applied.");
            out.println("      WARNING: run bin/dev-stack --reset to start over (deletes the dev database, including"
                    + " users and settings changed at runtime); realm folder: " + realms);
        }
    }

    private void stop(PrintWriter out) {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        KeycloakServer running = server;
        boolean anything = (running != null && running.isAlive())
                || ProcessHandle.current().descendants().findAny().isPresent();
        if (!anything) {
            return; // a failed start or a crash left nothing running
        }
        out.println("dev-stack: stopping Keycloak...");
        out.flush();
        if (running != null) {
            running.close();
        }
        // Interrupted during start, before the server object existed: end what we started, children first.
        List<ProcessHandle> left = ProcessHandle.current().descendants().toList();
        for (int i = left.size() - 1; i >= 0; i--) {
            left.get(i).destroy();
        }
        for (ProcessHandle handle : left) {
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                handle.destroyForcibly();
            }
        }
        out.println("dev-stack: stopped; data kept (bin/dev-stack starts it again, --reset starts over)");
        out.flush();
    }

    private static void clearImports(Path importDir) throws IOException {
        if (!Files.isDirectory(importDir)) {
            return;
        }
        try (Stream<Path> files = Files.list(importDir)) {
            for (Path file : files.filter(p -> p.getFileName().toString().endsWith(".json")).toList()) {
                Files.delete(file);
            }
        }
    }

    private int fail(int code, String message) {
        spec.commandLine().getErr().println("dev-stack: " + message);
        spec.commandLine().getErr().flush();
        return code;
    }

    private static void step(PrintWriter out, int n, String text) {
        out.println("[" + n + "/" + STEPS + "] " + text);
        out.flush();
    }

    static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline).strip();
    }

    /** Prints a line every 15 s while Keycloak starts, so a slow first run visibly makes progress. */
    private static final class Ticker implements AutoCloseable {
        private final Thread thread;

        Ticker(PrintWriter out, long started) {
            thread = new Thread(() -> {
                try {
                    while (true) {
                        Thread.sleep(15_000);
                        out.printf("      still starting... %.0f s%n", (System.nanoTime() - started) / 1e9);
                        out.flush();
                    }
                } catch (InterruptedException done) {
                    // started, failed or stopped
                }
            }, "dev-stack-ticker");
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void close() {
            thread.interrupt();
        }
    }

    /** {@code --version}: the Keycloak version this build runs. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"dev-stack for Keycloak " + BuildInfo.load().keycloakVersion()};
        }
    }
}
