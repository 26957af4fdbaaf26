package io.mozaiks.identity.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mozaiks.identity.bench.BenchRealm.Variant;
import io.mozaiks.identity.consumers.http.Http;
import io.mozaiks.identity.testkit.server.AdminApi;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Token size and server cost against the number of roles a user holds (10, 50, 200, 1000 by default), for the
 * contract client and, in the same run and realm, the stock client with Keycloak's default {@code roles} scope
 * ({@code realm_access}). One user per size holds one composite of the first N curve roles; each client refreshes
 * that user's token {@code requests} times, one request at a time.
 */
public final class RoleCurve {

    /**
     * @param tokenBytes     the compact access token's length
     * @param rolesInToken   entries of {@code roles} (contract) or {@code realm_access.roles} (stock)
     * @param medianMillis   median latency of one refresh
     * @param cpuMicros      server CPU per refresh (NaN where /proc is not readable)
     */
    public record Row(int roles, String client, int tokenBytes, int rolesInToken, double medianMillis, double cpuMicros,
                      int errors) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    static final List<Variant> CLIENTS = List.of(Variant.CONTRACT, Variant.STOCK);

    private final String baseUrl;
    private final int requests;

    public RoleCurve(String baseUrl, int requests) {
        this.baseUrl = baseUrl;
        this.requests = requests;
    }

    static String role(int i) {
        return String.format(Locale.ROOT, "curve-role-%04d", i);
    }

    public List<Row> run(List<Integer> sizes) throws Exception {
        AdminApi admin = new AdminApi(baseUrl, BenchData.REALM);
        int max = sizes.stream().mapToInt(Integer::intValue).max().orElse(0);
        List<Map<String, Object>> roles = new ArrayList<>();
        for (int i = 1; i <= max; i++) {
            roles.add(Map.of("name", role(i)));
        }
        for (int n : sizes) {
            roles.add(Map.of("name", "curve-" + n, "composite", true,
                    "composites", Map.of("realm", java.util.stream.IntStream.rangeClosed(1, n).mapToObj(RoleCurve::role).toList())));
        }
        admin.post("/partialImport", Map.of("ifResourceExists", "SKIP", "roles", Map.of("realm", roles)),
                java.time.Duration.ofMinutes(5)).expect(200);
        String tokenEndpoint = baseUrl + "/realms/" + BenchData.REALM + "/protocol/openid-connect/token";
        Optional<ServerCpu> cpu = ServerCpu.find();
        List<Row> rows = new ArrayList<>();
        for (int n : sizes) {
            String user = "curve-user-" + n;
            admin.post("/users", Map.of("username", user, "enabled", true, "email", user + "@bench.test", "emailVerified", true,
                    "firstName", "Curve", "lastName", "User",
                    "credentials", List.of(Map.of("type", "password", "value", user, "temporary", false)))).expect(201);
            String userId = admin.userId(user);
            admin.post("/users/" + userId + "/role-mappings/realm", List.of(admin.get("/roles/curve-" + n).expect(200).json()))
                    .expect(204);
            for (Variant client : CLIENTS) {
                rows.add(measure(tokenEndpoint, client, user, n, cpu.orElse(null)));
            }
        }
        return rows;
    }

    private Row measure(String tokenEndpoint, Variant client, String user, int n, ServerCpu cpu) throws Exception {
        String refresh = Http.postForm(tokenEndpoint, Map.of("grant_type", "password", "client_id", client.clientId,
                "client_secret", BenchRealm.SECRET, "username", user, "password", user)).expect(200).field("refresh_token");
        Map<String, String> form = new LinkedHashMap<>(Map.of("grant_type", "refresh_token", "client_id", client.clientId,
                "client_secret", BenchRealm.SECRET, "refresh_token", refresh));
        long[] nanos = new long[requests];
        String token = null;
        int errors = 0;
        long cpuBefore = cpu == null ? -1 : cpu.nanos();
        for (int i = 0; i < requests; i++) {
            long start = System.nanoTime();
            var reply = Http.postForm(tokenEndpoint, form);
            nanos[i] = System.nanoTime() - start;
            if (reply.status() == 200) {
                token = reply.field("access_token");
            } else {
                errors++;
            }
        }
        long cpuAfter = cpu == null ? -1 : cpu.nanos();
        if (token == null) {
            throw new IllegalStateException("role curve: no token for " + client.clientId + " at " + n + " roles");
        }
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        int inToken = claims.has("roles") ? claims.get("roles").size() : claims.path("realm_access").path("roles").size();
        if (inToken < n) {
            throw new IllegalStateException("role curve: " + client.clientId + " token carries " + inToken + " roles, expected "
                    + n + "+: " + claims);
        }
        Arrays.sort(nanos);
        double cpuMicros = cpuBefore >= 0 && cpuAfter >= 0 && requests > errors
                ? (cpuAfter - cpuBefore) / 1e3 / (requests - errors) : Double.NaN;
        return new Row(n, client.clientId, token.getBytes(StandardCharsets.US_ASCII).length, inToken,
                nanos[nanos.length / 2] / 1e6, cpuMicros, errors);
    }

    public static String markdown(List<Row> rows, Path results) throws java.io.IOException {
        StringBuilder md = new StringBuilder("| roles | client | token bytes | roles in token | median refresh | server CPU per"
                + " refresh | errors |\n|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            md.append(String.format(Locale.ROOT, "| %d | %s | %,d | %d | %.1f ms | %s | %d |%n", row.roles(), row.client(),
                    row.tokenBytes(), row.rolesInToken(), row.medianMillis(),
                    Double.isNaN(row.cpuMicros()) ? "n/a" : String.format(Locale.ROOT, "%.0f us", row.cpuMicros()), row.errors()));
        }
        Files.createDirectories(results);
        Files.writeString(results.resolve("role-curve.md"), md.toString());
        return md.toString();
    }

    public static int errors(List<Row> rows) {
        return rows.stream().mapToInt(Row::errors).sum();
    }
}
