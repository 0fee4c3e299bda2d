package com.reservationdesk.reservation.embedded;

import com.reservationdesk.partnercenter.ReservationSku;
import com.reservationdesk.partnercenter.ReservationType;
import com.reservationdesk.partnercenter.VmSize;
import com.reservationdesk.partnercenter.embedded.UsageProfile;
import com.reservationdesk.partnercenter.pricelist.RetailPriceList;
import com.reservationdesk.reservation.AppliedScopeType;
import com.reservationdesk.reservation.DailyUtilization;
import com.reservationdesk.reservation.OwnedReservation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How well a demo reservation was used, hour by hour, summed up per day as Azure's {@code reservationSummaries} does.
 *
 * <p><b>Customers with demo usage</b> ({@code pc_usage_profile}): the reservation covers the hours its customer's fleets
 * ran under reservations ({@link UsageProfile#covered}, the same hours the embedded usage reports as covered), of the
 * fleets in its region and flexibility group, within its scope (its subscription when single, all when shared). Both
 * count in the group's ratio units (a D4s_v5 is 2 D2s_v5), so a reservation of 6 × D4s_v5 is 12 units, and an hour
 * uses at most all of them. Usage and reservations therefore tell the same story: Woodgrove's 6 covered D4s_v5 use its
 * 6 reserved ones fully; Proseware's 2 running E8s_v5 use a quarter of its 8.
 *
 * <p><b>Customers without demo usage</b> (the other demo customers, and every customer of a benchmark's bulk seed): a
 * deterministic pattern from the reservation's {@code seed}, computed per day without an hourly loop: a level between
 * {@value #SEEDED_LOWEST_LEVEL} and 1 chosen by the seed, each day within ±{@value #SEEDED_DAILY_SWING} of it (a generator
 * seeded by the seed and the day), the day's hours within ±{@value #SEEDED_HOURLY_SPREAD} of the day's average. The same
 * day always gets the same numbers on every machine.
 */
final class DemoUtilization {

  static final double SEEDED_LOWEST_LEVEL = 0.55;
  static final double SEEDED_DAILY_SWING = 0.08;
  static final double SEEDED_HOURLY_SPREAD = 0.12;

  private final RetailPriceList catalog;
  private final Clock clock;
  private volatile Map<String, VmSize> sizes;

  DemoUtilization(RetailPriceList catalog, Clock clock) {
    this.catalog = catalog;
    this.clock = clock;
  }

  /** One summary per day of the range on which the reservation was active, up to the last hour that has ended. */
  List<DailyUtilization> days(OwnedReservation reservation, long seed, List<UsageProfile> customerProfiles, LocalDate from, LocalDate to) {
    long endHour = Math.floorDiv(clock.instant().getEpochSecond(), 3600);
    boolean inEffect = OwnedReservation.SUCCEEDED.equals(reservation.provisioningState())
        || OwnedReservation.EXPIRED.equals(reservation.provisioningState());
    if (!inEffect) {
      return List.of();
    }
    LocalDate first = max(from, reservation.purchaseDate());
    LocalDate last = min(to, reservation.expiryDate().minusDays(1));
    List<UsageProfile> fleets = customerProfiles.isEmpty() ? null : covering(reservation, customerProfiles);
    List<DailyUtilization> days = new ArrayList<>();
    for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
      long dayStart = day.toEpochDay() * 24;
      int hours = (int) Math.max(0, Math.min(24, endHour - dayStart));
      if (hours == 0) {
        break; // today's first hour has not ended, or the day lies ahead
      }
      days.add(fleets == null ? seeded(reservation, seed, day, hours) : fromFleets(reservation, fleets, day, hours, endHour));
    }
    return days;
  }

  private DailyUtilization fromFleets(OwnedReservation reservation, List<UsageProfile> fleets, LocalDate day, int hours, long endHour) {
    double ratio = ratio(reservation.armSkuName());
    double reservedUnits = reservation.quantity() * ratio;
    double usedUnits = 0;
    double min = Double.MAX_VALUE;
    double max = 0;
    long dayStart = day.toEpochDay() * 24;
    for (int h = 0; h < hours; h++) {
      double covered = 0;
      for (UsageProfile fleet : fleets) {
        covered += fleet.covered(dayStart + h, endHour) * ratio(fleet.armSkuName());
      }
      double used = Math.min(covered, reservedUnits);
      usedUnits += used;
      double percent = 100 * used / reservedUnits;
      min = Math.min(min, percent);
      max = Math.max(max, percent);
    }
    double reservedHours = reservation.quantity() * (double) hours;
    return new DailyUtilization(day, round(100 * usedUnits / (reservedUnits * hours)), round(min), round(max), reservedHours,
        round(usedUnits / ratio));
  }

  private static DailyUtilization seeded(OwnedReservation reservation, long seed, LocalDate day, int hours) {
    double level = SEEDED_LOWEST_LEVEL + (1 - SEEDED_LOWEST_LEVEL) * new SplittableRandom(seed).nextDouble();
    SplittableRandom today = new SplittableRandom(seed ^ (day.toEpochDay() * 0x9E3779B97F4A7C15L));
    double average = clamp(level + SEEDED_DAILY_SWING * today.nextDouble(-1, 1), 0.05, 1);
    double min = clamp(average - SEEDED_HOURLY_SPREAD * today.nextDouble(), 0, average);
    double max = clamp(average + SEEDED_HOURLY_SPREAD * today.nextDouble(), average, 1);
    double reservedHours = reservation.quantity() * (double) hours;
    return new DailyUtilization(day, round(100 * average), round(100 * min), round(100 * max), reservedHours,
        round(reservedHours * average));
  }

  /** The fleets whose covered hours the reservation takes: its region, its flexibility group, within its scope. */
  private List<UsageProfile> covering(OwnedReservation reservation, List<UsageProfile> profiles) {
    String group = group(reservation.armSkuName());
    return profiles.stream()
        .filter(p -> p.armRegionName().equalsIgnoreCase(reservation.armRegionName()) && group(p.armSkuName()).equals(group))
        .filter(p -> reservation.appliedScopeType() == AppliedScopeType.SHARED
            || reservation.appliedScopes().stream().anyMatch(s -> s.equalsIgnoreCase(p.subscriptionId())))
        .toList();
  }

  private String group(String size) {
    VmSize known = sizes().get(size);
    return known == null ? size : known.flexibilityGroup();
  }

  private double ratio(String size) {
    VmSize known = sizes().get(size);
    return known == null ? 1 : known.flexibilityRatio().doubleValue();
  }

  private Map<String, VmSize> sizes() {
    if (sizes == null) {
      Map<String, VmSize> known = new HashMap<>();
      for (ReservationSku sku : catalog.skus()) {
        if (sku.type() == ReservationType.VIRTUAL_MACHINES) {
          known.putIfAbsent(sku.vmSize().armSkuName(), sku.vmSize());
        }
      }
      sizes = known;
    }
    return sizes;
  }

  private static double clamp(double value, double low, double high) {
    return Math.max(low, Math.min(high, value));
  }

  /** Two decimals, as Azure's summaries write percentages. */
  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
