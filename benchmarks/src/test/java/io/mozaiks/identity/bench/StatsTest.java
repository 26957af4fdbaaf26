package io.mozaiks.identity.bench;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class StatsTest {

    @Test
    void meanAndIntervalFollowStudentT() {
        // mean 2, sample variance 2/3, n 4: half-width t(0.975, 3) * sqrt(2/3) / sqrt(4)
        Stats.Interval i = Stats.meanCi95(new double[] {1, 2, 3, 2});
        assertThat(i.mean()).isEqualTo(2.0);
        assertThat(i.high() - i.mean()).isCloseTo(3.182 * Math.sqrt(2.0 / 3.0) / 2, within(1e-9));
        assertThat(i.mean() - i.low()).isCloseTo(i.high() - i.mean(), within(1e-12));
        assertThat(i.n()).isEqualTo(4);
    }

    @Test
    void oneValueHasNoFiniteInterval() {
        Stats.Interval i = Stats.meanCi95(new double[] {0.95});
        assertThat(i.low()).isInfinite();
        assertThat(i.high()).isInfinite();
    }

    @Test
    void tQuantileBeyondTheTableApproachesTheNormal() {
        assertThat(Stats.t975(30)).isEqualTo(2.042);
        assertThat(Stats.t975(40)).isCloseTo(2.021, within(0.001));
        assertThat(Stats.t975(120)).isCloseTo(1.980, within(0.001));
        assertThatThrownBy(() -> Stats.t975(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nearestRankPercentile() {
        long[] sorted = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};
        assertThat(Stats.percentile(sorted, 50)).isEqualTo(50);
        assertThat(Stats.percentile(sorted, 99)).isEqualTo(100);
        assertThat(Stats.percentile(sorted, 0)).isEqualTo(10);
        assertThat(Stats.percentile(new long[0], 50)).isEqualTo(-1);
    }

    @Test
    void ratiosArePerRound() {
        assertThat(Stats.ratios(new double[] {90, 50}, new double[] {100, 40})).containsExactly(0.9, 1.25);
    }
}
