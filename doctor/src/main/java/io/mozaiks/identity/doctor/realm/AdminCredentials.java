package io.mozaiks.identity.doctor.realm;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * How the doctor signs in to the admin API: a user and password (password grant on {@code admin-cli}) or a client
 * id and secret (client credentials). Taken from the environment or standard input, never from the command line,
 * where process lists and shell history keep it.
 */
public record AdminCredentials(String user, String password, String clientId, String clientSecret) {

    public static final String USER = "MOZAIKS_ADMIN_USER";
    public static final String PASSWORD = "MOZAIKS_ADMIN_PASSWORD";
    public static final String CLIENT_ID = "MOZAIKS_ADMIN_CLIENT_ID";
    public static final String CLIENT_SECRET = "MOZAIKS_ADMIN_CLIENT_SECRET";
    /** Keycloak's own admin client in every realm: public, direct grants on. */
    static final String ADMIN_CLI = "admin-cli";

    /**
     * @param env           the environment
     * @param stdinPassword the password read from standard input ({@code --password-stdin}), or null
     * @param userOption    {@code --admin-user}, or null (then {@link #USER})
     */
    public static AdminCredentials from(Function<String, String> env, String stdinPassword, String userOption) {
        String user = blankToNull(userOption != null ? userOption : env.apply(USER));
        String password = blankToNull(stdinPassword != null ? stdinPassword : env.apply(PASSWORD));
        String clientId = blankToNull(env.apply(CLIENT_ID));
        String secret = blankToNull(env.apply(CLIENT_SECRET));
        if (user != null && password != null) {
            return new AdminCredentials(user, password, null, null);
        }
        if (user == null && clientId != null && secret != null) {
            return new AdminCredentials(null, null, clientId, secret);
        }
        throw new PlanRefused(user != null
                ? "no password for admin user " + Printable.of(user) + ": set " + PASSWORD + " or pipe it with --password-stdin"
                + " (never on the command line)"
                : "no admin credentials: set " + USER + " and " + PASSWORD + " (or pipe the password with --password-stdin), or "
                + CLIENT_ID + " and " + CLIENT_SECRET + " for a client with a service account; they are never taken from the command line");
    }

    /** The token request's form. */
    Map<String, String> tokenForm() {
        Map<String, String> form = new LinkedHashMap<>();
        if (user != null) {
            form.put("grant_type", "password");
            form.put("client_id", ADMIN_CLI);
            form.put("username", user);
            form.put("password", password);
        } else {
            form.put("grant_type", "client_credentials");
            form.put("client_id", clientId);
            form.put("client_secret", clientSecret);
        }
        return form;
    }

    /** {@code message} with every secret replaced, for errors that might echo a request. */
    String redact(String message) {
        String out = message == null ? "" : message;
        for (String secret : new String[]{password, clientSecret}) {
            if (secret != null && !secret.isEmpty()) {
                out = out.replace(secret, "***");
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return user != null ? "user " + user : "client " + clientId;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
