package io.mozaiks.identity.cluster;

import io.mozaiks.identity.runner.DistributionCopy;
import io.mozaiks.identity.runner.FreePorts;
import io.mozaiks.identity.runner.KeycloakServer;
import io.mozaiks.identity.runner.LogTail;
import io.mozaiks.identity.runner.ProductionSettings;
import io.mozaiks.identity.runner.ServerCommand;
import io.mozaiks.identity.runner.ServerSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two production-mode Keycloak nodes on loopback, the way an operator runs them: ONE distribution with the
 * provider jar, built once ({@code kc.sh build}), copied per node (own {@code data/}), started with
 * {@code start --optimized}, each with its own HTTP, management and clustering port, sharing one PostgreSQL
 * and clustered by Keycloak's default cache stack ({@code jdbc-ping}: discovery through that database).
 *
 * <p>Both nodes share one hostname, as they would behind a load balancer; here it is node 1's URL, so the
 * browser login on node 1 stays on one host. Tokens from either node therefore carry the same issuer.
 */
final class Cluster implements AutoCloseable {

    static final String REALM = "mozaiks";
    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(6);
    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration VIEW_TIMEOUT = Duration.ofSeconds(90);
    /** Infinispan's log line for a new JGroups view: {@code ... cluster view for channel ISPN: [a|1] (2) [a, b]}. */
    private static final Pattern VIEW = Pattern.compile("ISPN000094: Received new cluster view for channel \\S+: \\[[^\\]]*\\] \\((\\d+)\\)");
    /** A modest heap per node: two nodes share the machine with the build (kc.sh's default is 70 % of RAM). */
    private static final String HEAP = "-Xms256m -Xmx1g";

    final PostgresServer database;
    final List<KeycloakServer> nodes = new ArrayList<>();
    final String publicUrl;
    final Figures.Startup startup = new Figures.Startup();
    private final Path work;

    private Cluster(PostgresServer database, Path work, String publicUrl) {
        this.database = database;
        this.work = work;
        this.publicUrl = publicUrl;
    }

    static Cluster start() {
        Path home = Paths.get(required("keycloak.home"));
        Path providerJar = Paths.get(required("mozaiks.provider.jar"));
        Path realmDir = Paths.get(required("mozaiks.realm.dir"));
        Path work = Paths.get(required("mozaiks.work.dir"));
        DistributionCopy.delete(work);

        long t0 = System.nanoTime();
        PostgresServer database = PostgresServer.start();
        long t1 = System.nanoTime();
        System.out.printf("[cluster] PostgreSQL %s on 127.0.0.1:%d ready in %.1f s%n", database.version(), database.port(),
                (t1 - t0) / 1e9);

        Set<Integer> ports = new HashSet<>();
        int http1 = distinctPort(ports);
        Cluster cluster = new Cluster(database, work, "http://127.0.0.1:" + http1);
        Runtime.getRuntime().addShutdownHook(new Thread(cluster::close, "cluster-stop"));
        try {
            cluster.startup.postgresSeconds = (t1 - t0) / 1e9;
            Path template = builtTemplate(home, providerJar, work.resolveSibling("cluster-template"), work.resolve("build.log"));
            long t2 = System.nanoTime();
            cluster.startup.buildSeconds = (t2 - t1) / 1e9;

            // Node 1 creates the schema, imports the dev realm and the bootstrap admin; node 2 joins afterwards.
            cluster.startNode(1, template, http1, distinctPort(ports), distinctPort(ports),
                    List.of(realmDir.resolve(REALM + "-realm.json"), realmDir.resolve(REALM + "-users-0.json")));
            cluster.startNode(2, template, distinctPort(ports), distinctPort(ports), distinctPort(ports), List.of());
            cluster.awaitView(2);
            cluster.startup.totalSeconds = (System.nanoTime() - t0) / 1e9;
            System.out.printf("[cluster] two nodes clustered in %.0f s%n", cluster.startup.totalSeconds);
            return cluster;
        } catch (RuntimeException | Error e) {
            cluster.close();
            throw e;
        }
    }

