package io.mozaiks.identity.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything needed to start one Keycloak distribution. Built with {@link #builder(Path)}.
 *
 * @param home            the unpacked distribution (the folder that holds {@code bin/kc.sh})
 * @param providers       jars copied into {@code providers/} before start
 * @param imports         realm files copied into {@code data/import/} (imported with IGNORE_EXISTING)
 * @param httpPort        HTTP port, bound to the loopback interface only
 * @param managementPort  management port (health, metrics)
 * @param hostname        the public base URL; fixed so the issuer never follows request headers.
 *                        {@code null} leaves Keycloak's hostname unset (issuer follows the request)
 * @param database        {@code dev-mem} (tests) or {@code dev-file} (persistent dev stack)
 * @param extraArgs       further {@code kc.sh start-dev} options
 * @param environment     extra environment (e.g. the bootstrap admin)
 * @param log             file that receives the server's stdout and stderr
 */
public record ServerSettings(Path home, List<Path> providers, List<Path> imports, int httpPort,
                             int managementPort, String hostname, String database,
                             List<String> extraArgs, Map<String, String> environment, Path log) {

    public static final String BOOTSTRAP_ADMIN_USER = "admin";
    public static final String BOOTSTRAP_ADMIN_PASSWORD = "admin";

    public ServerSettings {
        Objects.requireNonNull(home, "home");
        providers = List.copyOf(providers);
        imports = List.copyOf(imports);
        extraArgs = List.copyOf(extraArgs);
        environment = Map.copyOf(environment);
        Objects.requireNonNull(log, "log");
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public static Builder builder(Path home) {
        return new Builder(home);
    }

    public static final class Builder {
        private final Path home;
        private final List<Path> providers = new ArrayList<>();
        private final List<Path> imports = new ArrayList<>();
        private int httpPort;
        private int managementPort;
        private String hostname;
        private boolean hostnameSet;
        private String database = "dev-mem";
        private final List<String> extraArgs = new ArrayList<>();
        private final Map<String, String> environment = new LinkedHashMap<>();
        private Path log;

        private Builder(Path home) {
            this.home = home;
            environment.put("KC_BOOTSTRAP_ADMIN_USERNAME", BOOTSTRAP_ADMIN_USER);
            environment.put("KC_BOOTSTRAP_ADMIN_PASSWORD", BOOTSTRAP_ADMIN_PASSWORD);
        }

        public Builder provider(Path jar) { providers.add(jar); return this; }
        public Builder importFile(Path realmJson) { imports.add(realmJson); return this; }
        public Builder httpPort(int port) { this.httpPort = port; return this; }
        public Builder managementPort(int port) { this.managementPort = port; return this; }
        /** Public base URL; default {@code http://localhost:<httpPort>}. {@code null} = leave unset. */
        public Builder hostname(String url) { this.hostname = url; this.hostnameSet = true; return this; }
        public Builder database(String db) { this.database = db; return this; }
        public Builder arg(String arg) { extraArgs.add(arg); return this; }
        public Builder env(String name, String value) { environment.put(name, value); return this; }
        public Builder log(Path file) { this.log = file; return this; }

        public ServerSettings build() {
            int http = httpPort > 0 ? httpPort : FreePorts.pick();
            int mgmt = managementPort > 0 ? managementPort : FreePorts.pick();
            String host = hostnameSet ? hostname : "http://localhost:" + http;
            Path logFile = log != null ? log : home.resolve("data").resolve("keycloak.log");
            return new ServerSettings(home, providers, imports, http, mgmt, host, database, extraArgs,
                    environment, logFile);
        }
    }
}
