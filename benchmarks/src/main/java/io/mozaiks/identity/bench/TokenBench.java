package io.mozaiks.identity.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mozaiks.identity.bench.BenchRealm.Variant;
import io.mozaiks.identity.consumers.http.Http;
import io.mozaiks.identity.consumers.http.Reply;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drives the token endpoint with the client-credentials and the refresh-token grant for the benchmark
 * clients, interleaved in rounds: every round runs one slot per grant and client, and the client order
 * rotates from round to round (a,b,c,r / b,c,r,a / ...), so drift and position effects hit all alike.
 * The first rounds are warm-up and are discarded.
 */
public final class TokenBench {

    public enum Grant {
        CLIENT_CREDENTIALS("client_credentials"), REFRESH_TOKEN("refresh_token");

        public final String wire;

        Grant(String wire) {
            this.wire = wire;
        }
    }

    public record Settings(int rounds, int warmupRounds, Duration slot, int concurrency, long maxRequestsPerSlot) {
    }

    /** Everything measured for one grant and client. */
    public static final class Series {
        public final double[] throughputPerRound;
        /** Server CPU microseconds per token, per round; NaN when unknown. */
        public final double[] cpuMicrosPerRound;
        public final List<long[]> latencies = new ArrayList<>();
        public long ok;
        public long errors;
        public long warmupErrors;
        public long bytes;
        public String firstError;

        Series(int rounds) {
            throughputPerRound = new double[rounds];
            cpuMicrosPerRound = new double[rounds];
            java.util.Arrays.fill(cpuMicrosPerRound, Double.NaN);
        }

        public long[] sortedLatencies() {
            return latencies.stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
        }
    }

    public record Results(Settings settings, Map<Grant, Map<Variant, Series>> series,
                          Map<Variant, Map<String, Object>> tokenShapes, double seconds) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String tokenEndpoint;
    private final Settings settings;

    public TokenBench(String baseUrl, Settings settings) {
        this.tokenEndpoint = baseUrl + "/realms/" + BenchData.REALM + "/protocol/openid-connect/token";
        this.settings = settings;
    }

    public Results run() throws Exception {
        long started = System.nanoTime();
        Map<Variant, Map<String, Object>> shapes = checkTokenShapes();
        Map<Grant, Map<Variant, Series>> series = new EnumMap<>(Grant.class);
        for (Grant grant : Grant.values()) {
            Map<Variant, Series> perVariant = new EnumMap<>(Variant.class);
            for (Variant variant : Variant.values()) {
                perVariant.put(variant, new Series(settings.rounds()));
            }
            series.put(grant, perVariant);
        }
        Variant[] variants = Variant.values();
        ServerCpu cpu = ServerCpu.find().orElse(null);
        if (cpu == null) {
            System.out.println("[bench] server CPU time not readable here (/proc); CPU per token is left out");
        }
        int total = settings.warmupRounds() + settings.rounds();
        try (LoadGenerator load = new LoadGenerator(settings.concurrency(), settings.maxRequestsPerSlot())) {
            for (int round = 0; round < total; round++) {
                boolean warmup = round < settings.warmupRounds();
                int measured = round - settings.warmupRounds();
                StringBuilder line = new StringBuilder(String.format("[bench] round %2d/%d%s", round + 1, total,
                        warmup ? " (warm-up)" : "           "));
                for (Grant grant : Grant.values()) {
                    line.append("  ").append(grant == Grant.CLIENT_CREDENTIALS ? "cc" : "refresh").append(':');
                    for (int k = 0; k < variants.length; k++) {
                        Variant variant = variants[(k + round) % variants.length];
                        HttpRequest request = request(grant, variant);
                        long cpuBefore = cpu == null ? -1 : cpu.nanos();
                        LoadGenerator.Slot slot = load.run(request, settings.slot());
                        long cpuAfter = cpu == null ? -1 : cpu.nanos();
                        Series s = series.get(grant).get(variant);
                        if (warmup) {
                            s.warmupErrors += slot.errors();
                        } else {
                            s.throughputPerRound[measured] = slot.throughput();
                            if (cpuBefore >= 0 && cpuAfter >= 0 && slot.ok() > 0) {
                                s.cpuMicrosPerRound[measured] = (cpuAfter - cpuBefore) / 1e3 / slot.ok();
                            }
                            s.latencies.add(slot.latencies());
                            s.ok += slot.ok();
                            s.errors += slot.errors();
                            s.bytes += slot.bytes();
                        }
                        if (s.firstError == null) {
                            s.firstError = slot.firstError();
                        }
                        line.append(String.format(" %s=%.0f", variant.letter, slot.throughput()));
                    }
                }
                System.out.println(line.append("  tokens/s"));
            }
        }
        return new Results(settings, series, shapes, (System.nanoTime() - started) / 1e9);
    }

