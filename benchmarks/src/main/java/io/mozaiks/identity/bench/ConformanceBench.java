package io.mozaiks.identity.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.mozaiks.identity.consumers.http.Http;
import io.mozaiks.identity.consumers.http.Reply;
import io.mozaiks.identity.testkit.server.AdminApi;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the admin conformance report ({@code GET <issuer>/mozaiks/contract/conformance}) costs as the realm
 * grows: the report walks every client. Two realms with the same contract set-up: {@code bench-conformance}
 * gets extra clients in steps (bulk partial import), {@code bench-conformance-control} keeps only the
 * built-in clients. At each step both reports are requested alternately and sequentially (warm-ups first),
 * so a load change on the machine hits both: the interleaved ratio target/control is the robust one, the
 * ratio to the first step's median is the one asked for.
 *
 * <p>One class for one scenario (realm growth, interleaved sampling, its result record): its length is the
 * scenario's, split further it would scatter one measurement over several files.
 *
 * <p>Of the extra clients, the even ones carry the contract scope as a Default scope; every fourth (index
 * 1, 5, 9, ...: not a contract client) has a service account, whose user the report looks up once
 * (the realm lists service-only roles, so the lookup is not skipped). Last, the largest size once more with
 * the service-only role list removed: no lookups, the same entries.
 */
public final class ConformanceBench {

    public static final String REALM = "bench-conformance";
    public static final String CONTROL_REALM = "bench-conformance-control";
    static final String READER = "conformance-reader";
    private static final String PASSWORD = "conformance-reader-pw";
    static final int BATCH = 500;

    /** One step: the target realm with {@code extraClients} extra clients, the control realm unchanged. */
    public record Row(int extraClients, int clientsInRealm, int reportClientEntries, int serviceAccounts,
                      boolean serviceAccountLookups, long[] sortedNanos, long[] controlSortedNanos, long bytes,
                      long controlBytes) {

        public double medianMs() {
            return Stats.percentile(sortedNanos, 50) / 1e6;
        }

        public double p95Ms() {
            return Stats.percentile(sortedNanos, 95) / 1e6;
        }

        public double controlMedianMs() {
            return Stats.percentile(controlSortedNanos, 50) / 1e6;
        }
    }

    public record Results(int warmups, int requests, List<Row> rows, double seconds, double importSeconds) {

        /** The steps with the service-account lookups (the realm lists service-only roles), in size order. */
        public List<Row> withLookups() {
            return rows.stream().filter(Row::serviceAccountLookups).toList();
        }

        /** median(N) / median(N = 0), both of the target realm. */
        public double ratioToBaseline(Row row) {
            return row.medianMs() / rows.get(0).medianMs();
        }

        /** median(N) / median(control) of the same step, requests interleaved. */
        public double ratioToControl(Row row) {
            return row.medianMs() / row.controlMedianMs();
        }

        /** (median(N) - median(0)) / N, in ms per 1000 extra clients; NaN for the baseline. */
        public double msPer1000(Row row) {
            return row.extraClients() == 0 ? Double.NaN
                    : (row.medianMs() - rows.get(0).medianMs()) / row.extraClients() * 1000;
        }

        /** The same against the interleaved control: (median(N) - median(control)) / N per 1000 clients. */
        public double msPer1000VsControl(Row row) {
            return row.extraClients() == 0 ? Double.NaN
                    : (row.medianMs() - row.controlMedianMs()) / row.extraClients() * 1000;
        }
    }

    private final String baseUrl;
    private final int warmups;
    private final int requests;

    public ConformanceBench(String baseUrl, int warmups, int requests) {
        this.baseUrl = baseUrl;
        this.warmups = warmups;
        this.requests = requests;
    }

