package io.mozaiks.identity.testkit.server;

import org.opentest4j.TestAbortedException;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Optional;

/**
 * The ONE real Keycloak of an integration-test run, started on first use and stopped when the test
 * JVM exits: the freshly built provider jar, the dev realm and dev users.
 *
 * <p>{@code mozaiks.server=distribution} (default): the distribution Maven unpacked, on free loopback
 * ports with a configured hostname; always available. {@code mozaiks.server=container}: the official
 * image through testcontainers-keycloak; without a Docker engine every test of that run is skipped
 * with the reason printed once (it fails instead with {@code -Dmozaiks.containers.required=true}).
 *
 * <p>System properties (set by the Failsafe configuration): {@code keycloak.home},
 * {@code keycloak.version}, {@code mozaiks.provider.jar}, {@code mozaiks.realm.dir}, {@code mozaiks.work.dir}.
 */
public final class TestServer {

    public static final String REALM = "mozaiks";
    public static final String MODE_PROPERTY = "mozaiks.server";
    /** {@code -Dmozaiks.containers.required=true} (CI): no Docker engine fails the run instead of skipping. */
    public static final String CONTAINERS_REQUIRED_PROPERTY = "mozaiks.containers.required";

    private static ServerUnderTest server;
    private static String unavailable;

    private TestServer() {
    }

    public static synchronized ServerUnderTest get() {
        if (unavailable != null) {
            throw new TestAbortedException(unavailable);
        }
        if (server == null) {
            long started = System.nanoTime();
            server = start();
            System.out.printf("[testkit] Keycloak ready in %.0f s%n", (System.nanoTime() - started) / 1e9);
            ServerUnderTest running = server;
            Runtime.getRuntime().addShutdownHook(new Thread(running::close, "keycloak-stop"));
        }
        return server;
    }

    public static String issuer() {
        return get().issuer(REALM);
    }

    public static String baseUrl() {
        return get().baseUrl();
    }

    /** The Prometheus scrape URL on the management port ({@code metrics-enabled=true}). */
    public static String metricsUrl() {
        return get().metricsUrl();
    }

    private static ServerUnderTest start() {
        Path jar = Paths.get(required("mozaiks.provider.jar"));
        if ("container".equals(System.getProperty(MODE_PROPERTY))) {
            Optional<String> reason = ContainerServer.unavailableReason();
            if (reason.isPresent() && Boolean.getBoolean(CONTAINERS_REQUIRED_PROPERTY)) {
                throw new IllegalStateException("container suite cannot run: " + reason.get()
                        + " (and -D" + CONTAINERS_REQUIRED_PROPERTY + "=true)");
            }
            if (reason.isPresent()) {
                unavailable = "container suite skipped: " + reason.get()
                        + " (the distribution suite ran the same tests against the real server)";
                System.out.println("[testkit] " + unavailable);
                throw new TestAbortedException(unavailable);
            }
            return ContainerServer.start(required("keycloak.version"), jar,
                    "realm/" + REALM + "-realm.json", "realm/" + REALM + "-users-0.json");
        }
        Path realmDir = Paths.get(required("mozaiks.realm.dir"));
        Path home = Paths.get(required("keycloak.home"));
        Path realmFile = realmDir.resolve(REALM + "-realm.json");
        DistributionServer running = DistributionServer.start(home, jar, realmFile,
                realmDir.resolve(REALM + "-users-0.json"),
                Paths.get(System.getProperty("mozaiks.work.dir", home.resolve("it-work").toString())));
        String version = serverVersion();
        try {
            if (DefaultClientScopes.applyIfIgnored(running.baseUrl(), REALM, realmFile, version)) {
                System.out.println("[testkit] Keycloak " + version + " ignores the realm attribute "
                        + DefaultClientScopes.ATTRIBUTE + " (26.7.0+): added that server's built-in client scopes as 26.7 does");
            }
        } catch (RuntimeException | Error e) {
            running.close();
            throw e;
        }
        return running;
    }

    /** The version of the distribution under test ({@code -Dkeycloak.server.version}, the version matrix). */
    public static String serverVersion() {
        return System.getProperty("keycloak.server.version", System.getProperty("keycloak.version", ""));
    }

    private static String required(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("system property " + name + " is not set; run the integration tests"
                    + " through Maven (./mvnw verify), which sets it");
        }
        return value;
    }
}
