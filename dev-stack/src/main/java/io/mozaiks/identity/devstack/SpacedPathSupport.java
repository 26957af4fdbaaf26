package io.mozaiks.identity.devstack;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Keycloak before 26.6 fails provider discovery when its installation path contains a space (keycloak
 * issue 45971, e.g. C:\Users\First Last\...): the server starts without the provider, and every token
 * misses the contract. The dev stack refuses such a combination up front with the reason and the fix.
 * Checked on Linux for 26.7.x (docs/configuration.md, "Paths with spaces"): a checkout path with spaces works.
 */
final class SpacedPathSupport {

    /** The first Keycloak line whose provider discovery copes with spaces in the installation path. */
    static final int[] FIXED_IN = {26, 6};

    private SpacedPathSupport() {
    }

    /** Why {@code keycloakVersion} cannot run from {@code distHome}, or empty when it can. */
    static Optional<String> problem(String keycloakVersion, Path distHome) {
        if (!distHome.toString().contains(" ") || !before(keycloakVersion, FIXED_IN)) {
            return Optional.empty();
        }
        return Optional.of("Keycloak " + keycloakVersion + " cannot load providers from a path with spaces ("
                + distHome + "; Keycloak issue 45971, fixed in 26.6) - use a state folder without spaces:"
                + " --home <dir> or MOZAIKS_DEV_HOME, e.g. C:\\mozaiks-dev or ~/mozaiks-dev");
    }

    /** True when {@code version} (major.minor[.patch...]) is before {@code major.minor}; unknown spellings are not. */
    static boolean before(String version, int[] majorMinor) {
        String[] parts = version.split("[.-]");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major < majorMinor[0] || (major == majorMinor[0] && minor < majorMinor[1]);
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
