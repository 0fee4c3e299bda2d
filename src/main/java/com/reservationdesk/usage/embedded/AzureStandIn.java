package com.reservationdesk.usage.embedded;

import com.reservationdesk.partnercenter.ReservationSku;
import com.reservationdesk.partnercenter.ReservationType;
import com.reservationdesk.partnercenter.Term;
import com.reservationdesk.partnercenter.VmSize;
import com.reservationdesk.usage.AzureRecommendation;
import com.reservationdesk.usage.LookBack;
import com.reservationdesk.usage.VmUsage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's stand-in for Azure's {@code reservationRecommendations} answer, computed simply from the same hourly
 * series the embedded usage shows, so that the purchase can show "what Azure would say" beside Reservation Desk's
 * own recommendation. It is not Azure's algorithm. For each subscription, region and instance size flexibility group:
 *
 * <ol>
 *   <li>usage is normalized to the group's ratio units (the size list's ratio: the group's smallest size counts 1);
 *   <li>it recommends what ran in at least 90 % of the look-back's hours, rounded to whole units, in the size that ran
 *       most (or in the group's smallest size when that size is too big for it);
 *   <li>costs over the look-back use the catalog's reservation price and, as pay-as-you-go price, the one-year
 *       reservation's hourly price divided by {@value #ONE_YEAR_PRICE_SHARE_OF_PAYG} (a one-year reservation costs about
 *       two thirds of pay-as-you-go);
 *   <li>one recommendation per term the catalog sells for that size and region, and only where it saves.
 * </ol>
 * Like Azure, it knows nothing of Partner Center's inventory restrictions.
 */
final class AzureStandIn {

  static final int PERCENT_OF_HOURS_REACHED = 90;
  static final double ONE_YEAR_PRICE_SHARE_OF_PAYG = 0.65;
  private static final double HOURS_A_YEAR = 24 * 365;

  private final Map<String, VmSize> sizes = new HashMap<>();
  private final Map<String, ReservationSku> skus = new HashMap<>();

  AzureStandIn(List<ReservationSku> catalog) {
    for (ReservationSku sku : catalog) {
      if (sku.type() == ReservationType.VIRTUAL_MACHINES) {
        sizes.putIfAbsent(sku.vmSize().armSkuName(), sku.vmSize());
        skus.putIfAbsent(key(sku.vmSize().armSkuName(), sku.armRegionName(), sku.termDuration()), sku);
      }
    }
  }

  List<AzureRecommendation> recommend(List<VmUsage> usage, LookBack lookBack) {
    Map<String, List<VmUsage>> groups = new LinkedHashMap<>();
    for (VmUsage series : usage) {
      groups.computeIfAbsent(series.subscriptionId() + "|" + series.armRegionName() + "|" + group(series.armSkuName()),
          key -> new ArrayList<>()).add(series);
    }
    List<AzureRecommendation> recommendations = new ArrayList<>();
    for (List<VmUsage> group : groups.values()) {
      recommendations.addAll(recommendForGroup(group, lookBack));
    }
    recommendations.sort(Comparator.comparing(AzureRecommendation::subscriptionId).thenComparing(AzureRecommendation::armRegionName)
        .thenComparing(AzureRecommendation::armSkuName).thenComparing(AzureRecommendation::term));
    return recommendations;
  }

