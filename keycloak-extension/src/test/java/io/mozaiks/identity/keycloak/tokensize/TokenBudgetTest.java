package io.mozaiks.identity.keycloak.tokensize;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBudgetTest {

    @Test
    void defaultsAreTheNginxAndSixteenKilobyteLines() {
        assertThat(TokenBudget.of(Map.of())).isEqualTo(new TokenBudget(8192, 16384, List.of()));
    }

    @Test
    void realmValuesCount() {
        assertThat(TokenBudget.of(Map.of(TokenBudget.WARN_ATTRIBUTE, "4096", TokenBudget.FAIL_ATTRIBUTE, " 8190 ")))
                .isEqualTo(new TokenBudget(4096, 8190, List.of()));
    }

    @Test
    void invalidValuesFallBackToTheDefaultsAndSaySo() {
        TokenBudget budget = TokenBudget.of(Map.of(TokenBudget.WARN_ATTRIBUTE, "8k", TokenBudget.FAIL_ATTRIBUTE, "10"));
        assertThat(budget.warnBytes()).isEqualTo(8192);
        assertThat(budget.failBytes()).isEqualTo(16384);
        assertThat(budget.problems()).hasSize(2);
        TokenBudget crossed = TokenBudget.of(Map.of(TokenBudget.WARN_ATTRIBUTE, "9000", TokenBudget.FAIL_ATTRIBUTE, "8000"));
        assertThat(crossed.warnBytes()).isEqualTo(8192);
        assertThat(crossed.problems()).singleElement().asString().contains("above");
    }
}
