package io.mozaiks.identity.keycloak.endpoint;

import io.mozaiks.identity.keycloak.endpoint.ContractRoutes.Kind;
import io.mozaiks.identity.keycloak.endpoint.ContractRoutes.Route;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ContractRoutesTest {

    @Test
    void everyDocumentedPathHasItsRoute() {
        assertThat(ContractRoutes.route("contract")).contains(new Route(Kind.CONTRACT, null));
        assertThat(ContractRoutes.route("contract/env/core")).contains(new Route(Kind.ENV, "core"));
        assertThat(ContractRoutes.route("contract/conformance")).contains(new Route(Kind.CONFORMANCE, null));
        assertThat(ContractRoutes.route("contract/conformance/env/platform")).contains(new Route(Kind.ADMIN_ENV, "platform"));
        assertThat(ContractRoutes.route("contract/settings")).contains(new Route(Kind.SETTINGS, null));
        assertThat(ContractRoutes.route("contract/env/shell")).contains(new Route(Kind.SHELL_ENV, null));
        assertThat(ContractRoutes.route("contract/env/successor-ui/")).contains(new Route(Kind.SUCCESSOR_UI, null));
        // The browser documents are public, and have no admin variant.
        assertThat(new Route(Kind.SHELL_ENV, null).readPermission()).isEmpty();
        assertThat(new Route(Kind.SUCCESSOR_UI, null).readPermission()).isEmpty();
        assertThat(ContractRoutes.route("contract/conformance/env/shell")).contains(new Route(Kind.ADMIN_ENV, "shell"));
    }

    @Test
    void leadingSlashesAndOneTrailingSlashAreIgnored() {
        assertThat(ContractRoutes.route("//contract/env/plugin-host/")).contains(new Route(Kind.ENV, "plugin-host"));
        assertThat(ContractRoutes.route("contract//")).isEmpty();
    }

    @Test
    void theConsumerSegmentIsPassedOnUncheckedForTheResourceToRefuse() {
        assertThat(ContractRoutes.route("contract/env/nobody")).contains(new Route(Kind.ENV, "nobody"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "contracts", "contract/env", "contract/env/", "contract/env/core/x", "contract/conformance/env",
            "contract/settings/x", "other/contract", "contract/conformance/x/core"})
    void otherPathsHaveNoRoute(String path) {
        assertThat(ContractRoutes.route(path)).isEmpty();
    }

    @Test
    void nullIsNoRoute() {
        assertThat(ContractRoutes.route(null)).isEmpty();
    }

    @Test
    void onlySettingsTakesPut() {
        assertThat(new Route(Kind.SETTINGS, null).allow()).isEqualTo("GET, HEAD, PUT, OPTIONS");
        for (Kind kind : new Kind[] {Kind.CONTRACT, Kind.ENV, Kind.CONFORMANCE, Kind.ADMIN_ENV}) {
            assertThat(new Route(kind, null).allow()).isEqualTo("GET, HEAD, OPTIONS");
        }
    }

    @Test
    void adminPathsNeedTheirPermissionAndPublicOnesNone() {
        assertThat(new Route(Kind.CONTRACT, null).readPermission()).isEmpty();
        assertThat(new Route(Kind.ENV, "core").readPermission()).isEmpty();
        assertThat(new Route(Kind.CONFORMANCE, null).readPermission()).contains(AdminAccess.Permission.VIEW_CLIENTS);
        assertThat(new Route(Kind.ADMIN_ENV, "core").readPermission()).contains(AdminAccess.Permission.VIEW_CLIENTS);
        assertThat(new Route(Kind.SETTINGS, null).readPermission()).contains(AdminAccess.Permission.VIEW_REALM);
    }
}