  private List<AzureRecommendation> recommendForGroup(List<VmUsage> group, LookBack lookBack) {
    VmUsage first = group.get(0);
    String region = first.armRegionName();
    int hours = first.hourly().length;
    if (hours == 0) {
      return List.of();
    }
    double[] units = new double[hours];
    Map<String, Double> unitHoursBySize = new HashMap<>();
    for (VmUsage series : group) {
      double ratio = ratio(series.armSkuName());
      for (int h = 0; h < hours; h++) {
        units[h] += series.hourly()[h] * ratio;
      }
      unitHoursBySize.merge(series.armSkuName(), series.total() * ratio, Double::sum);
    }
    double[] sorted = units.clone();
    Arrays.sort(sorted);
    // The usage that at least 90 % of the hours reach: counted in whole hours, so that no rounding drops an hour.
    int hoursReaching = (int) ((hours * (long) PERCENT_OF_HOURS_REACHED + 99) / 100);
    long reached = Math.round(sorted[hours - hoursReaching]);
    if (reached < 1) {
      return List.of();
    }
    String normalizedSize = normalizedSize(first.armSkuName(), region);
    String size = unitHoursBySize.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    long quantity = (long) Math.floor(reached / ratio(size));
    if (quantity < 1) {
      size = normalizedSize;
      quantity = (long) Math.floor(reached / ratio(size));
    }
    double normalizedQuantity = quantity * ratio(size);
    ReservationSku oneYear = skus.get(key(size, region, Term.ONE_YEAR.iso()));
    if (quantity < 1 || oneYear == null) {
      return List.of();
    }
    double paygPerUnitHour = perUnitHour(oneYear, size) / ONE_YEAR_PRICE_SHARE_OF_PAYG;
    double costWithout = 0;
    double overage = 0;
    for (double u : units) {
      costWithout += u * paygPerUnitHour;
      overage += Math.max(0, u - normalizedQuantity) * paygPerUnitHour;
    }
    Instant firstUsage = firstUsage(first.from(), units);
    List<AzureRecommendation> recommendations = new ArrayList<>();
    for (Term term : List.of(Term.ONE_YEAR, Term.THREE_YEARS)) {
      ReservationSku sku = skus.get(key(size, region, term.iso()));
      if (sku == null) {
        continue;
      }
      double costWith = normalizedQuantity * perUnitHour(sku, size) * hours + overage;
      if (costWith >= costWithout) {
        continue;
      }
      recommendations.add(new AzureRecommendation(first.subscriptionId(), size, region, term.iso(), "Single",
          BigDecimal.valueOf(quantity), normalizedSize, decimal(normalizedQuantity, 3), group(size), decimal(ratio(size), 4),
          money(costWithout), money(costWith), money(costWithout - costWith), sku.currency(), lookBack, firstUsage));
    }
    return recommendations;
  }

  /** The price of one ratio unit of the group for one hour, over the reservation's whole term. */
  private double perUnitHour(ReservationSku sku, String size) {
    return sku.listPrice().doubleValue() / ((Term.of(sku.termDuration()).months() / 12.0) * HOURS_A_YEAR) / ratio(size);
  }

  private String group(String size) {
    VmSize known = sizes.get(size);
    return known == null ? size : known.flexibilityGroup();
  }

  private double ratio(String size) {
    VmSize known = sizes.get(size);
    return known == null ? 1 : known.flexibilityRatio().doubleValue();
  }

  /** The group's smallest size sold in the region: what the normalized quantity counts in. */
  private String normalizedSize(String size, String region) {
    String group = group(size);
    return sizes.values().stream()
        .filter(s -> s.flexibilityGroup().equals(group) && skus.containsKey(key(s.armSkuName(), region, Term.ONE_YEAR.iso())))
        .min(Comparator.comparing(VmSize::flexibilityRatio).thenComparing(VmSize::armSkuName))
        .map(VmSize::armSkuName).orElse(size);
  }

  private static Instant firstUsage(Instant from, double[] units) {
    for (int h = 0; h < units.length; h++) {
      if (units[h] > 0) {
        return from.plus(Duration.ofHours(h));
      }
    }
    return from;
  }

  private static String key(String size, String region, String term) {
    return size + "|" + region + "|" + term;
  }

  private static BigDecimal money(double amount) {
    return decimal(amount, 2);
  }

  private static BigDecimal decimal(double value, int scale) {
    BigDecimal rounded = BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP).stripTrailingZeros();
    return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
  }
}
