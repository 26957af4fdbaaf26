package io.mozaiks.identity.keycloak.conformance;

import io.mozaiks.identity.keycloak.tokensize.TokenBudget;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TokenSizeChecksTest {

    private static TokenSizeFacts facts(int bytes, boolean capped) {
        return new TokenSizeFacts(TokenBudget.of(Map.of()),
                List.of(new TokenSizeFacts.LargestToken("web", bytes, 300, "user alice")), 2000, 10, capped);
    }

    @Test
    void passWarnFailAtTheBudgetLines() {
        assertThat(TokenSizeChecks.tokenSize("web", facts(8192, false)).status()).isEqualTo(Check.Status.PASS);
        Check warn = TokenSizeChecks.tokenSize("web", facts(8193, false));
        assertThat(warn.status()).isEqualTo(Check.Status.WARN);
        assertThat(warn.reason()).contains("8193 bytes", "300 roles", "user alice", "8192");
        Check fail = TokenSizeChecks.tokenSize("web", facts(16385, false));
        assertThat(fail.status()).isEqualTo(Check.Status.FAIL);
        assertThat(fail.reason()).contains("16384");
        assertThat(fail.fix()).contains("Full scope allowed", "docs/operations.md");
    }

    @Test
    void aCappedScanSaysSo() {
        assertThat(TokenSizeChecks.tokenSize("web", facts(9000, true)).reason()).contains("only 2000 users and 10 groups");
    }

    @Test
    void anUnknownClientPassesAndAnInvalidBudgetWarns() {
        assertThat(TokenSizeChecks.tokenSize("other", facts(99999, false)).status()).isEqualTo(Check.Status.PASS);
        TokenSizeFacts invalid = new TokenSizeFacts(TokenBudget.of(Map.of(TokenBudget.WARN_ATTRIBUTE, "x")), List.of(), 0, 0, false);
        assertThat(TokenSizeChecks.budget(invalid).status()).isEqualTo(Check.Status.WARN);
        assertThat(TokenSizeChecks.budget(facts(1, false)).status()).isEqualTo(Check.Status.PASS);
    }
}
