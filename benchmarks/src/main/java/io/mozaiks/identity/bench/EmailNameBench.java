package io.mozaiks.identity.bench;

import io.mozaiks.identity.consumers.http.Http;
import io.mozaiks.identity.consumers.http.Reply;
import io.mozaiks.identity.keycloak.email.CoreUsernameAttribute;
import io.mozaiks.identity.testkit.server.AdminApi;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the email-name rule (issue 31) costs per token as the realm grows: for a user with a verified email the
 * contract looks up, by the indexed attribute {@code mozaiks.core-username}, another user with the same name before
 * {@code @}; for a user without one it does not (both sync their own attribute). Two such users, same client, same roles, refresh-token grant, slots interleaved and alternating
 * (the unverified user is the baseline of the same run). Between steps the realm gets more users (bulk partial
 * import, no credentials), each with the attribute set as its first token would (the steady state: the index holds
 * one entry per user). At each step also the admin conformance report (which walks up to 20,000 users).
 */
public final class EmailNameBench {

    public static final String REALM = "bench-email";
    static final String CLIENT = "bench-email-app";
    static final String VERIFIED = "bench-verified";
    static final String UNVERIFIED = "bench-unverified";
    static final String READER = "bench-email-reader";
    static final int BATCH = 1000;

    /** One step: throughput per round of each user, latencies, and the conformance report's median. */
    public record Row(int users, double[] verified, double[] unverified, long[] verifiedLatencies,
                      long[] unverifiedLatencies, double conformanceMs, long errors) {

        public Stats.Interval ratio() {
            return Stats.meanCi95(Stats.ratios(verified, unverified));
        }

        /** Median latency difference, microseconds: the lookup's cost per token seen by the client. */
        public double extraMicros() {
            return (Stats.percentile(verifiedLatencies, 50) - Stats.percentile(unverifiedLatencies, 50)) / 1e3;
        }
    }

    private final String baseUrl;
    private final String tokenEndpoint;
    private final int rounds;
    private final int warmups;
    private final Duration slot;
    private final int concurrency;

    public EmailNameBench(String baseUrl, int rounds, int warmups, Duration slot, int concurrency) {
        this.baseUrl = baseUrl;
        this.tokenEndpoint = baseUrl + "/realms/" + REALM + "/protocol/openid-connect/token";
        this.rounds = rounds;
        this.warmups = warmups;
        this.slot = slot;
        this.concurrency = concurrency;
    }

    public List<Row> run(List<Integer> sizes) throws Exception {
        createRealm();
        List<Row> rows = new ArrayList<>();
        int created = 0;
        for (int n : sizes) {
            while (created < n) {
                int to = Math.min(n, created + BATCH);
                importUsers(created, to);
                created = to;
                if (created % 10_000 == 0 || created == n) {
                    System.out.println("[bench] email names: " + created + " extra users imported");
                }
            }
            rows.add(measure(n));
        }
        return rows;
    }

    private Row measure(int n) throws Exception {
        checkShapes();
        double[] verified = new double[rounds];
        double[] unverified = new double[rounds];
        List<long[]> vLat = new ArrayList<>();
        List<long[]> uLat = new ArrayList<>();
        long errors = 0;
        try (LoadGenerator load = new LoadGenerator(concurrency, 1_000_000)) {
            for (int round = 0; round < warmups + rounds; round++) {
                boolean verifiedFirst = round % 2 == 0;
                LoadGenerator.Slot a = load.run(refresh(verifiedFirst ? VERIFIED : UNVERIFIED), slot);
                LoadGenerator.Slot b = load.run(refresh(verifiedFirst ? UNVERIFIED : VERIFIED), slot);
                LoadGenerator.Slot v = verifiedFirst ? a : b;
                LoadGenerator.Slot u = verifiedFirst ? b : a;
                errors += v.errors() + u.errors();
                if (round >= warmups) {
                    verified[round - warmups] = v.throughput();
                    unverified[round - warmups] = u.throughput();
                    vLat.add(v.latencies());
                    uLat.add(u.latencies());
                }
                System.out.printf(Locale.ROOT, "[bench] email names N=%d round %d%s: verified %.0f, unverified %.0f tokens/s%n",
                        n, round + 1, round < warmups ? " (warm-up)" : "", v.throughput(), u.throughput());
            }
        }
        Row row = new Row(n, verified, unverified, sorted(vLat), sorted(uLat), conformanceMedianMs(), errors);
        System.out.printf(Locale.ROOT, "[bench] email names N=%d: verified/unverified %s, +%.0f us median latency,"
                + " conformance report %.0f ms%n", n, row.ratio().format(3), row.extraMicros(), row.conformanceMs());
        return row;
    }

    private static long[] sorted(List<long[]> parts) {
        return parts.stream().flatMapToLong(Arrays::stream).sorted().toArray();
    }

