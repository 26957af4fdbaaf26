package io.mozaiks.identity.cluster;

import io.mozaiks.identity.runner.DistributionCopy;
import io.mozaiks.identity.runner.FreePorts;
import io.mozaiks.identity.runner.LogTail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A throw-away PostgreSQL for the cluster test, from the machine's Debian packages: {@code initdb} of a
 * fresh data folder under the system temp dir, {@code pg_ctl start} on a free loopback port (TCP only,
 * socket in the data folder's parent), a {@code keycloak} database and password user; {@link #close()}
 * stops it immediately and deletes everything.
 *
 * <p>PostgreSQL refuses to run as root, so as root every PostgreSQL binary runs as the {@code postgres}
 * user (created by the Debian package) through {@code runuser}. Durability is switched off
 * ({@code fsync=off}): the data is thrown away anyway, and it keeps the test fast on a busy machine.
 *
 * <p>Missing binaries FAIL the test with what to install; the cluster test is never skipped silently.
 */
final class PostgresServer implements AutoCloseable {

    static final String PACKAGE_HINT = "install the Debian package 'postgresql' (apt-get install -y postgresql),"
            + " or point -Dmozaiks.postgres.bin at a folder holding initdb, pg_ctl and createdb";
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(90);
    private static final String DATABASE = "keycloak";
    private static final String USER = "keycloak";

    private final Path bin;
    private final Path root;
    private final boolean asPostgresUser;
    private final int port;
    private final String password;
    private boolean running;

    private PostgresServer(Path bin, Path root, boolean asPostgresUser, int port, String password) {
        this.bin = bin;
        this.root = root;
        this.asPostgresUser = asPostgresUser;
        this.port = port;
        this.password = password;
    }

    static PostgresServer start() {
        Path bin = findBin();
        boolean root = "root".equals(System.getProperty("user.name"));
        String password = randomPassword();
        Path dir;
        try {
            dir = Files.createTempDirectory("mozaiks-pg-");
            Path pwFile = dir.resolve("pwfile");
            Files.writeString(pwFile, password + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(pwFile, PosixFilePermissions.fromString("rw-------"));
            if (root) {
                UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
                Files.setOwner(dir, postgres);
                Files.setOwner(pwFile, postgres);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not prepare a PostgreSQL folder (as root this needs the 'postgres'"
                    + " user of the Debian package: " + PACKAGE_HINT + ")", e);
        }
        PostgresServer server = new PostgresServer(bin, dir, root, FreePorts.pick(), password);
        try {
            server.run(List.of("initdb", "-D", server.data().toString(), "-U", USER, "--pwfile=" + dir.resolve("pwfile"),
                    "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-sync"), Map.of());
            server.running = true;
            server.run(List.of("pg_ctl", "-D", server.data().toString(), "-l", server.log().toString(), "-w", "-t", "60",
                    "-o", "-p " + server.port + " -c listen_addresses=127.0.0.1 -k " + dir
                            + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200",
                    "start"), Map.of());
            server.run(List.of("createdb", "-h", "127.0.0.1", "-p", String.valueOf(server.port), "-U", USER, DATABASE),
                    Map.of("PGPASSWORD", password));
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        return server;
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    String username() {
        return USER;
    }

    String password() {
        return password;
    }

    int port() {
        return port;
    }

    String version() {
        return bin.getParent().getFileName().toString();
    }

    @Override
    public synchronized void close() {
        if (running) {
            running = false;
            try {
                run(List.of("pg_ctl", "-D", data().toString(), "-m", "immediate", "-w", "-t", "30", "stop"), Map.of());
            } catch (RuntimeException e) {
                System.err.println("[cluster] PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
        try {
            DistributionCopy.delete(root);
        } catch (UncheckedIOException e) {
            System.err.println("[cluster] could not delete " + root + ": " + e.getMessage());
        }
    }

    private Path data() {
        return root.resolve("data");
    }

    private Path log() {
        return root.resolve("postgres.log");
    }

    private void run(List<String> tool, Map<String, String> env) {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.add(bin.resolve(tool.get(0)).toString());
        command.addAll(tool.subList(1, tool.size()));
        Path out = root.resolve(tool.get(0) + ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                    .redirectOutput(out.toFile());
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(STEP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(tool.get(0) + " did not finish within " + STEP_TIMEOUT);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(tool.get(0) + " failed (exit " + process.exitValue() + "):\n"
                        + LogTail.read(out, 20) + (Files.exists(log()) ? "\nserver log:\n" + LogTail.read(log(), 20) : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + tool.get(0), e);
        }
    }

    /** {@code -Dmozaiks.postgres.bin}, else the newest {@code /usr/lib/postgresql/<major>/bin} (Debian's layout). */
    static Path findBin() {
        String configured = System.getProperty("mozaiks.postgres.bin", "");
        if (!configured.isBlank()) {
            Path bin = Paths.get(configured);
            if (!hasTools(bin)) {
                throw new IllegalStateException("-Dmozaiks.postgres.bin=" + bin + " holds no initdb/pg_ctl/createdb; "
                        + PACKAGE_HINT);
            }
            return bin;
        }
        List<Path> found = new ArrayList<>();
        Path debian = Paths.get("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (DirectoryStream<Path> majors = Files.newDirectoryStream(debian)) {
                for (Path major : majors) {
                    if (hasTools(major.resolve("bin"))) {
                        found.add(major.resolve("bin"));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return found.stream().max(Comparator.comparingInt(PostgresServer::major)).orElseThrow(() ->
                new IllegalStateException("The cluster test needs a PostgreSQL server, and none is installed (no initdb,"
                        + " pg_ctl and createdb under /usr/lib/postgresql/*/bin). To run it: " + PACKAGE_HINT + "."
                        + " To leave the cluster test out of a local build: -pl '!cluster-tests'."));
    }

    private static boolean hasTools(Path bin) {
        return Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl"))
                && Files.isExecutable(bin.resolve("createdb"));
    }

    private static int major(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String randomPassword() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
