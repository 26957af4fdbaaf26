package io.mozaiks.identity.keycloak.conformance;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last changes of the privilege settings the realm's admin-events store shows: through the settings endpoint
 * (its own admin event) and raw (an update of the realm, whose attributes hold the settings; Keycloak records the
 * whole realm, so any realm update may be one). Read by {@link RealmFacts} with two bounded queries.
 *
 * @param adminEventsStored the realm stores admin events; without, nothing can be seen here
 * @param settingsChange    the last {@code PUT .../settings}, or {@code null}
 * @param realmUpdate       the last update of the realm through the admin API, or {@code null}
 */
public record AuditFacts(boolean adminEventsStored, Change settingsChange, Change realmUpdate) {

    /** @param time epoch milliseconds; {@code authRealmId} and {@code userId}: the admin (the store keeps ids, not names) */
    public record Change(long time, String authRealmId, String userId) {

        Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("time", java.time.Instant.ofEpochMilli(time).toString());
            json.put("auth_realm_id", authRealmId);
            json.put("user_id", userId);
            return json;
        }
    }

    public static final AuditFacts NONE = new AuditFacts(false, null, null);

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("admin_events_stored", adminEventsStored);
        json.put("last_settings_change", settingsChange == null ? null : settingsChange.toJson());
        json.put("last_realm_update", realmUpdate == null ? null : realmUpdate.toJson());
        json.put("note", adminEventsStored ? "a realm update may have edited the mozaiks.* attributes around the settings"
                + " endpoint; its admin event (resource type REALM) holds the whole realm"
                : "the realm stores no admin events (Realm settings > Events > Admin events settings), so changes cannot be shown");
        return json;
    }
}