    /** The verified user's token carries the email (the lookup ran and found no one), the other's none. */
    private void checkShapes() {
        for (String user : List.of(VERIFIED, UNVERIFIED)) {
            String token = Http.postForm(tokenEndpoint, Map.of("grant_type", "refresh_token", "client_id", CLIENT,
                    "client_secret", BenchRealm.SECRET, "refresh_token", refreshToken(user))).expect(200).field("access_token");
            String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                    java.nio.charset.StandardCharsets.UTF_8);
            boolean hasEmail = payload.contains("\"email\":\"" + user + "@bench.invalid\"");
            if (hasEmail != VERIFIED.equals(user)) {
                throw new IllegalStateException("email-name benchmark realm not as intended for " + user + ": " + payload);
            }
        }
    }

    private HttpRequest refresh(String user) {
        return HttpRequest.newBuilder(URI.create(tokenEndpoint)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Http.form(Map.of("grant_type", "refresh_token",
                        "client_id", CLIENT, "client_secret", BenchRealm.SECRET, "refresh_token", refreshToken(user)))))
                .build();
    }

    private String refreshToken(String user) {
        return Http.postForm(tokenEndpoint, Map.of("grant_type", "password", "client_id", CLIENT,
                "client_secret", BenchRealm.SECRET, "username", user, "password", user)).expect(200).field("refresh_token");
    }

    private double conformanceMedianMs() {
        String token = Http.postForm(tokenEndpoint, Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", READER, "password", READER)).expect(200).field("access_token");
        long[] nanos = new long[4];
        for (int i = 0; i < nanos.length; i++) {
            long t = System.nanoTime();
            Reply reply = Http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/realms/" + REALM + "/mozaiks/contract/conformance"))
                    .timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + token).GET().build());
            nanos[i] = System.nanoTime() - t;
            reply.expect(200);
        }
        long[] measured = Arrays.copyOfRange(nanos, 1, nanos.length); // the first is warm-up
        Arrays.sort(measured);
        return measured[measured.length / 2] / 1e6;
    }

    private void importUsers(int from, int to) {
        List<Map<String, Object>> users = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String name = String.format(Locale.ROOT, "u-%06d", i);
            users.add(Map.of("username", name, "enabled", true, "email", name + "@bench.invalid", "emailVerified", true,
                    "firstName", "Bench", "lastName", "User",
                    "attributes", Map.of(CoreUsernameAttribute.NAME, List.of(name)))); // core's name, already lower case
        }
        AdminApi admin = new AdminApi(baseUrl, REALM);
        admin.post("/partialImport", Map.of("ifResourceExists", "SKIP", "users", users), Duration.ofMinutes(10)).expect(200);
        // the import kept the attribute (it skips the user profile), so the index holds it. Only the NAME constant
        // is used here (inlined at compile time): the class itself needs Keycloak's server classes.
        if (to > from) {
            String last = String.format(Locale.ROOT, "u-%06d", to - 1);
            String found = admin.get("/users?exact=true&q=" + Http.enc(CoreUsernameAttribute.NAME + ":" + last))
                    .expect(200).body();
            if (!found.contains("\"u-")) {
                throw new IllegalStateException("imported users lack " + CoreUsernameAttribute.NAME + ": " + found);
            }
        }
    }

    private static Map<String, Object> user(String name, boolean verified, Map<String, List<String>> clientRoles) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", name);
        user.put("enabled", true);
        user.put("email", name + "@bench.invalid");
        user.put("emailVerified", verified);
        user.put("firstName", "Bench");
        user.put("lastName", "User");
        user.put("credentials", List.of(Map.of("type", "password", "value", name, "temporary", false)));
        user.put("clientRoles", clientRoles);
        return user;
    }

    private void createRealm() {
        Map<String, Object> realm = new LinkedHashMap<>();
        realm.put("realm", REALM);
        realm.put("enabled", true);
        realm.put("sslRequired", "none");
        realm.put("accessTokenLifespan", 3600);
        realm.put("ssoSessionIdleTimeout", 7200);
        realm.put("ssoSessionMaxLifespan", 36000);
        realm.put("attributes", Map.of("mozaiks.service.only.roles", "internal_service,service",
                "mozaiks.role.aliases", "platform_admin:Admin"));
        realm.put("users", List.of(user(VERIFIED, true, Map.of()), user(UNVERIFIED, false, Map.of()),
                user(READER, true, Map.of("realm-management", List.of("view-clients")))));
        AdminApi admin = new AdminApi(baseUrl, REALM);
        admin.createRealm(realm).expect(201);
        admin.post("/client-scopes", Map.of("name", BenchData.CONTRACT_SCOPE, "protocol", "openid-connect",
                "attributes", Map.of("include.in.token.scope", "true", "display.on.consent.screen", "false"),
                "protocolMappers", List.of(Map.of("name", "mozaiks contract v1", "protocol", "openid-connect",
                        "protocolMapper", "mozaiks-contract-v1-mapper", "config", BenchData.contractMapperConfig())))).expect(201);
        admin.createClient(Map.of("clientId", BenchData.API, "publicClient", false, "standardFlowEnabled", false,
                "directAccessGrantsEnabled", false, "serviceAccountsEnabled", false));
        admin.createClient(Map.of("clientId", CLIENT, "publicClient", false, "secret", BenchRealm.SECRET,
                "standardFlowEnabled", false, "directAccessGrantsEnabled", true,
                "defaultClientScopes", List.of("basic", BenchData.CONTRACT_SCOPE)));
    }

    /** The rows as a markdown table, also written to {@code email-names.md} in the results folder. */
    public static String markdown(List<Row> rows, Path results) throws java.io.IOException {
        StringBuilder md = new StringBuilder("| extra users | verified / unverified (refresh, mean [95% CI]) | median latency"
                + " added per token | conformance report median | errors |\n|---|---|---|---|---|\n");
        for (Row row : rows) {
            md.append(String.format(Locale.ROOT, "| %,d | %s | %+.0f us | %.0f ms | %d |%n", row.users(),
                    row.ratio().format(3), row.extraMicros(), row.conformanceMs(), row.errors()));
        }
        Files.createDirectories(results);
        Files.writeString(results.resolve("email-names.md"), md.toString());
        return md.toString();
    }
}
