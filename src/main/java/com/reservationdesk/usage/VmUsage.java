package com.reservationdesk.usage;

import java.time.Instant;

/**
 * Pay-as-you-go usage of one VM size in one region and subscription, hour by hour: usage a reservation or a
 * savings plan already covers is not in it.
 *
 * @param armSkuName the ARM size name ({@code Standard_D4s_v5}); sources that name sizes loosely are normalized to it
 * @param from the first hour
 * @param hourly instances running in each hour from {@code from} (VM hours in the hour; fractions when they ran part of it)
 * @param granularity how the source measured it: daily usage is spread evenly over the day's hours
 */
public record VmUsage(String subscriptionId, String armRegionName, String armSkuName, Instant from, double[] hourly,
    Granularity granularity) {

  public enum Granularity { HOURLY, DAILY }

  /** VM hours in all. */
  public double total() {
    double total = 0;
    for (double hour : hourly) {
      total += hour;
    }
    return total;
  }
}
