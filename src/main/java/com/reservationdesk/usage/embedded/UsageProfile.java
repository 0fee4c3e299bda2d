package com.reservationdesk.usage.embedded;

import java.util.SplittableRandom;

/**
 * A demo fleet: what a customer runs in one subscription, region and size, and how ({@link UsagePattern}). A row of
 * {@code pc_usage_profile}.
 *
 * @param instances STEADY: all the time; WEEKDAY_PEAKS: the base; TREND: 60 days ago; ROTATING: during its turn
 * @param peakInstances WEEKDAY_PEAKS: at the peak; TREND: now; otherwise unused
 * @param coveredInstances instances that reservations or savings plans cover; what runs above them is pay-as-you-go
 * @param rotationSlot ROTATING: its slot, 0 to 2
 * @param noise the hour-to-hour variation as a share of the running instances (0.03: ±3 %)
 * @param seed of the noise, so that every machine shows the same demo
 */
record UsageProfile(String customerId, String subscriptionId, String armRegionName, String armSkuName, UsagePattern pattern,
    double instances, double peakInstances, double coveredInstances, int rotationSlot, double noise, long seed, String teaches) {

  /**
   * Instances running in an hour: fractions, because instances start, stop and restart within hours.
   *
   * @param epochHour the hour, in hours since the epoch
   * @param trend where the hour lies in the 60 days that end now, 0 to 1 (TREND only)
   */
  double running(long epochHour, double trend) {
    double planned = switch (pattern) {
      case STEADY -> instances;
      case WEEKDAY_PEAKS -> UsagePattern.weekdayDaytime(epochHour) ? peakInstances : instances;
      case TREND -> Math.round(instances + (peakInstances - instances) * trend);
      case ROTATING -> UsagePattern.turn(epochHour) == rotationSlot ? instances : 0;
    };
    if (planned <= 0) {
      return 0;
    }
    // The same hour always gets the same noise: a generator seeded by the profile and the hour.
    double variation = new SplittableRandom(seed ^ (epochHour * 0x9E3779B97F4A7C15L)).nextDouble(-1, 1);
    return Math.max(0, planned * (1 + noise * variation));
  }
}
