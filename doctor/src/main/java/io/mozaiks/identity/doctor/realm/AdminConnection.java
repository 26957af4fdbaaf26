package io.mozaiks.identity.doctor.realm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mozaiks.identity.consumers.http.Http;
import io.mozaiks.identity.consumers.http.Reply;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Keycloak's admin REST API for one realm, as the operator's admin account: JSON in and out over the JDK client.
 * The token is renewed before it expires (the master realm's live 60 s). Every failure names the call and status.
 */
public final class AdminConnection {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final String realm;
    private final String adminRealm;
    private final AdminCredentials credentials;
    private String token;
    private Instant tokenTime = Instant.EPOCH;

    /** Thrown when the admin API answers other than expected; {@link #status()} 403 means a missing role. */
    public static final class CallFailed extends RuntimeException {
        private final int status;

        public CallFailed(String message, int status) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    public AdminConnection(String baseUrl, String realm, String adminRealm, AdminCredentials credentials) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.realm = realm;
        this.adminRealm = adminRealm;
        this.credentials = credentials;
    }

    public String realm() {
        return realm;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** Whether the admin account belongs to the realm it changes (only then do the realm's own endpoints accept its token). */
    public boolean sameRealm() {
        return realm.equals(adminRealm);
    }

    /** {@code path} relative to {@code /admin/realms/<realm>}. */
    public JsonNode get(String path) {
        return call("GET", adminUrl(path), null, 200).json();
    }

    public Reply send(String method, String path, Object body, int... expected) {
        return call(method, adminUrl(path), body, expected);
    }

    /** A call to an absolute URL with the admin token (the extension's realm resource). */
    public Reply sendAbsolute(String method, String url, Object body, int... expected) {
        return call(method, url, body, expected);
    }

    private Reply call(String method, String url, Object body, int... expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Authorization", "Bearer " + token()).header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        Reply reply = Http.send(request.build());
        for (int status : expected) {
            if (reply.status() == status) {
                return reply;
            }
        }
        throw new CallFailed(method + " " + url.substring(baseUrl.length()) + " answered HTTP " + reply.status()
                + errorText(reply), reply.status());
    }

    /**
     * The realm-management roles the token shows for this realm ({@code resource_access} of {@code realm-management},
     * or of {@code <realm>-realm} for a master admin; the master role {@code admin} holds them all), or null when the
     * token does not show them (then only the admin API's answers tell).
     */
    public Set<String> managementRoles() {
        try {
            String[] parts = token().split("\\.");
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            JsonNode access = claims.path("resource_access").path(sameRealm() ? "realm-management" : realm + "-realm").path("roles");
            Set<String> roles = new LinkedHashSet<>();
            access.forEach(r -> roles.add(r.asText()));
            claims.path("realm_access").path("roles").forEach(r -> {
                if (!sameRealm() && "admin".equals(r.asText())) {
                    roles.add("admin");
                }
            });
            return roles.isEmpty() && !claims.has("resource_access") && !claims.has("realm_access") ? null : roles;
        } catch (RuntimeException | java.io.IOException unreadable) {
            return null;
        }
    }

    private String adminUrl(String path) {
        return baseUrl + "/admin/realms/" + Http.enc(realm) + path;
    }

    private synchronized String token() {
        if (token == null || Duration.between(tokenTime, Instant.now()).getSeconds() > 30) {
            String url = baseUrl + "/realms/" + Http.enc(adminRealm) + "/protocol/openid-connect/token";
            Reply reply;
            try {
                reply = Http.postForm(url, credentials.tokenForm());
            } catch (RuntimeException unreachable) {
                throw new CallFailed("cannot reach " + url + ": " + credentials.redact(String.valueOf(unreachable.getCause() != null
                        ? unreachable.getCause() : unreachable)), 0);
            }
            if (reply.status() != 200) {
                throw new CallFailed("sign-in as " + credentials + " in realm " + adminRealm + " failed: HTTP " + reply.status()
                        + credentials.redact(errorText(reply)) + " (check the credentials and --admin-realm)", reply.status());
            }
            token = reply.field("access_token");
            tokenTime = Instant.now();
        }
        return token;
    }

    private static String errorText(Reply reply) {
        String body = reply.body() == null ? "" : reply.body().strip();
        if (body.isEmpty()) {
            return "";
        }
        try {
            JsonNode json = JSON.readTree(body);
            String text = json.path("errorMessage").asText(json.path("error_description").asText(json.path("error").asText("")));
            return text.isEmpty() ? "" : ": " + Printable.of(text);
        } catch (JsonProcessingException notJson) {
            return ": " + Printable.of(body);
        }
    }

    static String json(Object body) {
        try {
            return body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
