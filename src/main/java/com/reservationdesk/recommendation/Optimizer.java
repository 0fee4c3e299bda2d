package com.reservationdesk.recommendation;

import java.util.Arrays;

/**
 * The arithmetic of a recommendation, on hourly usage over the look-back: the reservation quantity and the
 * savings plan commitment that save the most. Plain numbers in, plain numbers out; prices per hour.
 *
 * <p><b>Reservation.</b> With {@code u[h]} units running in hour {@code h} (normalized to the flexibility group's
 * ratio units), a pay-as-you-go price {@code c} and a reservation price {@code r} per unit and hour, {@code q}
 * reserved units save {@code c·Σ min(u[h], q) − r·q·H} over the {@code H} hours. One more unit saves
 * {@code c} in every hour that uses more than {@code q} and costs {@code r} in every hour, so it pays while the
 * share of hours using more than {@code q} is above {@code r / c}, the break-even utilization: the best
 * quantity is the usage that this share of hours exceeds. A fleet that runs less than that, for example a
 * spike, is left to pay-as-you-go.
 *
 * <p><b>Savings plan.</b> A commitment of {@code k} an hour buys usage at the plan's prices. In hour {@code h}
 * the usage would cost {@code S[h]} at plan prices and {@code C[h]} pay-as-you-go ({@code ρ[h] = C[h]/S[h] ≥ 1});
 * the hour costs {@code k + max(S[h] − k, 0)·ρ[h]}, so the commitment saves {@code Σ min(S[h], k)·ρ[h] − k·H}.
 * Raising {@code k} pays while the hours above it, weighted by {@code ρ}, outweigh all hours: the best
 * commitment is found in one pass over the hours sorted by {@code S}.
 */
final class Optimizer {

  private Optimizer() {}

  /**
   * The best reservation for one group's usage: quantity in normalized units, and what it does over the look-back.
   *
   * @param bestUnits the quantity that would save the most; more than {@code units} when a minimum utilization lowered it
   */
  record ReservationChoice(long units, double usedUnitHours, double costWithout, double costWith, long bestUnits, int hours) {

    double netSavings() {
      return costWithout - costWith;
    }

    /** The share of the reserved unit-hours the usage fills, 0 to 1; 0 when nothing is reserved. */
    double utilization() {
      return units == 0 || hours == 0 ? 0 : usedUnitHours / ((double) units * hours);
    }
  }

  /** The best savings plan commitment, an hour, and what it does over the look-back. */
  record CommitmentChoice(double perHour, double costWithout, double costWith) {

    double netSavings() {
      return costWithout - costWith;
    }
  }

  /**
   * @param usage units running in each hour of the look-back (normalized units; fractions allowed)
   * @param payg pay-as-you-go price of one unit for one hour
   * @param reserved the reservation's price of one unit for one hour (its term price spread over the term's hours)
   */
  static ReservationChoice reservation(double[] usage, double payg, double reserved) {
    return reservation(usage, payg, reserved, 0);
  }

  /**
   * The same, reserving no more than the usage fills to at least {@code minUtilization} (0 to 1): a partner's rule
   * that a reservation be well used, stricter than the break-even. Utilization falls as the quantity grows, so the
   * quantity is the largest at most the best one that still meets it.
   */
  static ReservationChoice reservation(double[] usage, double payg, double reserved, double minUtilization) {
    int hours = usage.length;
    double[] sorted = usage.clone();
    Arrays.sort(sorted);
    double[] prefix = new double[hours + 1];
    for (int h = 0; h < hours; h++) {
      prefix[h + 1] = prefix[h] + Math.max(0, sorted[h]);
    }
    double costWithout = prefix[hours] * payg;
    if (hours == 0 || payg <= 0 || reserved >= payg) {
      return new ReservationChoice(0, 0, costWithout, costWithout, 0, hours);
    }
    // The marginal unit q+1 pays while the hours using more than q, as a share of all hours, exceed r / c.
    double breakEven = reserved / payg;
    long low = 0;
    long high = (long) Math.ceil(sorted[hours - 1]);
    while (low < high) {
      long q = (low + high + 1) / 2;
      if (covered(sorted, prefix, q) - covered(sorted, prefix, q - 1) > breakEven * hours) {
        low = q;
      } else {
        high = q - 1;
      }
    }
    long best = low;
    long units = best;
    if (minUtilization > 0 && best > 0 && covered(sorted, prefix, best) < minUtilization * best * hours) {
      long lower = 0;
      long upper = best - 1;
      while (lower < upper) {
        long q = (lower + upper + 1) / 2;
        if (covered(sorted, prefix, q) >= minUtilization * q * hours) {
          lower = q;
        } else {
          upper = q - 1;
        }
      }
      units = lower;
    }
    double used = covered(sorted, prefix, units);
    return new ReservationChoice(units, used, costWithout, units * hours * reserved + (prefix[hours] - used) * payg, best, hours);
  }

  /** {@code Σ min(u[h], q)}: the unit-hours {@code q} reserved units would cover, from the sorted usage and its prefix sums. */
  private static double covered(double[] sorted, double[] prefix, long q) {
    int below = firstAtLeast(sorted, q);
    return prefix[below] + (double) q * (sorted.length - below);
  }

  private static int firstAtLeast(double[] sorted, double value) {
    int low = 0;
    int high = sorted.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sorted[mid] < value) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }

  /**
   * @param atPlanPrices what each hour's usage would cost at the savings plan's prices
   * @param payAsYouGo what each hour's usage costs pay-as-you-go
   * @param step the smallest step of a commitment (a cent an hour; Partner Center's minimum is 0.001)
   */
  static CommitmentChoice commitment(double[] atPlanPrices, double[] payAsYouGo, double step) {
    int hours = atPlanPrices.length;
    double costWithout = Arrays.stream(payAsYouGo).sum();
    Integer[] order = new Integer[hours];
    for (int h = 0; h < hours; h++) {
      order[h] = h;
    }
    Arrays.sort(order, (a, b) -> Double.compare(atPlanPrices[b], atPlanPrices[a]));
    // Walking down from the most expensive hour: a commitment between the (i+1)-th and i-th largest S pays at
    // the margin while the ρ of the i hours above it sum to more than all H hours.
    double weightAbove = 0;
    double best = 0;
    for (int i = 0; i < hours; i++) {
      int h = order[i];
      if (atPlanPrices[h] <= 0) {
        break;
      }
      weightAbove += payAsYouGo[h] / atPlanPrices[h];
      if (weightAbove >= hours) {
        best = atPlanPrices[h];
        break;
      }
    }
    double perHour = Math.floor(best / step) * step;
    return new CommitmentChoice(perHour, costWithout, costWith(atPlanPrices, payAsYouGo, perHour));
  }

  static double costWith(double[] atPlanPrices, double[] payAsYouGo, double perHour) {
    double cost = 0;
    for (int h = 0; h < atPlanPrices.length; h++) {
      double rho = atPlanPrices[h] <= 0 ? 1 : payAsYouGo[h] / atPlanPrices[h];
      cost += perHour + Math.max(atPlanPrices[h] - perHour, 0) * rho;
    }
    return cost;
  }
}
