package io.mozaiks.identity.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The {@code kc.sh} / {@code kc.bat} command line for a {@link ServerSettings}; pure, so it is unit-tested. */
public final class ServerCommand {

    private ServerCommand() {
    }

    public static boolean isWindows(String osName) {
        return osName.toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }

    public static List<String> startDev(ServerSettings settings, String osName) {
        List<String> command = new ArrayList<>(launcher(settings.home(), osName));
        command.add("start-dev");
        command.add("--http-host=127.0.0.1");
        command.add("--http-port=" + settings.httpPort());
        command.add("--http-management-port=" + settings.managementPort());
        command.add("--health-enabled=true");
        command.add("--db=" + settings.database());
        command.add("--import-realm");
        if (settings.hostname() != null) {
            command.add("--hostname=" + settings.hostname());
        }
        command.addAll(settings.extraArgs());
        return command;
    }

    /**
     * {@code kc.sh build} with the production build-time options: PostgreSQL, the clustered ({@code ispn})
     * cache with Keycloak's default stack, health checks. Run once per distribution copy, after the
     * provider jars are in {@code providers/}; nodes then start with {@code --optimized}.
     */
    public static List<String> build(Path home, String osName) {
        List<String> command = new ArrayList<>(launcher(home, osName));
        command.add("build");
        command.add(ProductionSettings.BUILD_DB);
        command.add(ProductionSettings.BUILD_CACHE);
        command.add(ProductionSettings.BUILD_HEALTH);
        return command;
    }

    /**
     * {@code kc.sh start --optimized} of one production-mode cluster node on loopback: plain HTTP (a TLS
     * proxy is assumed in front), its own HTTP, management and clustering ports, the shared database.
     * The database password is NOT on the command line: {@link KeycloakServer} passes it as
     * {@code KC_DB_PASSWORD}.
     */
    public static List<String> start(ServerSettings settings, ProductionSettings production, String osName) {
        if (settings.hostname() == null) {
            throw new IllegalArgumentException("production mode needs a hostname (the public URL every node shares)");
        }
        List<String> command = new ArrayList<>(launcher(settings.home(), osName));
        command.add("start");
        command.add("--optimized");
        command.add("--http-enabled=true");
        command.add("--http-host=127.0.0.1");
        command.add("--http-port=" + settings.httpPort());
        command.add("--http-management-port=" + settings.managementPort());
        command.add("--hostname=" + settings.hostname());
        command.add("--db-url=" + production.dbUrl());
        command.add("--db-username=" + production.dbUsername());
        command.add("--cache-embedded-network-bind-address=" + production.cacheBindAddress());
        command.add("--cache-embedded-network-bind-port=" + production.cachePort());
        command.add("--cache-embedded-network-external-address=" + production.cacheBindAddress());
        if (!settings.imports().isEmpty()) {
            command.add("--import-realm");
        }
        command.addAll(settings.extraArgs());
        return command;
    }

    /** kc.sh is run through bash so the unpacked zip needs no exec bit; kc.bat through cmd. */
    static List<String> launcher(Path home, String osName) {
        Path bin = home.resolve("bin");
        if (isWindows(osName)) {
            return List.of("cmd.exe", "/c", bin.resolve("kc.bat").toString());
        }
        return List.of("bash", bin.resolve("kc.sh").toString());
    }
}
