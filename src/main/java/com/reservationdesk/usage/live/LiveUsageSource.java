package com.reservationdesk.usage.live;

import com.reservationdesk.usage.AzureRecommendation;
import com.reservationdesk.usage.LookBack;
import com.reservationdesk.usage.UnknownCustomerException;
import com.reservationdesk.usage.UsageSource;
import com.reservationdesk.usage.VmUsage;
import com.reservationdesk.usage.live.RatedUsageReader.DailyUsage;
import com.reservationdesk.usage.live.RatedUsageReader.Period;
import com.reservationdesk.usage.live.RatedUsageReader.PeriodUsage;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Usage from Microsoft: Partner Center's daily rated usage of the customer's Azure plan ({@link RatedUsageReader}),
 * and Azure's recommendations from the customer's tenant ({@link AzureRecommendationsReader}).
 *
 * <p>Daily VM hours are spread evenly over the day's 24 hours ({@link VmUsage.Granularity#DAILY}). The series end at
 * the last day Partner Center has usage for (it arrives a day or more late; never later than today) and reach back
 * the look-back, or to the start of the oldest unbilled period when that is nearer: Partner Center keeps the current
 * billing month and, until it is invoiced early in the next month, the previous one. Usage of a legacy CSP Azure
 * offer is not in this data: such a customer has none here.
 */
public class LiveUsageSource implements UsageSource {

  private final UsageHttp http;
  private final RatedUsageReader ratedUsage;
  private final AzureRecommendationsReader azure;
  private final LiveUsageProperties properties;
  private final Clock clock;

  LiveUsageSource(UsageHttp http, RatedUsageReader ratedUsage, AzureRecommendationsReader azure, LiveUsageProperties properties,
      Clock clock) {
    this.http = http;
    this.ratedUsage = ratedUsage;
    this.azure = azure;
    this.properties = properties;
    this.clock = clock;
  }

  @Override
  public List<VmUsage> vmUsage(String customerId, LookBack lookBack) {
    String customer = requireCustomer(customerId);
    LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
    LocalDate currentStart = today.withDayOfMonth(1);
    PeriodUsage current = ratedUsage.period(Period.CURRENT, currentStart);
    LocalDate end = current.lastDay() == null ? today : min(today, current.lastDay().plusDays(1));
    LocalDate from = end.minusDays(lookBack.days());
    List<DailyUsage> days = new ArrayList<>(current.byCustomer().getOrDefault(customer, List.of()));
    if (from.isBefore(currentStart)) {
      PeriodUsage previous = ratedUsage.period(Period.PREVIOUS, currentStart.minusMonths(1));
      if (previous.available()) {
        if (current.lastDay() == null && previous.lastDay() != null) {
          end = min(today, previous.lastDay().plusDays(1));
          from = end.minusDays(lookBack.days());
        }
        from = max(from, previous.start());
        days.addAll(previous.byCustomer().getOrDefault(customer, List.of()));
      } else {
        from = currentStart;
      }
    }
    return series(days, from, end);
  }

  @Override
  public List<AzureRecommendation> azureRecommendations(String customerId, LookBack lookBack) {
    List<String> subscriptions = vmUsage(customerId, lookBack).stream().map(VmUsage::subscriptionId).distinct().sorted().toList();
    if (subscriptions.isEmpty()) {
      return List.of();
    }
    return azure.read(customerId.toLowerCase(Locale.ROOT), subscriptions, lookBack);
  }

  /** {@code GET /customers/{id}}: the customer must be the partner's; its id is its tenant id. */
  private String requireCustomer(String customerId) {
    String id;
    try {
      id = UUID.fromString(customerId == null ? "" : customerId.trim()).toString();
    } catch (IllegalArgumentException e) {
      throw new UnknownCustomerException(customerId);
    }
    URI uri = UriComponentsBuilder.fromUri(properties.partnerCenterUrl()).path("/customers/{id}").encode().buildAndExpand(id).toUri();
    if (!http.partnerCenter(uri, Map.of(), "GET /customers/{id}", Set.of(400, 404)).ok()) {
      throw new UnknownCustomerException(customerId);
    }
    return id;
  }

  /** One series per subscription, region and size, each day's hours spread evenly over its 24 hours. */
  private static List<VmUsage> series(List<DailyUsage> days, LocalDate from, LocalDate end) {
    int length = (int) Math.max(0, ChronoUnit.DAYS.between(from, end));
    Map<String, double[]> hourly = new TreeMap<>();
    Map<String, double[]> covered = new TreeMap<>();
    Map<String, DailyUsage> first = new TreeMap<>();
    for (DailyUsage day : days) {
      int index = (int) ChronoUnit.DAYS.between(from, day.day());
      if (index < 0 || index >= length || day.payg() + day.covered() <= 0) {
        continue;
      }
      String key = day.subscriptionId() + "|" + day.armRegionName() + "|" + day.armSkuName();
      first.putIfAbsent(key, day);
      double[] series = hourly.computeIfAbsent(key, k -> new double[length * 24]);
      for (int h = 0; h < 24; h++) {
        series[index * 24 + h] += day.payg() / 24;
      }
      covered.computeIfAbsent(key, k -> new double[1])[0] += day.covered();
    }
    List<VmUsage> usage = new ArrayList<>();
    hourly.forEach((key, series) -> {
      DailyUsage one = first.get(key);
      usage.add(new VmUsage(one.subscriptionId(), one.armRegionName(), one.armSkuName(), from.atStartOfDay(ZoneOffset.UTC).toInstant(),
          series, covered.get(key)[0], VmUsage.Granularity.DAILY));
    });
    usage.sort(Comparator.comparing(VmUsage::subscriptionId).thenComparing(VmUsage::armRegionName).thenComparing(VmUsage::armSkuName));
    return usage;
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