    /** The timed request. For refresh, ONE untimed password grant per slot supplies a fresh refresh token. */
    private HttpRequest request(Grant grant, Variant variant) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", grant.wire);
        form.put("client_id", variant.clientId);
        form.put("client_secret", BenchRealm.SECRET);
        if (grant == Grant.REFRESH_TOKEN) {
            form.put("refresh_token", passwordGrant(variant).expect(200).field("refresh_token"));
        }
        return HttpRequest.newBuilder(URI.create(tokenEndpoint))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Http.form(form)))
                .build();
    }

    private Reply passwordGrant(Variant variant) {
        return Http.postForm(tokenEndpoint, Map.of("grant_type", "password", "client_id", variant.clientId,
                "client_secret", BenchRealm.SECRET, "username", BenchData.USER, "password", BenchData.PASSWORD));
    }

    /**
     * One client-credentials and one refreshed token per client, decoded: the set-up must be what the
     * report says (the contract, the chain and the roles control carry 50+ roles, the floor and the
     * resolve-only control none, the stock client 50+ in realm_access, the stock client with the contract 50+
     * in roles and no realm_access; only the clients with the contract or the chain name the API audience in
     * user tokens), or the numbers mean nothing.
     */
    private Map<Variant, Map<String, Object>> checkTokenShapes() throws Exception {
        Map<Variant, Map<String, Object>> shapes = new EnumMap<>(Variant.class);
        for (Variant variant : Variant.values()) {
            JsonNode cc = claims(Http.postForm(tokenEndpoint, Map.of("grant_type", "client_credentials",
                    "client_id", variant.clientId, "client_secret", BenchRealm.SECRET)).expect(200).field("access_token"));
            String refreshToken = passwordGrant(variant).expect(200).field("refresh_token");
            JsonNode user = claims(Http.postForm(tokenEndpoint, Map.of("grant_type", "refresh_token",
                    "client_id", variant.clientId, "client_secret", BenchRealm.SECRET, "refresh_token", refreshToken))
                    .expect(200).field("access_token"));
            Map<String, Object> shape = new LinkedHashMap<>();
            shape.put("client_credentials", summary(cc));
            shape.put("refresh_token", summary(user));
            shapes.put(variant, shape);
            int ccRoles = cc.path("roles").size();
            int userRoles = user.path("roles").size();
            boolean ok = switch (variant) {
                case FLOOR -> !cc.has("roles") && !user.has("roles");
                case CONTRACT, BUILTIN -> ccRoles >= BenchData.ROLE_COUNT && userRoles >= BenchData.ROLE_COUNT
                        && user.path("aud").toString().contains(BenchData.API);
                case ROLES -> ccRoles >= BenchData.ROLE_COUNT && userRoles >= BenchData.ROLE_COUNT
                        && !user.path("aud").toString().contains(BenchData.API) && !user.has("tid");
                case RESOLVE -> !cc.has("roles") && !user.has("roles") && !cc.has("api_roles") && !user.has("api_roles")
                        && !user.path("aud").toString().contains(BenchData.API);
                case STOCK -> !cc.has("roles") && !user.has("roles") && realmRoles(cc) >= BenchData.ROLE_COUNT
                        && realmRoles(user) >= BenchData.ROLE_COUNT && !user.path("aud").toString().contains(BenchData.API);
                // Since contract 1.1 the contract strips realm_access and resource_access (the roles travel once).
                case STOCK_CONTRACT -> ccRoles >= BenchData.ROLE_COUNT && userRoles >= BenchData.ROLE_COUNT
                        && !cc.has("realm_access") && !user.has("realm_access") && !user.has("resource_access")
                        && user.path("aud").toString().contains(BenchData.API);
            };
            if (!ok) {
                throw new IllegalStateException("benchmark realm is not as intended for " + variant.clientId
                        + ": client-credentials token " + cc + ", refreshed token " + user);
            }
            System.out.println("[bench] " + variant.letter + " " + variant.clientId + ": " + shape);
        }
        return shapes;
    }

    private static int realmRoles(JsonNode claims) {
        return claims.path("realm_access").path("roles").size();
    }

    private static Map<String, Object> summary(JsonNode claims) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("claims", claims.size());
        s.put("aud", claims.path("aud").isMissingNode() ? null : claims.get("aud").toString());
        s.put("roles", claims.has("roles") ? claims.get("roles").size() : null);
        s.put("realm_access.roles", claims.has("realm_access") ? realmRoles(claims) : null);
        s.put("scope", claims.has("scope") ? claims.get("scope").asText() : null);
        s.put("scp", claims.has("scp") ? claims.get("scp").asText() : null);
        s.put("tid", claims.has("tid") ? claims.get("tid").asText() : null);
        return s;
    }

    private static JsonNode claims(String jwt) throws Exception {
        String payload = jwt.split("\\.")[1];
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
    }
}
