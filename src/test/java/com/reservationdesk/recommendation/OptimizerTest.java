package com.reservationdesk.recommendation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The recommendation's arithmetic on examples small enough to compute by hand. */
class OptimizerTest {

  /**
   * Ten hours using 2,2,2,2,2,3,3,4,4,6 units; a unit costs 1.00 an hour pay-as-you-go and 0.60 reserved (break-even
   * 60 %). Two units are used every hour: they save 1.00·20 − 0.60·2·10 = 8. A third is used in 5 of the 10 hours,
   * under the break-even: 3 units save 25 − 18 = 7, one unit 10 − 6 = 4. So 2, saving 8 of 30.
   */
  @Test
  void reservesWhatIsUsedAboveTheBreakEvenShareOfHours() {
    Optimizer.ReservationChoice choice = Optimizer.reservation(new double[] {2, 2, 2, 2, 2, 3, 3, 4, 4, 6}, 1.00, 0.60);
    assertThat(choice.units()).isEqualTo(2);
    assertThat(choice.usedUnitHours()).isCloseTo(20, within(1e-9));
    assertThat(choice.costWithout()).isCloseTo(30, within(1e-9));
    assertThat(choice.costWith()).isCloseTo(22, within(1e-9));
    assertThat(choice.netSavings()).isCloseTo(8, within(1e-9));
  }

  /**
   * The same hours with a rule that a reservation be used at least 90 %: 2 units are used 100 % (20 of 20), 3 units
   * 25 of 30 = 83 %: so 2, even when 4 would save the most. With 80 %, 3 units (83 %) pass, 4 (28 of 40) do not.
   */
  @Test
  void aMinimumUtilizationLowersTheQuantityToWhatIsUsedThatWell() {
    double[] usage = {2, 2, 2, 2, 2, 3, 3, 4, 4, 6};
    Optimizer.ReservationChoice best = Optimizer.reservation(usage, 1.00, 0.25);
    assertThat(best.units()).as("break-even 25 %: units used in more than 2.5 of the 10 hours").isEqualTo(4);
    Optimizer.ReservationChoice ninety = Optimizer.reservation(usage, 1.00, 0.25, 0.90);
    assertThat(ninety.units()).isEqualTo(2);
    assertThat(ninety.bestUnits()).isEqualTo(4);
    assertThat(ninety.utilization()).isCloseTo(1.0, within(1e-9));
    Optimizer.ReservationChoice eighty = Optimizer.reservation(usage, 1.00, 0.25, 0.80);
    assertThat(eighty.units()).isEqualTo(3);
    assertThat(eighty.utilization()).isCloseTo(25.0 / 30, within(1e-9));
    assertThat(eighty.costWith()).as("3·10·0.25 reserved + 5 unit-hours above 3 at 1.00").isCloseTo(7.5 + 5, within(1e-9));
  }

  @Test
  void aSpikeIsLeftToPayAsYouGo_andNothingIsReservedWhenReservingCostsMore() {
    double[] spike = {0, 0, 0, 0, 0, 0, 0, 10, 10, 10};
    assertThat(Optimizer.reservation(spike, 1.00, 0.60).units()).as("10 units used 30 % of the time, break-even 60 %").isZero();
    assertThat(Optimizer.reservation(spike, 1.00, 0.25).units()).as("break-even 25 %: the 3 hours are enough").isEqualTo(10);
    assertThat(Optimizer.reservation(new double[] {5, 5, 5}, 1.00, 1.20).units()).isZero();
    assertThat(Optimizer.reservation(new double[0], 1.00, 0.50).units()).isZero();
  }

  @Test
  void fractionsOfAnHourCountAsTheyRan() {
    // 1.5 units every hour: the second unit runs half of each hour, 50 % > break-even 40 %.
    assertThat(Optimizer.reservation(new double[] {1.5, 1.5, 1.5, 1.5}, 1.00, 0.40).units()).isEqualTo(2);
    assertThat(Optimizer.reservation(new double[] {1.5, 1.5, 1.5, 1.5}, 1.00, 0.60).units()).isEqualTo(1);
  }

  /**
   * Four hours whose usage costs 10, 6, 4 and 0 at the plan's prices and 1.5 times that pay-as-you-go (15, 9, 6, 0).
   * Committing k saves Σ min(S, k)·1.5 − 4k: k = 4 saves 18 − 16 = 2, k = 6 saves 24 − 24 = 0, k = 2 saves 9 − 8 = 1.
   */
  @Test
  void commitsWhereTheHoursAboveOutweighAllHours() {
    Optimizer.CommitmentChoice choice = Optimizer.commitment(new double[] {10, 6, 4, 0}, new double[] {15, 9, 6, 0}, 0.01);
    assertThat(choice.perHour()).isCloseTo(4, within(1e-9));
    assertThat(choice.costWithout()).isCloseTo(30, within(1e-9));
    assertThat(choice.costWith()).isCloseTo(28, within(1e-9));
    assertThat(choice.netSavings()).isCloseTo(2, within(1e-9));
    assertThat(Optimizer.costWith(new double[] {10, 6, 4, 0}, new double[] {15, 9, 6, 0}, 6)).isCloseTo(30, within(1e-9));
  }

  @Test
  void noUsage_noCommitment() {
    Optimizer.CommitmentChoice none = Optimizer.commitment(new double[] {0, 0}, new double[] {0, 0}, 0.01);
    assertThat(none.perHour()).isZero();
    assertThat(none.netSavings()).isZero();
  }
}
