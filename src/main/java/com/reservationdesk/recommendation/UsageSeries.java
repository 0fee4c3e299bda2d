package com.reservationdesk.recommendation;

import java.time.Instant;

/**
 * Usage over the look-back in buckets of a few hours, small enough to keep with the recommendation and draw:
 * the mean and the peak of each bucket, and the level the recommendation buys.
 *
 * @param unit what the values count: {@code D2s_v5 units}, {@code USD an hour at plan prices}
 * @param level the recommended quantity (reservations) or commitment (savings plan), in the same unit
 */
public record UsageSeries(Instant from, int bucketHours, double[] mean, double[] peak, double level, String unit) {

  /** Buckets of {@code bucketHours} hours from hourly values. */
  static UsageSeries of(Instant from, double[] hourly, int bucketHours, double level, String unit) {
    int buckets = (hourly.length + bucketHours - 1) / bucketHours;
    double[] mean = new double[buckets];
    double[] peak = new double[buckets];
    for (int b = 0; b < buckets; b++) {
      int start = b * bucketHours;
      int end = Math.min(hourly.length, start + bucketHours);
      double sum = 0;
      double max = 0;
      for (int h = start; h < end; h++) {
        sum += hourly[h];
        max = Math.max(max, hourly[h]);
      }
      mean[b] = round(sum / (end - start));
      peak[b] = round(max);
    }
    return new UsageSeries(from, bucketHours, mean, peak, level, unit);
  }

  /** Two decimals are plenty for a picture and keep the stored series small. */
  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  public double max() {
    double max = level;
    for (double p : peak) {
      max = Math.max(max, p);
    }
    return max;
  }
}
