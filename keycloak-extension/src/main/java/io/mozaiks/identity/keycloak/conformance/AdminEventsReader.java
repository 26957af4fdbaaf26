package io.mozaiks.identity.keycloak.conformance;

import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.admin.AdminEventQuery;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Reads the realm's admin-events store for the report's last privilege-settings changes. */
public final class AdminEventsReader {
    private AdminEventsReader() {
    }

    /** Two queries of at most one event each (the store indexes admin events by realm and time). */
    static AuditFacts audit(KeycloakSession session, RealmModel realm) {
        EventStoreProvider store = realm.isAdminEventsEnabled() ? session.getProvider(EventStoreProvider.class) : null;
        if (store == null) {
            return AuditFacts.NONE;
        }
        return new AuditFacts(true,
                last(store.createAdminQuery().realm(realm.getId()).operation(OperationType.UPDATE)
                        .resourcePath(SETTINGS_EVENT_PATH)),
                last(store.createAdminQuery().realm(realm.getId()).operation(OperationType.UPDATE)
                        .resourceType(ResourceType.REALM)));
    }

    /** The resource path of the settings endpoint's admin events (endpoint.SettingsAdminEvent.RESOURCE_PATH). */
    public static final String SETTINGS_EVENT_PATH = "mozaiks/contract/settings";

    private static AuditFacts.Change last(AdminEventQuery query) {
        return query.orderByDescTime().maxResults(1).getResultStream().findFirst()
                .map(e -> new AuditFacts.Change(e.getTime(), e.getAuthDetails() == null ? null : e.getAuthDetails().getRealmId(),
                        e.getAuthDetails() == null ? null : e.getAuthDetails().getUserId()))
                .orElse(null);
    }
}
