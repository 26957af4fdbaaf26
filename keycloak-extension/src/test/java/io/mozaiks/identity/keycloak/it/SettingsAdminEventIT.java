package io.mozaiks.identity.keycloak.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.mozaiks.identity.consumers.http.Reply;
import io.mozaiks.identity.keycloak.endpoint.SettingsAdminEvent;
import io.mozaiks.identity.testkit.server.AdminApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every successful {@code PUT .../settings} is a Keycloak admin event, read back through Keycloak's own
 * admin-events API: operation, path, the settings before and after, and who changed them. A refused change
 * sends none.
 */
class SettingsAdminEventIT {

    private static final String REALM_ADMIN = "settings-auditor-" + UUID.randomUUID().toString().substring(0, 8);
    private static String realmAdminId;
    private static String realmAdminToken;
    private static JsonNode eventsConfigBefore;
    private static String settingsBefore;

    @BeforeAll
    static void realmAdminAndAdminEvents() {
        realmAdminId = Fixture.newUser(REALM_ADMIN);
        Fixture.grantRealmManagement(realmAdminId, "manage-realm", "view-realm");
        realmAdminToken = Fixture.adminCliToken(REALM_ADMIN);
        AdminApi admin = Fixture.admin();
        eventsConfigBefore = admin.get("/events/config").expect(200).json();
        ObjectNode config = eventsConfigBefore.deepCopy();
        config.put("adminEventsEnabled", true).put("adminEventsDetailsEnabled", true);
        admin.put("/events/config", config).expect(204);
        settingsBefore = currentSettings();
    }

    @AfterEach
    void restoreSettings() {
        assertThat(PrivilegeSettingsIT.put(realmAdminToken, settingsBefore).status()).isEqualTo(200);
    }

    @AfterAll
    static void restore() {
        Fixture.admin().put("/events/config", eventsConfigBefore).expect(204);
        Fixture.deleteCreated();
    }

    private static String currentSettings() {
        return ContractEndpointIT.get("/settings", "Authorization", "Bearer " + realmAdminToken).expect(200).json()
                .get("settings").toString();
    }

    /** The realm's stored admin events of the contract settings, newest first. */
    private static List<JsonNode> settingsEvents() {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode event : Fixture.admin().get("/admin-events?first=0&max=500").expect(200).json()) {
            if (SettingsAdminEvent.RESOURCE_TYPE.equals(event.path("resourceType").asText())) {
                found.add(event);
            }
        }
        return found;
    }

    @Test
    void aChangeIsAnAdminEventWithBeforeAfterAndWhoChangedIt() throws Exception {
        String changed = settingsBefore.replace("{\"platform_admin\":\"Admin\"}", "{\"platform_admin\":\"Admin\",\"user\":\"Member\"}");
        assertThat(changed).isNotEqualTo(settingsBefore);
        int before = settingsEvents().size();

        Reply reply = PrivilegeSettingsIT.put(realmAdminToken, changed);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);

        List<JsonNode> events = settingsEvents();
        assertThat(events).hasSize(before + 1);
        JsonNode event = events.get(0);
        assertThat(event.get("operationType").asText()).isEqualTo("UPDATE");
        assertThat(event.get("resourcePath").asText()).isEqualTo(SettingsAdminEvent.RESOURCE_PATH);
        assertThat(event.get("realmId").asText()).isEqualTo(Fixture.admin().get("").expect(200).json().get("id").asText());
        JsonNode auth = event.get("authDetails");
        assertThat(auth.get("userId").asText()).isEqualTo(realmAdminId);
        assertThat(auth.get("clientId").asText()).isEqualTo(Fixture.admin().clientUuid("admin-cli"));
        assertThat(auth.get("ipAddress").asText()).isNotBlank();

        JsonNode representation = com.fasterxml.jackson.databind.json.JsonMapper.builder().build()
                .readTree(event.get("representation").asText());
        assertThat(representation.get("before").get("mozaiks.role.aliases").asText()).isEqualTo("platform_admin:Admin");
        assertThat(representation.get("after").get("mozaiks.role.aliases").asText()).isEqualTo("platform_admin:Admin,user:Member");
        assertThat(representation.get("after").get("mozaiks.internal.service.clients").asText())
                .isEqualTo(representation.get("before").get("mozaiks.internal.service.clients").asText());
        assertThat(SettingsAdminEvent.RESOURCE_PATH).isEqualTo(io.mozaiks.identity.keycloak.conformance.AdminEventsReader.SETTINGS_EVENT_PATH);
        JsonNode audit = Fixture.conformanceReport().get("privilege_settings").get("audit");
        assertThat(audit.get("admin_events_stored").asBoolean()).isTrue();
        assertThat(audit.get("last_settings_change").get("user_id").asText()).isEqualTo(realmAdminId);
        assertThat(representation.get("after").fieldNames()).toIterable()
                .containsExactly("mozaiks.role.aliases", "mozaiks.service.only.roles", "mozaiks.internal.service.clients",
                        "mozaiks.role.alias.core-admin", "mozaiks.token.size.warn", "mozaiks.token.size.fail");
    }

    /** Raw edits of the attributes skip the endpoint; the report shows the realm's last update, who and when. */
    @Test
    void conformanceShowsTheLastRawRealmUpdate() {
        long before = System.currentTimeMillis() - 1000;
        String aliases = Fixture.realmAttribute("mozaiks.role.aliases");
        Fixture.setRealmAttribute("mozaiks.role.aliases", aliases); // as a realm admin saves the attributes tab
        JsonNode update = Fixture.conformanceReport().get("privilege_settings").get("audit").get("last_realm_update");
        assertThat(update.isObject()).as("%s", update).isTrue();
        assertThat(java.time.Instant.parse(update.get("time").asText()).toEpochMilli()).isGreaterThanOrEqualTo(before);
        assertThat(update.path("user_id").asText()).isNotBlank();
        assertThat(update.path("auth_realm_id").asText()).as("the bootstrap admin's realm, not this one")
                .isNotBlank().isNotEqualTo(Fixture.admin().get("").expect(200).json().get("id").asText());
    }

    @Test
    void aRefusedChangeSendsNoEvent() {
        int before = settingsEvents().size();
        assertThat(PrivilegeSettingsIT.put(realmAdminToken, "{\"role_aliases\":{\"user\":\"superadmin\"}}").status()).isEqualTo(400);
        assertThat(PrivilegeSettingsIT.put(realmAdminToken, "not json").status()).isEqualTo(400);
        assertThat(PrivilegeSettingsIT.put("not-a-token", settingsBefore).status()).isEqualTo(401);
        assertThat(settingsEvents()).hasSize(before);
    }
}