    /**
     * {@code sizes} ascending, starting at 0 (the baseline). With {@code withoutLookups}, the largest size is
     * measured once more after removing the realm's service-only role list: the report then skips every
     * service-account lookup, so the difference is what those lookups cost.
     */
    public Results run(List<Integer> sizes, boolean withoutLookups) {
        long start = System.nanoTime();
        createRealm(REALM);
        createRealm(CONTROL_REALM);
        AdminApi admin = new AdminApi(baseUrl, REALM);
        int builtin = admin.get("/clients?max=100000").expect(200).json().size();
        List<String> defaultScopes = new ArrayList<>();
        admin.get("/default-default-client-scopes").expect(200).json().forEach(s -> defaultScopes.add(s.get("name").asText()));
        defaultScopes.add(BenchData.CONTRACT_SCOPE);

        List<Row> rows = new ArrayList<>();
        int created = 0;
        long importNanos = 0;
        for (int n : sizes) {
            long t = System.nanoTime();
            while (created < n) {
                int to = Math.min(n, created + BATCH);
                importClients(admin, created, to, defaultScopes);
                created = to;
                System.out.println("[bench] conformance: " + created + " extra clients imported");
            }
            importNanos += System.nanoTime() - t;
            int serviceAccounts = checkServiceAccounts(admin, n);
            rows.add(measure(n, builtin + n, serviceAccounts, true));
        }
        if (withoutLookups && created > 0) {
            com.fasterxml.jackson.databind.node.ObjectNode realm =
                    (com.fasterxml.jackson.databind.node.ObjectNode) admin.get("").expect(200).json();
            ((com.fasterxml.jackson.databind.node.ObjectNode) realm.get("attributes")).remove("mozaiks.service.only.roles");
            admin.put("", realm).expect(204);
            rows.add(measure(created, builtin + created, checkServiceAccounts(admin, created), false));
        }
        return new Results(warmups, requests, rows, (System.nanoTime() - start) / 1e9, importNanos / 1e9);
    }

    private Row measure(int n, int clientsInRealm, int serviceAccounts, boolean lookups) {
        String token = readerToken(REALM);
        String controlToken = readerToken(CONTROL_REALM);
        for (int i = 0; i < warmups; i++) {
            report(REALM, token);
            report(CONTROL_REALM, controlToken);
        }
        long[] nanos = new long[requests];
        long[] control = new long[requests];
        long bytes = 0;
        long controlBytes = 0;
        int entries = -1;
        for (int i = 0; i < requests; i++) {
            // alternate which realm goes first, so neither always follows the other's garbage
            boolean targetFirst = i % 2 == 0;
            Timed a = report(targetFirst ? REALM : CONTROL_REALM, targetFirst ? token : controlToken);
            Timed b = report(targetFirst ? CONTROL_REALM : REALM, targetFirst ? controlToken : token);
            Timed target = targetFirst ? a : b;
            Timed ctl = targetFirst ? b : a;
            nanos[i] = target.nanos();
            control[i] = ctl.nanos();
            bytes = target.reply().body().length();
            controlBytes = ctl.reply().body().length();
            if (entries < 0) {
                entries = target.reply().json().get("clients").size();
            }
        }
        Arrays.sort(nanos);
        Arrays.sort(control);
        Row row = new Row(n, clientsInRealm, entries, serviceAccounts, lookups, nanos, control, bytes, controlBytes);
        System.out.printf(Locale.ROOT, "[bench] conformance N=%d%s: median %.1f ms, p95 %.1f ms (control median %.1f ms),"
                + " %d client entries, %d bytes%n", n, lookups ? "" : " without service-account lookups", row.medianMs(), row.p95Ms(), row.controlMedianMs(), entries, bytes);
        return row;
    }

    private record Timed(long nanos, Reply reply) {
    }

    private Timed report(String realm, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/realms/" + realm + "/mozaiks/contract/conformance"))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + token).GET().build();
        long t = System.nanoTime();
        Reply reply = Http.send(request);
        long elapsed = System.nanoTime() - t;
        reply.expect(200);
        return new Timed(elapsed, reply);
    }

    private String readerToken(String realm) {
        return Http.postForm(baseUrl + "/realms/" + realm + "/protocol/openid-connect/token", Map.of(
                "grant_type", "password", "client_id", "admin-cli", "username", READER, "password", PASSWORD))
                .expect(200).field("access_token");
    }

