package io.mozaiks.identity.bench;

import io.mozaiks.identity.bench.BenchRealm.Variant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTest {

    @Test
    void aTargetIsMetOnlyWhenTheWholeIntervalClearsIt() {
        assertThat(Report.verdict(new Stats.Interval(0.99, 0.975, 1.005, 12), 0.97)).isEqualTo("met");
        assertThat(Report.verdict(new Stats.Interval(0.935, 0.910, 0.961, 12), 0.97)).isEqualTo("missed");
        assertThat(Report.verdict(new Stats.Interval(1.015, 0.951, 1.079, 12), 1.0))
                .isEqualTo("mean met, CI includes a miss");
        assertThat(Report.verdict(new Stats.Interval(0.96, 0.91, 1.01, 12), 0.97))
                .isEqualTo("mean missed, CI includes target");
    }

    @Test
    void theIssuesTargetsAndTheSplitOfBOverAAreReported() {
        assertThat(Report.RATIOS).extracting(Report.RatioDef::key).containsExactly("b/a", "b/c", "c/a", "s/a", "r/s", "r/a", "b/r");
        assertThat(Report.RATIOS.get(0).target()).isEqualTo(Report.TARGET_CONTRACT_VS_FLOOR);
        assertThat(Report.RATIOS.get(1).target()).isEqualTo(Report.TARGET_CONTRACT_VS_BUILTIN);
        assertThat(Report.RATIOS.get(6).numerator()).isEqualTo(Variant.CONTRACT);
        assertThat(Report.RATIOS.get(6).denominator()).isEqualTo(Variant.ROLES);
    }
}
