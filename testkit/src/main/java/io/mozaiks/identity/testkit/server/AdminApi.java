package io.mozaiks.identity.testkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mozaiks.identity.runner.ServerSettings;
import io.mozaiks.identity.consumers.http.Http;
import io.mozaiks.identity.consumers.http.Reply;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Keycloak's admin REST API as the bootstrap admin, with JSON trees: tests change the realm the way an
 * admin would (and the way the admin console does), so validation paths are the real ones.
 */
public final class AdminApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final String realm;
    private String token;
    private Instant tokenTime = Instant.EPOCH;
    /** A fixed token of a realm user (a client admin, a realm admin), or null for the bootstrap admin. */
    private final String fixedToken;

    public AdminApi(String baseUrl, String realm) {
        this(baseUrl, realm, null);
    }

    private AdminApi(String baseUrl, String realm, String fixedToken) {
        this.baseUrl = baseUrl;
        this.realm = realm;
        this.fixedToken = fixedToken;
    }

    /** The admin API as the holder of {@code accessToken} (a user of the realm with some realm-management roles). */
    public static AdminApi asUser(String accessToken) {
        return new AdminApi(TestServer.baseUrl(), TestServer.REALM, accessToken);
    }

    public static AdminApi forTestRealm() {
        return new AdminApi(TestServer.baseUrl(), TestServer.REALM);
    }

    /** {@code path} relative to {@code /admin/realms/<realm>}; "" is the realm itself. */
    public Reply get(String path) {
        return Http.send(request(path).GET().build());
    }

    public Reply post(String path, Object body) {
        return post(path, body, Duration.ofSeconds(30));
    }

    /** As {@link #post(String, Object)}, for slow calls such as a bulk partial import. */
    public Reply post(String path, Object body, Duration timeout) {
        return Http.send(request(path).timeout(timeout).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(body))).build());
    }

    public Reply put(String path, Object body) {
        return Http.send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json(body))).build());
    }

    public Reply delete(String path) {
        return Http.send(request(path).DELETE().build());
    }

    /** DELETE with a JSON body, as e.g. role-mapping removal needs. */
    public Reply delete(String path, Object body) {
        return Http.send(request(path).header("Content-Type", "application/json")
                .method("DELETE", HttpRequest.BodyPublishers.ofString(json(body))).build());
    }

    /** Creates a realm ({@code POST /admin/realms}); the realm this client is bound to plays no part. */
    public Reply createRealm(Object representation) {
        return Http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(representation))).build());
    }

    public String clientUuid(String clientId) {
        return firstId("/clients?clientId=" + Http.enc(clientId), "client " + clientId);
    }

    public String clientSecret(String clientId) {
        return get("/clients/" + clientUuid(clientId) + "/client-secret").expect(200).field("value");
    }

    public String userId(String username) {
        return firstId("/users?exact=true&username=" + Http.enc(username), "user " + username);
    }

    /** The id of the first object an exact-match search returns; fails the test when there is none. */
    private String firstId(String search, String what) {
        JsonNode found = get(search).expect(200).json();
        if (found.isEmpty()) {
            throw new AssertionError("no " + what + " in realm " + realm);
        }
        return found.get(0).get("id").asText();
    }

    public String clientScopeId(String name) {
        for (JsonNode scope : get("/client-scopes").expect(200).json()) {
            if (name.equals(scope.get("name").asText())) {
                return scope.get("id").asText();
            }
        }
        throw new AssertionError("no client scope " + name);
    }

    /** Creates a client and answers its internal id. */
    public String createClient(Map<String, Object> representation) {
        Reply reply = post("/clients", representation).expect(201);
        String location = reply.header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    public static String json(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** {@code GET /admin/serverinfo}: the server's providers with their operational info (admin console: Server info). */
    public Reply serverInfo() {
        return Http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/admin/serverinfo"))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token()).GET().build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/admin/realms/" + realm + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token());
    }

    /** The master realm's admin tokens live 60 s; renew well before. */
    private synchronized String token() {
        if (fixedToken != null) {
            return fixedToken;
        }
        if (token == null || Duration.between(tokenTime, Instant.now()).getSeconds() > 30) {
            token = Http.postForm(baseUrl + "/realms/master/protocol/openid-connect/token", Map.of(
                    "grant_type", "password", "client_id", "admin-cli",
                    "username", ServerSettings.BOOTSTRAP_ADMIN_USER, "password", ServerSettings.BOOTSTRAP_ADMIN_PASSWORD))
                    .expect(200).field("access_token");
            tokenTime = Instant.now();
        }
        return token;
    }
}
