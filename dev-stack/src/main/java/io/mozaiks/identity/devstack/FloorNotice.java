package io.mozaiks.identity.devstack;

import io.mozaiks.identity.runner.floor.FloorCheck;
import io.mozaiks.identity.runner.floor.KeycloakVersion;
import io.mozaiks.identity.runner.floor.SecurityFloor;

import java.util.List;

/** What {@code bin/dev-stack} prints about the security floor for the Keycloak it runs (keycloak-runner's table). */
final class FloorNotice {

    private FloorNotice() {
    }

    /** No line at or above the floor; a WARNING line below it or when the version cannot be read. */
    static List<String> lines(String serverVersion) {
        KeycloakVersion version;
        try {
            version = KeycloakVersion.parse(serverVersion);
        } catch (IllegalArgumentException e) {
            return List.of("      WARNING: cannot judge the Keycloak version against the security floor: " + e.getMessage());
        }
        FloorCheck check = SecurityFloor.check(version);
        return switch (check.status()) {
            case PATCHED -> List.of();
            case BELOW_FLOOR -> List.of("      WARNING: " + check.message(),
                    "      (fine for a throw-away dev stack on loopback; never expose it or deploy this version)");
            case UNKNOWN -> List.of("      note: " + check.message());
        };
    }
}
