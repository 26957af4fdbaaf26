package io.mozaiks.identity.keycloak.it;

import io.mozaiks.identity.consumers.http.Http;
import io.mozaiks.identity.keycloak.contract.PrivilegeSettings;
import io.mozaiks.identity.testkit.server.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.mozaiks.identity.keycloak.it.Fixture.CORE;
import static io.mozaiks.identity.testkit.server.TestServer.REALM;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract's meters as an operator scrapes them: {@code /metrics} on the management port of the real
 * server ({@code metrics-enabled=true}) moves when tokens are issued, when a claim fails closed and when the
 * contract endpoint answers, and carries no client id or user in its labels.
 */
class MetricsIT {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)}\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String CLIENT = "metrics-app-" + SUFFIX;
    private static final String OTHER_SERVICE = "metrics-service-" + SUFFIX;
    private static final String USER = "metrics-user-" + SUFFIX;

    @BeforeAll
    static void clientsAndUser() {
        Fixture.newContractClient(CLIENT, Map.of());
        Fixture.newContractClient(OTHER_SERVICE, Map.of(), true);
        Fixture.newUser(USER);
    }

    @AfterAll
    static void deleteCreated() {
        Fixture.deleteCreated();
    }

    /** The samples of the scrape, keyed by {@code name{label="value",...}} with the labels sorted. */
    static Map<String, Double> scrape() {
        String text = Http.get(TestServer.metricsUrl()).expect(200).body();
        Map<String, Double> samples = new HashMap<>();
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.find() || !sample.group(1).startsWith("mozaiks_contract_")) {
                continue;
            }
            Map<String, String> labels = new java.util.TreeMap<>();
            Matcher label = LABEL.matcher(sample.group(2));
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
            samples.put(sample.group(1) + labels, Double.parseDouble(sample.group(3)));
        }
        return samples;
    }

    private static String key(String name, String label, String value) {
        return name + new java.util.TreeMap<>(Map.of(label, value, "realm", REALM));
    }

    private static double delta(Map<String, Double> before, Map<String, Double> after, String key) {
        assertThat(after).as("scrape has " + key).containsKey(key);
        return after.get(key) - before.getOrDefault(key, 0.0);
    }

    private String userToken() {
        return Fixture.accessToken(Fixture.tokens().password(CLIENT, Fixture.admin().clientSecret(CLIENT), USER, USER, null));
    }

    @Test
    void tokensAreCountedByKind() {
        Map<String, Double> before = scrape();
        userToken();
        Fixture.serviceToken(CORE);
        Fixture.serviceToken(OTHER_SERVICE);
        Map<String, Double> after = scrape();

        assertThat(delta(before, after, key("mozaiks_contract_tokens_total", "kind", "user"))).isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, key("mozaiks_contract_tokens_total", "kind", "internal_service"))).isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, key("mozaiks_contract_tokens_total", "kind", "other_service"))).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aBrokenPrivilegeSettingIsCountedAsFailClosed() throws Throwable {
        String key = key("mozaiks_contract_fail_closed_total", "reason", "privilege_settings");
        Map<String, Double> before = scrape();
        Fixture.withRealmAttribute(PrivilegeSettings.ROLE_ALIASES, "user:superadmin", () -> {
            assertThat(Fixture.roles(Fixture.claims(userToken()))).isNull();
        });
        assertThat(delta(before, scrape(), key)).isGreaterThanOrEqualTo(1);
        Map<String, Double> healthy = scrape();
        userToken();
        assertThat(delta(healthy, scrape(), key)).isZero();
    }

    @Test
    void endpointAnswersAreCountedByStatusClass() {
        Map<String, Double> before = scrape();
        ContractEndpointIT.get("").expect(200);
        ContractEndpointIT.get("/no-such-resource").expect(404);
        Map<String, Double> after = scrape();
        assertThat(delta(before, after, key("mozaiks_contract_endpoint_responses_total", "status_class", "2xx"))).isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, key("mozaiks_contract_endpoint_responses_total", "status_class", "4xx"))).isGreaterThanOrEqualTo(1);
    }

    @Test
    void noClientOrUserInAnyLabel() {
        userToken();
        Fixture.serviceToken(OTHER_SERVICE);
        String text = Http.get(TestServer.metricsUrl()).expect(200).body();
        assertThat(text).contains("mozaiks_contract_tokens_total").doesNotContain(CLIENT, OTHER_SERVICE, USER);
        scrape().keySet().forEach(sample -> assertThat(sample.replaceAll("=[^,}]*", ""))
                .matches("mozaiks_contract_\\w+\\{(kind, realm|realm, reason|realm, status_class)}"));
    }
}
