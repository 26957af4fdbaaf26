package io.mozaiks.identity.testkit.server;

/** The Keycloak the integration tests talk to: the distribution (always) or a container (when Docker is present). */
public interface ServerUnderTest extends AutoCloseable {

    /** URL the tests send requests to. */
    String baseUrl();

    /** The issuer of the realm, as tokens carry it. */
    String issuer(String realm);

    /** The server log so far. */
    String logText();

    @Override
    void close();
}