    /** Clients [from, to) and the service-account users of those that have one, in one partial import. */
    private void importClients(AdminApi admin, int from, int to, List<String> contractClientScopes) {
        List<Map<String, Object>> clients = new ArrayList<>();
        List<Map<String, Object>> users = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String clientId = clientId(i);
            Map<String, Object> client = new LinkedHashMap<>();
            client.put("clientId", clientId);
            client.put("enabled", true);
            client.put("protocol", "openid-connect");
            client.put("publicClient", false);
            client.put("secret", "bench-secret");
            client.put("standardFlowEnabled", true);
            client.put("redirectUris", List.of("https://app-" + i + ".bench.invalid/*"));
            if (hasContractScope(i)) {
                client.put("defaultClientScopes", contractClientScopes);
            }
            if (hasServiceAccount(i)) {
                client.put("serviceAccountsEnabled", true);
                // partial import creates no service-account user for an imported client; import it alongside
                users.add(Map.of("username", "service-account-" + clientId, "enabled", true,
                        "serviceAccountClientId", clientId));
            }
            clients.add(client);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ifResourceExists", "SKIP");
        body.put("clients", clients);
        body.put("users", users);
        admin.post("/partialImport", body, Duration.ofMinutes(10)).expect(200);
    }

    /** The number of service accounts among the first n extra clients; checks the last one really has its user. */
    private static int checkServiceAccounts(AdminApi admin, int n) {
        int count = 0;
        int last = -1;
        for (int i = 0; i < n; i++) {
            if (hasServiceAccount(i)) {
                count++;
                last = i;
            }
        }
        if (last >= 0) {
            JsonNode user = admin.get("/clients/" + admin.clientUuid(clientId(last)) + "/service-account-user")
                    .expect(200).json();
            if (!("service-account-" + clientId(last)).equals(user.get("username").asText())) {
                throw new AssertionError("service account of " + clientId(last) + " not linked: " + user);
            }
        }
        return count;
    }

    static String clientId(int i) {
        return String.format(Locale.ROOT, "bench-conf-%05d", i);
    }

    static boolean hasContractScope(int i) {
        return i % 2 == 0;
    }

    static boolean hasServiceAccount(int i) {
        return i % 4 == 1;
    }

    /**
     * The realm, the service-only roles (listed in the realm attribute, so the report looks service accounts
     * up), the report reader (realm-management view-clients), then the contract scope and the audience client.
     */
    private void createRealm(String name) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", READER);
        user.put("enabled", true);
        user.put("email", READER + "@bench.invalid");
        user.put("emailVerified", true);
        user.put("firstName", "Report");
        user.put("lastName", "Reader");
        user.put("credentials", List.of(Map.of("type", "password", "value", PASSWORD, "temporary", false)));
        user.put("clientRoles", Map.of("realm-management", List.of("view-clients")));

        Map<String, Object> realm = new LinkedHashMap<>();
        realm.put("realm", name);
        realm.put("enabled", true);
        realm.put("sslRequired", "none");
        realm.put("accessTokenLifespan", 3600);
        realm.put("ssoSessionIdleTimeout", 7200);
        realm.put("ssoSessionMaxLifespan", 36000);
        realm.put("roles", Map.of("realm", List.of(Map.of("name", "internal_service"), Map.of("name", "service"))));
        realm.put("users", List.of(user));
        realm.put("attributes", Map.of("mozaiks.service.only.roles", "internal_service,service"));
        AdminApi admin = new AdminApi(baseUrl, name);
        admin.createRealm(realm).expect(201);

        admin.post("/client-scopes", Map.of("name", BenchData.CONTRACT_SCOPE, "protocol", "openid-connect",
                "attributes", Map.of("include.in.token.scope", "true", "display.on.consent.screen", "false"),
                "protocolMappers", List.of(Map.of("name", "mozaiks contract v1", "protocol", "openid-connect",
                        "protocolMapper", "mozaiks-contract-v1-mapper", "config", BenchData.contractMapperConfig())))).expect(201);
        admin.createClient(Map.of("clientId", BenchData.API, "name", "API audience (no flows)", "publicClient", false,
                "standardFlowEnabled", false, "directAccessGrantsEnabled", false, "serviceAccountsEnabled", false,
                "fullScopeAllowed", false, "defaultClientScopes", List.of(), "optionalClientScopes", List.of()));
    }
}