    /**
     * The distribution with the provider jar, built for production ({@code kc.sh build}). A template built
     * from the same distribution and the byte-identical jar is reused (it is what the build would produce
     * again); anything else is rebuilt from a fresh copy.
     */
    private static Path builtTemplate(Path home, Path providerJar, Path template, Path log) {
        String stamp;
        try {
            stamp = home.toRealPath() + "\n" + ServerCommand.build(home, "Linux").subList(2, 6) + "\n"
                    + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(providerJar)));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot read the provider jar " + providerJar + " (build it first: ./mvnw verify)", e);
        }
        Path marker = template.resolve("mozaiks-build.stamp");
        try {
            if (Files.isRegularFile(marker) && Files.readString(marker).equals(stamp)) {
                System.out.println("[cluster] reusing the built distribution " + template + " (same distribution and jar)");
                return template;
            }
            DistributionCopy.copy(home, template);
            long started = System.nanoTime();
            KeycloakServer.build(template, List.of(providerJar), log, BUILD_TIMEOUT);
            Files.writeString(marker, stamp);
            System.out.printf("[cluster] kc.sh build (db=postgres, cache=ispn, provider %s) in %.0f s%n",
                    providerJar.getFileName(), (System.nanoTime() - started) / 1e9);
            return template;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    KeycloakServer node(int number) {
        return nodes.get(number - 1);
    }

    String issuer() {
        return publicUrl + "/realms/" + REALM;
    }

    /** The base URL the test talks to for one node (its own port; the issuer stays {@link #publicUrl}). */
    String baseUrl(int number) {
        return node(number).baseUrl();
    }

    Path log(int number) {
        return node(number).settings().log();
    }

    private void startNode(int number, Path template, int http, int management, int cache, List<Path> imports) {
        Path home = DistributionCopy.copy(template, work.resolve("node" + number));
        ServerSettings.Builder settings = ServerSettings.builder(home)
                .httpPort(http)
                .managementPort(management)
                .hostname(publicUrl)
                .env("JAVA_OPTS_KC_HEAP", HEAP)
                .arg("--spi-cache-embedded-default-node-name=node" + number)
                .log(work.resolve("node" + number + ".log"));
        imports.forEach(settings::importFile);
        ProductionSettings production = ProductionSettings.loopback(database.jdbcUrl(), database.username(),
                database.password(), cache);
        long started = System.nanoTime();
        KeycloakServer node = KeycloakServer.startProduction(settings.build(), production, START_TIMEOUT);
        nodes.add(node);
        double seconds = (System.nanoTime() - started) / 1e9;
        startup.nodeSeconds.add(seconds);
        System.out.printf("[cluster] node %d ready in %.0f s: http %d, management %d, cache %d (log %s)%n", number, seconds,
                http, management, cache, node.settings().log());
    }

    /** Waits until a node's log shows a cluster view of {@code size} members: proof the nodes really clustered. */
    void awaitView(int size) {
        Instant deadline = Instant.now().plus(VIEW_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            for (KeycloakServer node : nodes) {
                if (lastViewSize(node.settings().log()) == size) {
                    return;
                }
            }
            sleep(500);
        }
        throw new AssertionError("the nodes did not form a cluster view of " + size + " within " + VIEW_TIMEOUT
                + " (JGroups jdbc-ping discovery through the shared database); node 2 log:\n" + LogTail.read(log(2), 40));
    }

    /**
     * When a node's log shows its newest cluster view of {@code size} members, or {@code null}; the log's
     * timestamps are this machine's local time (Keycloak's default console format).
     */
    static Instant lastViewTime(Path log, int size) {
        try {
            Instant found = null;
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                Matcher matcher = VIEW.matcher(line);
                if (matcher.find() && Integer.parseInt(matcher.group(1)) == size && line.length() > 23) {
                    found = LocalDateTime.parse(line.substring(0, 23).replace(' ', 'T').replace(',', '.'))
                            .atZone(ZoneId.systemDefault()).toInstant();
                }
            }
            return found;
        } catch (IOException | DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    /** The size of the newest cluster view a node logged, 0 if none. */
    static int lastViewSize(Path log) {
        try {
            Matcher matcher = VIEW.matcher(Files.readString(log, StandardCharsets.UTF_8));
            int size = 0;
            while (matcher.find()) {
                size = Integer.parseInt(matcher.group(1));
            }
            return size;
        } catch (IOException e) {
            return 0;
        }
    }

    @Override
    public synchronized void close() {
        for (int i = nodes.size() - 1; i >= 0; i--) {
            nodes.get(i).close();
        }
        nodes.clear();
        database.close();
    }

    private static int distinctPort(Set<Integer> taken) {
        for (int attempt = 0; attempt < 20; attempt++) {
            int port = FreePorts.pick();
            if (taken.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no distinct free loopback port");
    }

    static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set; run the cluster test through Maven"
                    + " (./mvnw verify), which sets it");
        }
        return value;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
