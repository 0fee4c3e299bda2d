package com.reservationdesk.partnercenter.embedded;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A demo fleet: what a customer runs in one subscription, region and size, and how ({@link UsagePattern}). A row of
 * {@code pc_usage_profile}. The embedded usage shows its hours, the embedded reservations the hours it covered: both
 * read them here, so the two always agree.
 *
 * @param instances STEADY: all the time; WEEKDAY_PEAKS: the base; TREND: 60 days ago; ROTATING: during its turn
 * @param peakInstances WEEKDAY_PEAKS: at the peak; TREND: now; otherwise unused
 * @param coveredInstances instances that reservations or savings plans cover; what runs above them is pay-as-you-go
 * @param rotationSlot ROTATING: its slot, 0 to 2
 * @param noise the hour-to-hour variation as a share of the running instances (0.03: ±3 %)
 * @param seed of the noise, so that every machine shows the same demo
 */
public record UsageProfile(String customerId, String subscriptionId, String armRegionName, String armSkuName, UsagePattern pattern,
    double instances, double peakInstances, double coveredInstances, int rotationSlot, double noise, long seed, String teaches) {

  /** A TREND runs over the 60 days that end at the current hour. */
  public static final int TREND_HOURS = 60 * 24;

  /** The customer's profiles (customer id as stored: lower case), in a stable order. */
  public static List<UsageProfile> ofCustomer(JdbcClient jdbc, String customerId) {
    return jdbc.sql("select * from pc_usage_profile where customer_id = ? order by azure_subscription_id, arm_region_name, arm_sku_name, id")
        .param(customerId.toLowerCase(Locale.ROOT))
        .query((rs, row) -> new UsageProfile(rs.getString("customer_id"), rs.getString("azure_subscription_id"),
            rs.getString("arm_region_name"), rs.getString("arm_sku_name"), UsagePattern.valueOf(rs.getString("pattern")),
            rs.getDouble("instances"), rs.getDouble("peak_instances"), rs.getDouble("covered_instances"), rs.getInt("rotation_slot"),
            rs.getDouble("noise"), rs.getLong("seed"), rs.getString("teaches")))
        .list();
  }

  /**
   * Where an hour lies in the trend's 60 days that end at {@code endHour}, 0 to 1: hours before them run as 60 days
   * ago, so a range that reaches further back shows no trend beyond its start.
   */
  public static double trend(long epochHour, long endHour) {
    double trend = (double) (epochHour - (endHour - TREND_HOURS)) / TREND_HOURS;
    return Math.max(0, Math.min(1, trend));
  }

  /** Instances running in the hour that reservations or savings plans covered: at most {@code coveredInstances}. */
  public double covered(long epochHour, long endHour) {
    return Math.min(running(epochHour, trend(epochHour, endHour)), coveredInstances);
  }

  /**
   * Instances running in an hour: fractions, because instances start, stop and restart within hours.
   *
   * @param epochHour the hour, in hours since the epoch
   * @param trend where the hour lies in the 60 days that end now, 0 to 1 (TREND only)
   */
  public double running(long epochHour, double trend) {
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
