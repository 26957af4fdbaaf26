package io.mozaiks.identity.testkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The dev realm file lists its own {@code clientScopes} and sets the realm attribute
 * {@code CreateDefaultClientScopes=true}, so that the import ALSO creates Keycloak's built-in scopes
 * ({@code basic}, {@code profile}, {@code email}, {@code roles}, {@code web-origins}, {@code acr}, {@code phone},
 * {@code address}, ...). That attribute arrived in Keycloak 26.7.0; older servers ignore it, import the realm
 * without those scopes and drop every client's reference to them ("Referenced client scope 'basic' doesn't
 * exist. Ignoring"), which leaves tokens without {@code sub}, {@code resource_access}, ...
 *
 * <p>For the version matrix on such a server this does what 26.7's import does: the built-in scopes are
 * taken from a throw-away realm the same server creates (so they are THAT version's own definitions), added
 * to the realm, made realm defaults as Keycloak makes them, and attached to each client as the realm file
 * lists them. Realms created through the admin console always have these scopes, so the result is the realm
 * an operator of that version would have.
 */
public final class DefaultClientScopes {

    public static final String ATTRIBUTE = "CreateDefaultClientScopes";
    private static final ObjectMapper JSON = new ObjectMapper();

    private DefaultClientScopes() {
    }

    /** True when the server ignores {@code CreateDefaultClientScopes} (before 26.7.0). */
    public static boolean serverIgnoresAttribute(String serverVersion) {
        String[] parts = serverVersion.split("[.-]");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major < 26 || (major == 26 && minor < 7);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Applies the built-in scopes to {@code realm} if its file asks for them and the server ignored that. */
    public static boolean applyIfIgnored(String baseUrl, String realm, Path realmFile, String serverVersion) {
        JsonNode file;
        try {
            file = JSON.readTree(realmFile.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!"true".equals(file.path("attributes").path(ATTRIBUTE).asText()) || !serverIgnoresAttribute(serverVersion)) {
            return false;
        }
        apply(baseUrl, realm, file);
        return true;
    }

    private static void apply(String baseUrl, String realm, JsonNode file) {
        String templateName = "builtin-scopes-" + UUID.randomUUID();
        AdminApi target = new AdminApi(baseUrl, realm);
        AdminApi template = new AdminApi(baseUrl, templateName);
        target.createRealm(Map.of("realm", templateName, "enabled", false)).expect(201);
        try {
            Map<String, String> ids = scopeIds(target);
            for (JsonNode scope : template.get("/client-scopes").expect(200).json()) {
                String name = scope.get("name").asText();
                if (ids.containsKey(name)) {
                    continue;
                }
                ObjectNode copy = scope.deepCopy();
                copy.remove("id");
                for (JsonNode mapper : copy.path("protocolMappers")) {
                    ((ObjectNode) mapper).remove("id");
                }
                target.post("/client-scopes", copy).expect(201);
            }
            ids = scopeIds(target);
            for (String kind : new String[] {"default-default-client-scopes", "default-optional-client-scopes"}) {
                Set<String> present = names(target.get("/" + kind).expect(200).json());
                for (JsonNode scope : template.get("/" + kind).expect(200).json()) {
                    String name = scope.get("name").asText();
                    if (!present.contains(name)) {
                        target.put("/" + kind + "/" + ids.get(name), Map.of()).expect(204);
                    }
                }
            }
            Set<String> fileClients = new HashSet<>();
            for (JsonNode client : file.path("clients")) {
                fileClients.add(client.get("clientId").asText());
                String uuid = target.clientUuid(client.get("clientId").asText());
                attach(target, ids, uuid, client.path("defaultClientScopes"), "default-client-scopes");
                attach(target, ids, uuid, client.path("optionalClientScopes"), "optional-client-scopes");
            }
            // Keycloak's own clients (account-console, admin-cli, ...) were created while the scopes were
            // missing; on creation Keycloak gives a client the realm's default scopes.
            JsonNode realmDefaults = template.get("/default-default-client-scopes").expect(200).json();
            JsonNode realmOptionals = template.get("/default-optional-client-scopes").expect(200).json();
            for (JsonNode client : target.get("/clients").expect(200).json()) {
                if (!fileClients.contains(client.get("clientId").asText())
                        && "openid-connect".equals(client.path("protocol").asText("openid-connect"))) {
                    String uuid = client.get("id").asText();
                    attach(target, ids, uuid, namesOf(realmDefaults), "default-client-scopes");
                    attach(target, ids, uuid, namesOf(realmOptionals), "optional-client-scopes");
                }
            }
        } finally {
            template.delete("").expect(204);
        }
    }

    /** Attaches the listed scopes a client lacks (attaching one twice is a conflict, not a no-op). */
    private static void attach(AdminApi target, Map<String, String> ids, String clientUuid, JsonNode names, String kind) {
        Set<String> present = names(target.get("/clients/" + clientUuid + "/" + kind).expect(200).json());
        for (JsonNode name : names) {
            String id = ids.get(name.asText());
            if (id != null && !present.contains(name.asText())) {
                target.put("/clients/" + clientUuid + "/" + kind + "/" + id, Map.of()).expect(204);
            }
        }
    }

    private static JsonNode namesOf(JsonNode scopes) {
        com.fasterxml.jackson.databind.node.ArrayNode names = JSON.createArrayNode();
        scopes.forEach(scope -> names.add(scope.get("name").asText()));
        return names;
    }

    private static Set<String> names(JsonNode scopes) {
        Set<String> names = new HashSet<>();
        scopes.forEach(scope -> names.add(scope.get("name").asText()));
        return names;
    }

    private static Map<String, String> scopeIds(AdminApi admin) {
        Map<String, String> ids = new HashMap<>();
        for (JsonNode scope : admin.get("/client-scopes").expect(200).json()) {
            ids.put(scope.get("name").asText(), scope.get("id").asText());
        }
        return ids;
    }
}
