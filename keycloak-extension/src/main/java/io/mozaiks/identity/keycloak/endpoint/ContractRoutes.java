package io.mozaiks.identity.keycloak.endpoint;

import java.util.Optional;

/**
 * The route table of {@code <issuer>/mozaiks/...}: which contract resource a path names, which methods it
 * answers and which admin permission reading it needs. Pure; JAX-RS sees one catch-all path per method
 * ({@link ContractResource}), so that every answer, 404 and 405 included, passes {@link ResponsePolicy}.
 */
final class ContractRoutes {

    /** The realm resource's URL segment: {@code <issuer>/mozaiks}. */
    static final String ROOT = "mozaiks";
    static final String ALLOW = "GET, HEAD, OPTIONS";
    /** /contract/settings also takes PUT; CORS never offers it (Access-Control-Allow-Methods stays {@link #ALLOW}). */
    static final String ALLOW_SETTINGS = "GET, HEAD, PUT, OPTIONS";
    /** The browser clients' documents below {@code /contract/env/} (not token consumers: no {@code ConsumerId}). */
    static final String SHELL = "shell";
    static final String SUCCESSOR_UI = "successor-ui";
    static final String KNOWN_PATHS = "/contract, /contract/env/{core|platform|plugin-host|shell|successor-ui}, /contract/conformance,"
            + " /contract/conformance/env/{core|platform|plugin-host} or /contract/settings";

    enum Kind { CONTRACT, ENV, SHELL_ENV, SUCCESSOR_UI, CONFORMANCE, ADMIN_ENV, SETTINGS }

    /** @param consumer the consumer's path segment (ENV, ADMIN_ENV), unchecked; otherwise {@code null} */
    record Route(Kind kind, String consumer) {

        String allow() {
            return kind == Kind.SETTINGS ? ALLOW_SETTINGS : ALLOW;
        }

        /** What a GET or HEAD needs; empty for the public documents. */
        Optional<AdminAccess.Permission> readPermission() {
            return switch (kind) {
                case CONTRACT, ENV, SHELL_ENV, SUCCESSOR_UI -> Optional.empty();
                case CONFORMANCE, ADMIN_ENV -> Optional.of(AdminAccess.Permission.VIEW_CLIENTS);
                case SETTINGS -> Optional.of(AdminAccess.Permission.VIEW_REALM);
            };
        }
    }

    private ContractRoutes() {
    }

    /** The route of a path below the realm resource; leading slashes and one trailing slash are ignored. */
    static Optional<Route> route(String path) {
        String p = path == null ? "" : path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        if (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        String[] s = p.split("/", -1);
        if (s.length == 1 && s[0].equals("contract")) {
            return Optional.of(new Route(Kind.CONTRACT, null));
        }
        if (s.length == 3 && s[0].equals("contract") && s[1].equals("env") && s[2].equals(SHELL)) {
            return Optional.of(new Route(Kind.SHELL_ENV, null));
        }
        if (s.length == 3 && s[0].equals("contract") && s[1].equals("env") && s[2].equals(SUCCESSOR_UI)) {
            return Optional.of(new Route(Kind.SUCCESSOR_UI, null));
        }
        if (s.length == 3 && s[0].equals("contract") && s[1].equals("env") && !s[2].isEmpty()) {
            return Optional.of(new Route(Kind.ENV, s[2]));
        }
        if (s.length == 2 && s[0].equals("contract") && s[1].equals("conformance")) {
            return Optional.of(new Route(Kind.CONFORMANCE, null));
        }
        if (s.length == 2 && s[0].equals("contract") && s[1].equals("settings")) {
            return Optional.of(new Route(Kind.SETTINGS, null));
        }
        if (s.length == 4 && s[0].equals("contract") && s[1].equals("conformance") && s[2].equals("env") && !s[3].isEmpty()) {
            return Optional.of(new Route(Kind.ADMIN_ENV, s[3]));
        }
        return Optional.empty();
    }
}
