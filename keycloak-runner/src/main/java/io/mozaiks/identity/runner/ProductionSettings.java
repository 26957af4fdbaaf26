package io.mozaiks.identity.runner;

import java.util.Objects;

/**
 * What a production-mode ({@code kc.sh start}) cluster node needs beyond {@link ServerSettings}: the shared
 * database and this node's own clustering (JGroups) transport. Discovery is Keycloak's default
 * {@code jdbc-ping} stack, i.e. through the shared database, so nodes on one host or many find each other
 * without multicast.
 *
 * @param dbUrl              JDBC URL of the shared database, e.g. {@code jdbc:postgresql://127.0.0.1:5432/keycloak}
 * @param dbUsername         database user
 * @param dbPassword         database password; handed to Keycloak as {@code KC_DB_PASSWORD}, never on the command line
 * @param cacheBindAddress   address the clustering transport binds to (and announces)
 * @param cachePort          this node's clustering transport port ({@code cache-embedded-network-bind-port})
 */
public record ProductionSettings(String dbUrl, String dbUsername, String dbPassword, String cacheBindAddress,
                                 int cachePort) {

    /** Build-time options of the distribution every node runs ({@code kc.sh build}); runtime options must agree. */
    public static final String BUILD_DB = "--db=postgres";
    public static final String BUILD_CACHE = "--cache=ispn";
    public static final String BUILD_HEALTH = "--health-enabled=true";

    public ProductionSettings {
        Objects.requireNonNull(dbUrl, "dbUrl");
        Objects.requireNonNull(dbUsername, "dbUsername");
        Objects.requireNonNull(dbPassword, "dbPassword");
        Objects.requireNonNull(cacheBindAddress, "cacheBindAddress");
        if (cachePort <= 0) {
            throw new IllegalArgumentException("cachePort must be a port number");
        }
    }

    /** A loopback node: transport bound to and announced on 127.0.0.1. */
    public static ProductionSettings loopback(String dbUrl, String dbUsername, String dbPassword, int cachePort) {
        return new ProductionSettings(dbUrl, dbUsername, dbPassword, "127.0.0.1", cachePort);
    }
}
