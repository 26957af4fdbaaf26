package io.mozaiks.identity.keycloak.contract;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ContractSettingsCacheTest {

    @BeforeEach
    void empty() {
        ContractSettingsCache.clear();
    }

    @Test
    void answersWhatTheParserAnswers() {
        Map<String, String> config = Map.of(ContractSettings.TENANT, "acme", ContractSettings.AUDIENCE, "api-a,api-b");
        assertThat(ContractSettingsCache.get(config)).isEqualTo(ContractSettingsParser.parse(config));
        assertThat(ContractSettingsCache.get(null)).isEqualTo(ContractSettingsParser.parse(null));
    }

    @Test
    void equalConfigsShareOneParse() {
        ContractSettings first = ContractSettingsCache.get(new HashMap<>(Map.of(ContractSettings.TENANT, "acme")));
        ContractSettings second = ContractSettingsCache.get(new HashMap<>(Map.of(ContractSettings.TENANT, "acme")));
        assertThat(second).isSameAs(first);
    }

    @Test
    void anEditedConfigIsParsedAfreshEvenWhenTheSameMapChanges() {
        Map<String, String> live = new HashMap<>(Map.of(ContractSettings.TENANT, "acme"));
        assertThat(ContractSettingsCache.get(live).tenant()).isEqualTo("acme");
        live.put(ContractSettings.TENANT, "bad tenant");
        ContractSettings edited = ContractSettingsCache.get(live);
        assertThat(edited.tenant()).isNull();
        assertThat(edited.hasProblem(ContractSettings.TENANT)).isTrue();
    }

    @Test
    void staysBounded() {
        for (int i = 0; i < ContractSettingsCache.MAX_ENTRIES * 2; i++) {
            ContractSettingsCache.get(Map.of(ContractSettings.TENANT, "t" + i));
        }
        assertThat(ContractSettingsCache.size()).isLessThanOrEqualTo(ContractSettingsCache.MAX_ENTRIES);
    }
}
