package com.reservationdesk.reservation;

import java.time.LocalDate;
import java.util.List;

/**
 * A reservation's use over a range of days ({@link ReservationInventory#utilization}).
 *
 * @param days one per day that has a summary, in order; fewer than the range where the reservation was not active
 */
public record ReservationUtilization(String reservationOrderId, String reservationId, LocalDate from, LocalDate to,
    List<DailyUtilization> days) {

  public ReservationUtilization {
    days = List.copyOf(days);
  }

  public double reservedHours() {
    return days.stream().mapToDouble(DailyUtilization::reservedHours).sum();
  }

  public double usedHours() {
    return days.stream().mapToDouble(DailyUtilization::usedHours).sum();
  }

  /** Used over reserved hours of the whole range, in percent; 0 without a day. */
  public double averagePercent() {
    double reserved = reservedHours();
    return reserved <= 0 ? 0 : 100 * usedHours() / reserved;
  }

  /** The least used hour of the range, in percent; 0 without a day. */
  public double minimumPercent() {
    return days.stream().mapToDouble(DailyUtilization::minimumPercent).min().orElse(0);
  }

  /** The most used hour of the range, in percent; 0 without a day. */
  public double maximumPercent() {
    return days.stream().mapToDouble(DailyUtilization::maximumPercent).max().orElse(0);
  }
}
