package io.mozaiks.identity.contractenv;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.mozaiks.identity.contractenv.EnvNames.*;

/**
 * mozaiks-core's browser shell ({@code packages/frontend/shell/src/auth/runtime/authConfig.ts}): the build-time
 * {@code VITE_AUTH_*} variables and the run-time {@code window.__MOZAIKS_AUTH_CONFIG} object it reads, filled for
 * one realm and one origin. {@code VITE_AUTH_SCOPE} is never written: its value has spaces (a dotenv value here is
 * refused, never quoted) and the shell's default is exactly {@link #SCOPE}; the API scope is appended by the shell.
 */
public final class ShellConfig {

    /** The shell's default scope (and the one the run-time object carries). */
    public static final String SCOPE = "openid profile email";
    public static final String REDIRECT_PATH = "/auth/callback";
    public static final String POST_LOGOUT_PATH = "/";

    /**
     * @param authority the issuer (the shell's OIDC authority)
     * @param clientId  the realm's public shell client
     * @param apiScope  the contract's user scope, or null when there is none
     */
    public record Values(String authority, String clientId, BrowserOrigin origin, String apiScope) {
    }

    private ShellConfig() {
    }

    /** The {@code VITE_AUTH_*} lines, each checked with {@link DotEnv#requirePlain}. */
    public static Map<String, String> variables(Values values) {
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put(VITE_AUTH_AUTHORITY, values.authority());
        vars.put(VITE_AUTH_CLIENT_ID, values.clientId());
        vars.put(VITE_AUTH_REDIRECT_URI, values.origin().resolve(REDIRECT_PATH));
        vars.put(VITE_AUTH_POST_LOGOUT_REDIRECT_URI, values.origin().resolve(POST_LOGOUT_PATH));
        if (values.apiScope() != null) {
            vars.put(VITE_AUTH_API_SCOPE, values.apiScope());
        }
        vars.forEach(DotEnv::requirePlain);
        return Collections.unmodifiableMap(vars);
    }

    /** {@code window.__MOZAIKS_AUTH_CONFIG}: the same values under the shell's run-time names. */
    public static Map<String, String> runtimeConfig(Values values) {
        Map<String, String> vars = variables(values);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("authority", vars.get(VITE_AUTH_AUTHORITY));
        config.put("clientId", vars.get(VITE_AUTH_CLIENT_ID));
        config.put("redirectUri", vars.get(VITE_AUTH_REDIRECT_URI));
        config.put("postLogoutRedirectUri", vars.get(VITE_AUTH_POST_LOGOUT_REDIRECT_URI));
        config.put("scope", SCOPE);
        if (values.apiScope() != null) {
            config.put("apiScope", values.apiScope());
        }
        return Collections.unmodifiableMap(config);
    }
}
