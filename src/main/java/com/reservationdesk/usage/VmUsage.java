package com.reservationdesk.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Pay-as-you-go usage of one VM size in one region and subscription, hour by hour. Usage that a reservation or a
 * savings plan already covered is not in {@code hourly}: it is counted in {@code coveredHours}, so that a customer
 * whose fleet is already covered can be told so rather than shown an empty chart.
 *
 * <p>Every series of one answer has the same {@code from} and length, so series can be added hour by hour.
 *
 * @param armSkuName the ARM size name ({@code Standard_D4s_v5}); sources that name sizes loosely are normalized to it
 * @param armRegionName the ARM region name ({@code westeurope})
 * @param from the first hour (whole hour, UTC)
 * @param hourly pay-as-you-go VM hours in each hour from {@code from}: instances running in the hour, fractions when
 *     they ran part of it. The array is the record's own: read it, do not change it
 * @param coveredHours VM hours of the same series over the same hours that reservations or savings plans covered
 * @param granularity how the source measured it: {@link Granularity#DAILY} usage is spread evenly over each day's
 *     24 hours, so peaks within a day are not visible in it
 */
public record VmUsage(String subscriptionId, String armRegionName, String armSkuName, Instant from, double[] hourly,
    double coveredHours, Granularity granularity) {

  public enum Granularity { HOURLY, DAILY }

  public VmUsage {
    Objects.requireNonNull(subscriptionId, "subscriptionId");
    Objects.requireNonNull(armRegionName, "armRegionName");
    Objects.requireNonNull(armSkuName, "armSkuName");
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(hourly, "hourly");
    Objects.requireNonNull(granularity, "granularity");
  }

  /** The end of the last hour (exclusive). */
  public Instant to() {
    return from.plus(Duration.ofHours(hourly.length));
  }

  /** Pay-as-you-go VM hours in all. */
  public double total() {
    double total = 0;
    for (double hour : hourly) {
      total += hour;
    }
    return total;
  }
}
