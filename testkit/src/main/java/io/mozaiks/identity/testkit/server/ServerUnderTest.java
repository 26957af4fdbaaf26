package io.mozaiks.identity.testkit.server;

/** The Keycloak the integration tests talk to: the distribution (always) or a container (when Docker is present). */
public interface ServerUnderTest extends AutoCloseable {

    /** URL the tests send requests to. */
    String baseUrl();

    /**
     * The base URL on which the server reaches ITSELF, for calls Keycloak makes to its own realms (a broker's
     * token and JWKS endpoints): {@link #baseUrl()} for the distribution, the container's own port inside a
     * container (where 127.0.0.1 is the container, not the host).
     */
    String selfUrl();

    /** The issuer of the realm, as tokens carry it. */
    String issuer(String realm);

    /**
     * The Prometheus scrape URL of the management interface ({@code /metrics}); the test server always runs
     * with {@code metrics-enabled=true}, as the compose dev stack does.
     */
    String metricsUrl();

    /** The server log so far. */
    String logText();

    @Override
    void close();
}
