package io.mozaiks.identity.keycloak.endpoint;

import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.AdminEventBuilder;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Keycloak admin event of a successful {@code PUT .../settings}: these settings decide who is an admin or
 * an internal service in three products, so event listeners and the admin-events store (SIEMs read both) see
 * every change as they see Keycloak's own admin changes. Sent through Keycloak's {@link AdminEventBuilder}, so
 * the realm's admin-event settings (stored or not, with representation or not) and listeners apply unchanged.
 *
 * <p>Resource type {@value #RESOURCE_TYPE} (a custom type: Keycloak's {@code ResourceType} enum has nothing for
 * extension resources), operation {@code UPDATE}, path {@value #RESOURCE_PATH}, representation
 * {@code {"before": {...}, "after": {...}}} keyed by the realm attribute names (privilege settings and token-size budget), as stored (a value never set is
 * {@code null}). Who changed them is the event's auth details (realm, client, user id, IP address).
 */
public final class SettingsAdminEvent {

    public static final String RESOURCE_TYPE = "MOZAIKS_CONTRACT_SETTINGS";
    public static final String RESOURCE_PATH = "mozaiks/contract/settings";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminAuth auth;

    SettingsAdminEvent(KeycloakSession session, RealmModel realm, AdminAuth auth) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
    }

    /** The realm attributes a PUT writes, as they are stored now; call before they are changed. */
    static Map<String, String> stored(RealmModel realm) {
        Map<String, String> values = new LinkedHashMap<>();
        PrivilegeSettingsEndpoint.ATTRIBUTES.forEach(name -> values.put(name, realm.getAttribute(name)));
        return values;
    }

    void changed(Map<String, String> before, Map<String, String> after) {
        Map<String, Object> representation = new LinkedHashMap<>();
        representation.put("before", before);
        representation.put("after", after);
        new AdminEventBuilder(realm, auth, session, session.getContext().getConnection())
                .operation(OperationType.UPDATE)
                .resource(RESOURCE_TYPE)
                .resourcePath(RESOURCE_PATH)
                .representation(representation)
                .success();
    }
}
