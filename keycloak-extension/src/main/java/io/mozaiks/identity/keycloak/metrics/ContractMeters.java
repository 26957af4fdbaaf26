package io.mozaiks.identity.keycloak.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.mozaiks.identity.keycloak.claims.TokenKind;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contract's meters on Keycloak's Micrometer registry, served at {@code /metrics} on the management port
 * when the server runs with {@code metrics-enabled=true} (Keycloak's Quarkus Micrometer extension adds its
 * Prometheus registry to {@link Metrics#globalRegistry}; without it the counters count into nothing).
 *
 * <p>Labels are bounded: {@code realm} (realms are created by operators), {@code kind} ({@link TokenKind}),
 * {@code reason} ({@link FailClosedReason}) and {@code status_class} (2xx..5xx); never a client id or a user,
 * which a caller could multiply. Counters are looked up once per realm and label and then kept, so a token
 * costs a map lookup, not a registry lookup with tag allocation.
 */
public final class ContractMeters {

    /** Prometheus: {@code mozaiks_contract_tokens_total{realm,kind}}. */
    public static final String TOKENS = "mozaiks.contract.tokens";
    /** Prometheus: {@code mozaiks_contract_fail_closed_total{realm,reason}}. */
    public static final String FAIL_CLOSED = "mozaiks.contract.fail_closed";
    /** Prometheus: {@code mozaiks_contract_endpoint_responses_total{realm,status_class}}. */
    public static final String ENDPOINT_RESPONSES = "mozaiks.contract.endpoint_responses";
    public static final String REALM = "realm";
    public static final String KIND = "kind";
    public static final String REASON = "reason";
    public static final String STATUS_CLASS = "status_class";

    private static final ContractMeters GLOBAL = new ContractMeters(Metrics.globalRegistry);
    private static final String[] STATUS_CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx"};

    private final MeterRegistry registry;
    private final Map<String, RealmMeters> realms = new ConcurrentHashMap<>();

    /** For tests: meters on the given registry. */
    public ContractMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The meters on Keycloak's registry. */
    public static ContractMeters global() {
        return GLOBAL;
    }

    /** One contract access token issued, and the claims it left out. */
    public void tokenIssued(String realm, TokenKind kind, Set<FailClosedReason> omissions) {
        RealmMeters meters = meters(realm);
        meters.tokens[kind.ordinal()].increment();
        for (FailClosedReason reason : omissions) {
            meters.failClosed[reason.ordinal()].increment();
        }
    }

    /** A fail-closed omission outside an issued contract token (e.g. a mapper that does not count). */
    public void failedClosed(String realm, FailClosedReason reason) {
        meters(realm).failClosed[reason.ordinal()].increment();
    }

    /** One answer of the contract endpoint ({@code <issuer>/mozaiks/...}). */
    public void endpointResponse(String realm, int status) {
        int index = status / 100 - 1;
        if (index >= 0 && index < STATUS_CLASSES.length) {
            meters(realm).responses[index].increment();
        }
    }

    private RealmMeters meters(String realm) {
        RealmMeters found = realms.get(realm);
        return found != null ? found : realms.computeIfAbsent(realm, this::register);
    }

    private RealmMeters register(String realm) {
        Counter[] tokens = new Counter[TokenKind.values().length];
        for (TokenKind kind : TokenKind.values()) {
            tokens[kind.ordinal()] = Counter.builder(TOKENS).description("Contract access tokens issued, by kind")
                    .tag(REALM, realm).tag(KIND, kind.name().toLowerCase(Locale.ROOT)).register(registry);
        }
        Counter[] failClosed = new Counter[FailClosedReason.values().length];
        for (FailClosedReason reason : FailClosedReason.values()) {
            failClosed[reason.ordinal()] = Counter.builder(FAIL_CLOSED)
                    .description("Claims left out of contract tokens because a setting or the data was not safe to use")
                    .tag(REALM, realm).tag(REASON, reason.label()).register(registry);
        }
        Counter[] responses = new Counter[STATUS_CLASSES.length];
        for (int i = 0; i < STATUS_CLASSES.length; i++) {
            responses[i] = Counter.builder(ENDPOINT_RESPONSES).description("Answers of <issuer>/mozaiks/..., by status class")
                    .tag(REALM, realm).tag(STATUS_CLASS, STATUS_CLASSES[i]).register(registry);
        }
        return new RealmMeters(tokens, failClosed, responses);
    }

    private record RealmMeters(Counter[] tokens, Counter[] failClosed, Counter[] responses) {
    }
}
