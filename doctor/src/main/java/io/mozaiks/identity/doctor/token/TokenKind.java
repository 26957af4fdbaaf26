package io.mozaiks.identity.doctor.token;

import java.util.Map;

/** A user token (someone signed in) or a service token (client credentials of a service account). */
public enum TokenKind {
    USER, SERVICE;

    /** Keycloak names a service account's user {@code service-account-<client>} and adds {@code client_id}. */
    public static TokenKind of(Map<String, Object> claims) {
        Object username = claims.get("preferred_username");
        boolean serviceAccount = username instanceof String name && name.startsWith("service-account-");
        return serviceAccount || claims.containsKey("client_id") ? SERVICE : USER;
    }
}
