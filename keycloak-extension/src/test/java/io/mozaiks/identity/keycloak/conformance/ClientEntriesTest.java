package io.mozaiks.identity.keycloak.conformance;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ClientEntriesTest {

    private static ClientEntries entries(int passing, int failing, int warning) {
        ClientEntries entries = new ClientEntries();
        for (int i = 0; i < passing; i++) {
            entries.add("pass-" + i, List.of(Check.pass("a", "pass-" + i), Check.pass("b", "pass-" + i)));
        }
        for (int i = 0; i < failing; i++) {
            entries.add("fail-" + i, List.of(Check.pass("a", "fail-" + i), Check.fail("b", "fail-" + i, "why", "fix")));
        }
        for (int i = 0; i < warning; i++) {
            entries.add("warn-" + i, List.of(Check.warn("a", "warn-" + i, "why", "fix")));
        }
        return entries;
    }

    @Test
    void upToTheLimitEveryEntryCarriesItsChecks() {
        ClientEntries entries = entries(ClientEntries.DETAIL_LIMIT - 1, 1, 0);
        assertThat(entries.compact()).isFalse();
        assertThat(entries.toJson()).hasSize(ClientEntries.DETAIL_LIMIT).allSatisfy(e -> assertThat(e).containsKey("checks"));
    }

    @Test
    void pastTheLimitPassingClientsAreListedByIdOnlyAndProblemsInFull() {
        ClientEntries entries = entries(ClientEntries.DETAIL_LIMIT, 3, 2);
        assertThat(entries.compact()).isTrue();
        List<Map<String, Object>> json = entries.toJson();
        assertThat(json).hasSize(ClientEntries.DETAIL_LIMIT + 5);
        assertThat(json.get(0)).containsOnlyKeys("client_id", "status").containsEntry("status", "pass");
        assertThat(json).filteredOn(e -> String.valueOf(e.get("client_id")).startsWith("fail-"))
                .hasSize(3).allSatisfy(e -> assertThat(e).containsKey("checks"));
        assertThat(json).filteredOn(e -> String.valueOf(e.get("client_id")).startsWith("warn-"))
                .hasSize(2).allSatisfy(e -> assertThat(e).containsKey("checks"));
    }
}
