package io.mozaiks.identity.devstack;

import io.mozaiks.identity.contractenv.BrowserOrigin;
import io.mozaiks.identity.contractenv.ShellConfig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The text printed once Keycloak is ready. Pure, so its content is unit-tested. */
public final class Summary {

    /** The line the smoke test (and scripts) wait for. */
    public static final String READY_PREFIX = "dev-stack ready: ";

    /** Path of the contract endpoint under the issuer (the endpoint lives in keycloak-extension). */
    public static final String CONTRACT_PATH = "/mozaiks/contract";
    /** The dev realm's public browser client and its contract scope (docker/realm/mozaiks-realm.json). */
    public static final String SHELL_CLIENT = "mozaiks-shell";
    public static final String API_SCOPE = "access_as_user";

    private Summary() {
    }

    public static String issuer(String publicUrl, String realm) {
        return publicUrl + "/realms/" + realm;
    }

    public static String tokenEndpoint(String publicUrl, String realm) {
        return issuer(publicUrl, realm) + "/protocol/openid-connect/token";
    }

    public static String serviceTokenCommand(String publicUrl, String realm, String clientId, String secret) {
        return "curl -s -d grant_type=client_credentials -d client_id=" + clientId + " -d client_secret="
                + (secret != null ? secret : "<secret>") + " " + tokenEndpoint(publicUrl, realm);
    }

    /** The shell's VITE_AUTH_* values on the dev origin, as /contract/env/shell answers them for the dev realm. */
    public static java.util.Map<String, String> shellConfig(String issuer) {
        return ShellConfig.variables(new ShellConfig.Values(issuer, SHELL_CLIENT, BrowserOrigin.parse(BrowserOrigin.DEV_DEFAULT),
                API_SCOPE));
    }

    public static List<String> lines(String keycloakVersion, String publicUrl, DevRealm realm, String coreSecret,
                                     String platformSecret, Path dataDir, Path log) {
        String issuer = issuer(publicUrl, realm.name());
        List<String> out = new ArrayList<>();
        out.add("");
        out.add("mozaiks dev stack - Keycloak " + keycloakVersion
                + "  (DEV ONLY: fixed admin password, dev users, secrets printed)");
        out.add("");
        out.add("  Admin console  " + publicUrl + "/admin/   (admin / admin)");
        out.add("  Issuer         " + issuer);
        out.add("  Discovery      " + issuer + "/.well-known/openid-configuration");
        out.add("  JWKS           " + issuer + "/protocol/openid-connect/certs");
        out.add("  Contract       " + issuer + CONTRACT_PATH);
        out.add("  Themed login   " + issuer + "/account/");
        out.add("");
        if (realm.users().isEmpty()) {
            out.add("  No dev users in the realm folder.");
        } else {
            out.add("  Dev users (DEV ONLY):");
            for (DevRealm.DevUser user : realm.users()) {
                StringBuilder line = new StringBuilder(String.format("    %-16s password %-16s", user.username(),
                        user.password() != null ? user.password() : "(none)"));
                if (!user.realmRoles().isEmpty()) {
                    line.append(" roles ").append(String.join(",", user.realmRoles()));
                }
                if (!user.groups().isEmpty()) {
                    line.append(" groups ").append(String.join(",", user.groups()));
                }
                out.add(line.toString().stripTrailing());
            }
        }
        out.add("");
        out.add("  Service token (mozaiks-core; the secret is a DEV secret Keycloak generated at import):");
        out.add("    " + serviceTokenCommand(publicUrl, realm.name(), "mozaiks-core", coreSecret));
        if (platformSecret != null) {
            out.add("  mozaiks-platform dev secret: " + platformSecret);
        }
        out.add("");
        out.add("  mozaiks-core shell (" + BrowserOrigin.DEV_DEFAULT + "; other origins: ?origin=, docs/configuration.md):");
        out.add("    " + issuer + CONTRACT_PATH + "/env/shell");
        shellConfig(issuer).forEach((name, value) -> out.add("    " + name + "=" + value));
        out.add("  Successor chat UI auth.json fragment: " + issuer + CONTRACT_PATH + "/env/successor-ui");
        out.add("");
        out.add("  Data           " + dataDir + "  (kept between runs; --reset starts over)");
        out.add("  Keycloak log   " + log);
        out.add("");
        out.add(READY_PREFIX + publicUrl + "  (Ctrl-C stops)");
        return out;
    }
}
