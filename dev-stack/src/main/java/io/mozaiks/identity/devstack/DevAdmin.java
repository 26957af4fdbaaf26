package io.mozaiks.identity.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mozaiks.identity.runner.ServerSettings;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Reads the client secrets Keycloak generated at import, through the admin REST API as the bootstrap
 * admin (admin/admin). DEV ONLY: the realm file carries no secrets, and nothing here is for production.
 */
final class DevAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final String baseUrl;
    private final String realm;
    private String token;

    DevAdmin(String baseUrl, String realm) {
        this.baseUrl = baseUrl;
        this.realm = realm;
    }

    String clientSecret(String clientId) throws IOException, InterruptedException {
        JsonNode clients = get("/admin/realms/" + realm + "/clients?clientId=" + enc(clientId));
        if (!clients.isArray() || clients.isEmpty()) {
            throw new IOException("client " + clientId + " not found in realm " + realm);
        }
        String id = clients.get(0).get("id").asText();
        return get("/admin/realms/" + realm + "/clients/" + id + "/client-secret").path("value").asText(null);
    }

    /** The version the RUNNING server reports (admin server info), not the one the build expected. */
    String serverVersion() throws IOException, InterruptedException {
        return get("/admin/serverinfo").path("systemInfo").path("version").asText(null);
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token()).GET().build();
        return body(http.send(request, HttpResponse.BodyHandlers.ofString()), path);
    }

    private String token() throws IOException, InterruptedException {
        if (token == null) {
            String form = "grant_type=password&client_id=admin-cli&username=" + enc(ServerSettings.BOOTSTRAP_ADMIN_USER)
                    + "&password=" + enc(ServerSettings.BOOTSTRAP_ADMIN_PASSWORD);
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/realms/master/protocol/openid-connect/token"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build();
            token = body(http.send(request, HttpResponse.BodyHandlers.ofString()), "admin token").path("access_token").asText();
        }
        return token;
    }

    private static JsonNode body(HttpResponse<String> response, String what) throws IOException {
        if (response.statusCode() != 200) {
            throw new IOException(what + ": HTTP " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
