package io.mozaiks.identity.doctor.token;

import java.util.Map;

/** A user token (someone signed in) or a service token (client credentials of a service account). */
public enum TokenKind {
    USER, SERVICE;

    /**
     * A service token names a service account ({@code service-account-<client>}, {@code client_id}), or has
     * neither a session ({@code sid}) nor any scope: contract 1.1 strips the first two, and a client-credentials
     * grant opens no user session. {@code --kind} overrides this.
     */
    public static TokenKind of(Map<String, Object> claims) {
        Object username = claims.get("preferred_username");
        boolean serviceAccount = username instanceof String name && name.startsWith("service-account-")
                || claims.containsKey("client_id");
        boolean sessionless = !claims.containsKey("sid") && !claims.containsKey("scope") && !claims.containsKey("scp");
        return serviceAccount || sessionless ? SERVICE : USER;
    }
}
