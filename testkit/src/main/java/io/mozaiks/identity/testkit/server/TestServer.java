package io.mozaiks.identity.testkit.server;

import io.mozaiks.identity.runner.FreePorts;
import io.mozaiks.identity.runner.KeycloakServer;
import io.mozaiks.identity.runner.ServerSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The ONE real Keycloak of an integration-test run: the distribution Maven unpacked, the freshly built
 * provider jar, the dev realm and dev users, free loopback ports, a configured hostname. Started on
 * first use, stopped when the test JVM exits.
 *
 * <p>System properties (set by the Failsafe configuration): {@code keycloak.home},
 * {@code mozaiks.provider.jar}, {@code mozaiks.realm.dir}, {@code mozaiks.work.dir}.
 */
public final class TestServer {

    public static final String REALM = "mozaiks";

    private static KeycloakServer server;

    private TestServer() {
    }

    public static synchronized KeycloakServer get() {
        if (server == null) {
            server = start();
            KeycloakServer started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "keycloak-stop"));
        }
        return server;
    }

    public static String issuer() {
        return get().issuer(REALM);
    }

    public static String baseUrl() {
        return get().baseUrl();
    }

    private static KeycloakServer start() {
        Path home = Paths.get(required("keycloak.home"));
        Path realmDir = Paths.get(required("mozaiks.realm.dir"));
        Path work = Paths.get(System.getProperty("mozaiks.work.dir", home.resolve("it-work").toString()));
        wipe(home.resolve("data"));
        int httpPort = FreePorts.pick();
        // The issuer is the loopback URL the tests use, so cookies and form actions stay on one host.
        ServerSettings withHost = ServerSettings.builder(home)
                .provider(Paths.get(required("mozaiks.provider.jar")))
                .importFile(realmDir.resolve(REALM + "-realm.json"))
                .importFile(realmDir.resolve(REALM + "-users-0.json"))
                .httpPort(httpPort)
                .hostname("http://127.0.0.1:" + httpPort)
                .log(work.resolve("keycloak.log"))
                .build();
        String version = serverVersion();
        System.out.println("[testkit] starting Keycloak " + version
                + " from " + home + " on " + withHost.baseUrl() + " (log: " + withHost.log() + ")");
        long started = System.nanoTime();
        KeycloakServer running = KeycloakServer.start(withHost);
        System.out.printf("[testkit] Keycloak ready in %.0f s%n", (System.nanoTime() - started) / 1e9);
        try {
            if (DefaultClientScopes.applyIfIgnored(running.baseUrl(), REALM, realmDir.resolve(REALM + "-realm.json"), version)) {
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

    /** A fresh data folder per run: the realm import skips realms that already exist. */
    private static void wipe(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
