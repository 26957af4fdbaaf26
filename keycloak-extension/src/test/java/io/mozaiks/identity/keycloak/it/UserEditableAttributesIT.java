package io.mozaiks.identity.keycloak.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jwt.JWTClaimsSet;
import io.mozaiks.identity.consumers.http.Http;
import io.mozaiks.identity.testkit.server.AdminApi;
import io.mozaiks.identity.testkit.server.CodeFlowLogin;
import io.mozaiks.identity.testkit.server.TestServer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * tid and app_id never come from anything a user can edit. The realm is made hostile on purpose: the
 * user may edit attributes named tid, app_id and mozaiks_app_id, and the client carries stock
 * user-attribute mappers that copy them into the token. The contract mapper still wins.
 */
class UserEditableAttributesIT {

    @org.junit.jupiter.api.AfterAll
    static void deleteCreated() {
        Fixture.deleteCreated();
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void userEditedAttributesDoNotReachTheToken() throws Exception {
        AdminApi admin = Fixture.admin();
        JsonNode originalProfile = admin.get("/users/profile").expect(200).json();
        try {
            admin.put("/users/profile", hostileProfile(originalProfile)).expect(200);
            String id = Fixture.newContractClient("hostile-app", Map.of("mozaiks.app_id", "app-42"));
            for (String claim : List.of("tid", "app_id", "mozaiks_app_id", "roles")) {
                admin.post("/clients/" + id + "/protocol-mappers/models", userAttributeMapper(claim)).expect(201);
            }

            setOwnAttributesThroughTheAccountApi("dev-user");
            JsonNode stored = admin.get("/users/" + admin.userId("dev-user")).expect(200).json().get("attributes");
            assertThat(stored.get("tid").get(0).asText()).as("the account API really stored the edit").isEqualTo("evil-tenant");

            String secret = admin.get("/clients/" + id + "/client-secret").expect(200).field("value");
            String token = Fixture.accessToken(Fixture.tokens().password("hostile-app", secret, "dev-user", "dev-user", null));
            JWTClaimsSet claims = Fixture.claims(token);

            assertThat(claims.getStringClaim("tid")).isEqualTo("mozaiks");
            assertThat(claims.getStringClaim("app_id")).isEqualTo("app-42");
            assertThat(claims.getClaims()).doesNotContainKey("mozaiks_app_id");
            assertThat(Fixture.roles(claims)).containsExactly("user");
        } finally {
            admin.put("/users/profile", originalProfile).expect(200);
        }
    }

    private static void setOwnAttributesThroughTheAccountApi(String username) {
        String accountUrl = TestServer.baseUrl() + "/realms/" + TestServer.REALM + "/account";
        String token = new CodeFlowLogin(TestServer.baseUrl(), TestServer.REALM, "account-console", accountUrl + "/")
                .login(username, username).expect(200).field("access_token");
        JsonNode me = Http.get(accountUrl, "Authorization", "Bearer " + token, "Accept", "application/json")
                .expect(200).json();
        ObjectNode edited = ((ObjectNode) me).deepCopy();
        ObjectNode attributes = edited.putObject("attributes");
        attributes.putArray("tid").add("evil-tenant");
        attributes.putArray("app_id").add("evil-app");
        attributes.putArray("mozaiks_app_id").add("evil-app");
        attributes.putArray("roles").add("superadmin");
        Http.send(HttpRequest.newBuilder(URI.create(accountUrl))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(edited.toString())).build()).expect(204);
    }

    /** The declared user profile plus user-editable tid, app_id, mozaiks_app_id and roles; unmanaged ones allowed too. */
    private static JsonNode hostileProfile(JsonNode original) {
        ObjectNode profile = original.deepCopy();
        profile.put("unmanagedAttributePolicy", "ENABLED");
        ArrayNode attributes = (ArrayNode) profile.get("attributes");
        for (String name : List.of("tid", "app_id", "mozaiks_app_id", "roles")) {
            ObjectNode attribute = attributes.addObject();
            attribute.put("name", name);
            attribute.put("multivalued", false);
            ObjectNode permissions = attribute.putObject("permissions");
            permissions.putArray("view").add("admin").add("user");
            permissions.putArray("edit").add("admin").add("user");
        }
        return profile;
    }

    private static Map<String, Object> userAttributeMapper(String claim) {
        return Map.of("name", "user " + claim, "protocol", "openid-connect",
                "protocolMapper", "oidc-usermodel-attribute-mapper",
                "config", Map.of("user.attribute", claim, "claim.name", claim, "jsonType.label", "String",
                        "access.token.claim", "true", "introspection.token.claim", "true"));
    }
}
