package io.mozaiks.identity.keycloak.conformance;

import io.mozaiks.identity.keycloak.email.RealmCollisionScan;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EmailNameChecksTest {

    @Test
    void aMissingValidatorWarnsWithTheConsolePath() {
        assertThat(EmailNameChecks.validator(true).status()).isEqualTo(Check.Status.PASS);
        Check missing = EmailNameChecks.validator(false);
        assertThat(missing.status()).isEqualTo(Check.Status.WARN);
        assertThat(missing.fix()).contains("Realm settings > User profile > email", "mozaiks-unique-core-username");
    }

    @Test
    void noSharedNamePasses() {
        assertThat(EmailNameChecks.collisions(new RealmCollisionScan.Result(Map.of(), 10, false)).status())
                .isEqualTo(Check.Status.PASS);
    }

    @Test
    void aScanThatStoppedEarlySaysSoEvenWithoutFindings() {
        Check check = EmailNameChecks.collisions(new RealmCollisionScan.Result(Map.of(), 20000, true));
        assertThat(check.status()).isEqualTo(Check.Status.WARN);
        assertThat(check.reason()).contains("only the first 20000 users");
    }

    @Test
    void sharedNamesAreListedWithTheUsersAndTheListIsBounded() {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        groups.put("alice", List.of("alice", "mallory"));
        Check one = EmailNameChecks.collisions(new RealmCollisionScan.Result(groups, 2, false));
        assertThat(one.status()).isEqualTo(Check.Status.WARN);
        assertThat(one.reason()).contains("\"alice@\": alice, mallory").doesNotContain("only the first");

        for (int i = 0; i < 30; i++) {
            groups.put("n" + i, List.of("a" + i, "b" + i));
        }
        Check many = EmailNameChecks.collisions(new RealmCollisionScan.Result(groups, 100, true));
        assertThat(many.reason()).contains("... and 11 more", "only the first 100 users").doesNotContain("n29");
    }
}
