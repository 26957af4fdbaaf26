package io.mozaiks.identity.devstack;

import io.mozaiks.identity.runner.KeycloakServer;
import io.mozaiks.identity.runner.ProcessTree;
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
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code bin/dev-stack}: the real Keycloak of {@code keycloak.version} with the provider jar (contract mapper
 * and mozaiks theme), the dev realm and dev users, on {@code http://localhost:<port>}, with a persistent
 * file database. Runs in the foreground; Ctrl-C stops Keycloak and everything it started.
 *
 * <p>About a quarter of its length is the picocli option declarations with their help texts; the steps
 * themselves live in {@link Distribution}, {@link DevData}, {@link Summary} and the runner.
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
        Optional<String> spaced = SpacedPathSupport.problem(build.keycloakVersion(), distHome);
        if (spaced.isPresent()) {
            return fail(ExitCodes.MISSING_INPUT, spaced.get());
        }

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
        Path database = DevData.prepare(out, distHome, state, realms, realmFiles, realm.name(), reset);

        // [3/5] provider jar (the theme is inside it)
        step(out, 3, "installing " + jar.getFileName() + " (contract mapper + mozaiks login theme) into "
                + distHome.resolve("providers"));

        // [4/5] start
        String publicUrl = "http://localhost:" + port;
        ServerSettings built = serverSettings(distHome, jar, publicUrl, state, realmFiles);
        step(out, 4, "starting Keycloak on " + publicUrl + " (log: " + built.log() + ")");
        out.println("      start-dev builds the server on each start: about 1-3 minutes (longer on a busy machine)");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(out), "dev-stack-stop"));
        long started = System.nanoTime();
        try (StartTicker ignored = new StartTicker(out, started)) {
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
        printSummary(out, built, realm, publicUrl, database);

        int code = server.waitFor();
        if (stopping.get()) {
            return ExitCodes.OK;
        }
        return fail(ExitCodes.FAILED, "Keycloak stopped by itself (exit code " + code + ") - see " + built.log());
    }

    private ServerSettings serverSettings(Path distHome, Path jar, String publicUrl, Path state, List<Path> realmFiles) {
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
        return settings.build();
    }

    private void printSummary(PrintWriter out, ServerSettings built, DevRealm realm, String publicUrl, Path database)
            throws InterruptedException {
        step(out, 5, "reading the dev client secrets through the admin API (bootstrap admin, DEV ONLY)");
        String coreSecret = null;
        String platformSecret = null;
        DevAdmin admin = new DevAdmin(built.baseUrl(), realm.name());
        try {
            coreSecret = admin.clientSecret("mozaiks-core");
            platformSecret = admin.clientSecret("mozaiks-platform");
        } catch (IOException e) {
            out.println("      could not read the secrets (" + e.getMessage() + "); see the admin console");
        }
        // The security floor is judged on what the server reports: --dist-zip may run another version than the build's.
        String running;
        try {
            running = admin.serverVersion();
        } catch (IOException e) {
            running = build.keycloakVersion();
            out.println("      could not read the server version (" + e.getMessage() + "); judging the build's " + running);
        }
        FloorNotice.lines(running).forEach(out::println);
        Summary.lines(build.keycloakVersion(), publicUrl, realm, coreSecret, platformSecret, database, built.log())
                .forEach(out::println);
        out.flush();
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
        // "In use" and "not allowed" (Windows' reserved port ranges) need different fixes: PortCheck tells them apart.
        Optional<IOException> http = PortCheck.bindError(port);
        if (http.isPresent()) {
            return Optional.of(fail(ExitCodes.PORT_TAKEN, PortCheck.message(port, "port", "--port", http.get())));
        }
        Optional<IOException> management = PortCheck.bindError(managementPort);
        if (management.isPresent()) {
            return Optional.of(fail(ExitCodes.PORT_TAKEN,
                    PortCheck.message(managementPort, "management port", "--management-port", management.get())));
        }
        return Optional.empty();
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
        ProcessTree.stopDescendants(ProcessHandle.current(), Duration.ofSeconds(30));
        out.println("dev-stack: stopped; data kept (bin/dev-stack starts it again, --reset starts over)");
        out.flush();
    }

    private int fail(int code, String message) {
        spec.commandLine().getErr().println("dev-stack: " + message);
        spec.commandLine().getErr().flush();
        return code;
    }

    static void step(PrintWriter out, int n, String text) {
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

    /** {@code --version}: the Keycloak version this build runs. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"dev-stack for Keycloak " + BuildInfo.load().keycloakVersion()};
        }
    }
}
