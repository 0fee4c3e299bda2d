package com.reservationdesk.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.reservationdesk.partnercenter.AzureEntitlement;
import com.reservationdesk.partnercenter.Customer;
import com.reservationdesk.partnercenter.CustomerSearchField;
import com.reservationdesk.partnercenter.InventoryContext;
import com.reservationdesk.partnercenter.InventoryResult;
import com.reservationdesk.partnercenter.PartnerCenter;
import com.reservationdesk.partnercenter.ReservationSku;
import com.reservationdesk.partnercenter.Subscription;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What the recommendation relies on from the usage port, run against both adapters: the embedded one (hourly demo
 * usage) and the live one over HTTP against the fake usage server, which serves the same demo profiles as Partner
 * Center's daily rated usage and Azure's recommendations. Both run on {@link #CLOCK}, late in a month, where Partner
 * Center's two unbilled periods reach back 60 days. Each test names the demo customer whose lesson it checks.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class UsageSourceContract {

  /** 2026-11-30 10:15 UTC: the unbilled periods are October (previous) and November up to yesterday (current). */
  public static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T10:15:00Z"), ZoneOffset.UTC);

  /** The adapter under test. */
  protected abstract UsageSource usage();

  /** The Partner Center of the same demo data, to find customers and subscriptions by name as an agent would. */
  protected abstract PartnerCenter partnerCenter();

  @Test
  void steadyFleet_oneSeriesPerSize_inItsRegionAndSubscription_withTheHoursItRan() {
    String contoso = customer("Contoso Ltd");
    String production = azureSubscription(contoso, "Contoso Production");
    for (LookBack lookBack : LookBack.values()) {
      List<VmUsage> usage = usage().vmUsage(contoso, lookBack);
      assertThat(usage).extracting(VmUsage::armSkuName)
          .containsExactly("Standard_D2s_v5", "Standard_D4s_v5", "Standard_NC6s_v3");
      assertThat(usage).allSatisfy(series -> {
        assertThat(series.subscriptionId()).isEqualTo(production);
        assertThat(series.armRegionName()).isEqualTo("westeurope");
        assertThat(series.coveredHours()).isZero();
      });
      int hours = usage.get(0).hourly().length;
      assertThat(usage.get(0).total()).as("4 × D2s_v5 around the clock, %s", lookBack).isCloseTo(4.0 * hours, within(0.03 * 4 * hours));
      assertThat(usage.get(1).total()).as("8 × D4s_v5, %s", lookBack).isCloseTo(8.0 * hours, within(0.03 * 8 * hours));
      assertThat(usage.get(2).total()).as("2 × NC6s_v3, %s", lookBack).isCloseTo(2.0 * hours, within(0.03 * 2 * hours));
    }
  }

  @Test
  void spikyFleet_weekdaysFarAboveWeekends_andTheBaseRunsEveryDay() {
    String adventureWorks = customer("Adventure Works Cycles");
    String production = azureSubscription(adventureWorks, "Adventure Works Production");
    VmUsage d8s = usage().vmUsage(adventureWorks, LookBack.LAST_60_DAYS).stream()
        .filter(s -> s.subscriptionId().equals(production)).findFirst().orElseThrow();
    assertThat(d8s.armSkuName()).isEqualTo("Standard_D8s_v5");
    assertThat(d8s.armRegionName()).isEqualTo("germanywestcentral");
    // Whole UTC days: an hourly series starts at a whole hour, not always at midnight.
    Map<LocalDate, Double> days = wholeDays(d8s);
    assertThat(days).hasSizeGreaterThanOrEqualTo(59);
    Map<Boolean, List<Double>> byWeekend = days.entrySet().stream().collect(Collectors.partitioningBy(
        day -> day.getKey().getDayOfWeek().getValue() >= DayOfWeek.SATURDAY.getValue(),
        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
    assertThat(byWeekend.get(true)).as("a weekend day runs the base of 4").isNotEmpty()
        .allSatisfy(day -> assertThat(day).isCloseTo(4 * 24, within(4 * 24 * 0.1)));
    double weekday = byWeekend.get(false).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    assertThat(weekday).as("a weekday peaks to 20 from 07:00 to 17:00: 4 × 24 + 16 × 10").isCloseTo(256, within(256 * 0.1));
  }

  @Test
  void restrictedSizes_appearAsUsage_thoughTheSubscriptionMayNotBuyThem() {
    String contoso = customer("Contoso Ltd");
    String contosoProduction = azureSubscription(contoso, "Contoso Production");
    VmUsage nc = series(contoso, "Standard_NC6s_v3");
    assertThat(nc.total()).isPositive();
    assertThat(restricted(contoso, contosoProduction, "westeurope", "Standard_NC6s_v3")).isTrue();

    String adventureWorks = customer("Adventure Works Cycles");
    String development = azureSubscription(adventureWorks, "Adventure Works Development");
    VmUsage m = series(adventureWorks, "Standard_M8ms");
    assertThat(m.subscriptionId()).isEqualTo(development);
    assertThat(m.total()).isPositive();
    assertThat(restricted(adventureWorks, development, "germanywestcentral", "Standard_M8ms")).isTrue();
    assertThat(restricted(adventureWorks, azureSubscription(adventureWorks, "Adventure Works Production"), "germanywestcentral",
        "Standard_M8ms")).as("production may buy it, for both with shared scope").isFalse();
  }

  @Test
  void growingFleet_theLastWeekRunsFarMoreThanTheFirst() {
    String tailspin = customer("Tailspin Toys");
    VmUsage e4s = series(tailspin, "Standard_E4s_v5");
    assertThat(e4s.armRegionName()).isEqualTo("eastus");
    double[] days = dailyTotals(e4s);
    assertThat(average(days, days.length - 7, days.length)).as("from 2 to 10 instances").isGreaterThan(3 * average(days, 0, 7));
    assertThat(perHour(usage().vmUsage(tailspin, LookBack.LAST_7_DAYS)))
        .isGreaterThan(1.4 * perHour(usage().vmUsage(tailspin, LookBack.LAST_60_DAYS)));
  }

  @Test
  void shrinkingFleet_theLastWeekRunsFarLessThanTheFirst() {
    String proseware = customer("Proseware Health");
    VmUsage d16s = series(proseware, "Standard_D16s_v5");
    assertThat(d16s.subscriptionId()).isEqualTo(azureSubscription(proseware, "Proseware Health Production"));
    double[] days = dailyTotals(d16s);
    assertThat(average(days, days.length - 7, days.length)).as("from 12 to 3 instances").isLessThan(average(days, 0, 7) / 2.5);
    assertThat(perHour(usage().vmUsage(proseware, LookBack.LAST_7_DAYS)))
        .isLessThan(perHour(usage().vmUsage(proseware, LookBack.LAST_60_DAYS)) / 1.5);
  }

  @Test
  void coveredFleet_hasCoveredHours_andAlmostNoPayAsYouGo() {
    String woodgrove = customer("Woodgrove Consulting");
    for (LookBack lookBack : LookBack.values()) {
      assertThat(usage().vmUsage(woodgrove, lookBack)).singleElement().satisfies(series -> {
        assertThat(series.armSkuName()).isEqualTo("Standard_D4s_v5");
        assertThat(series.armRegionName()).isEqualTo("eastus2");
        int hours = series.hourly().length;
        assertThat(series.coveredHours()).as("6 instances covered, %s", lookBack).isCloseTo(6.0 * hours, within(0.05 * 6 * hours));
        assertThat(series.total()).as("pay-as-you-go, %s", lookBack).isLessThan(0.02 * series.coveredHours());
      });
    }
  }

  @Test
  void movingWorkload_noSeriesRunsMostDays_butTheTotalRunsEveryDay() {
    String fourthCoffee = customer("Fourth Coffee Logistics");
    List<VmUsage> usage = usage().vmUsage(fourthCoffee, LookBack.LAST_60_DAYS);
    assertThat(usage).hasSize(3);
    assertThat(usage.stream().map(VmUsage::armRegionName).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("uksouth", "westeurope", "northeurope");
    assertThat(usage.stream().map(VmUsage::armSkuName).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("Standard_D8s_v5", "Standard_E8s_v5", "Standard_F8s_v2");
    int days = usage.get(0).hourly().length / 24;
    double[] total = new double[days];
    for (VmUsage series : usage) {
      double[] daily = dailyTotals(series);
      long daysRun = Arrays.stream(daily).filter(d -> d > 1).count();
      assertThat(daysRun).as("%s runs about a third of the days", series.armSkuName()).isBetween(days / 5L, days / 2L);
      for (int d = 0; d < days; d++) {
        total[d] += daily[d];
      }
    }
    double min = Arrays.stream(total).min().orElseThrow();
    double max = Arrays.stream(total).max().orElseThrow();
    assertThat(min).as("something runs every day").isGreaterThan(4 * 24);
    assertThat(min / max).as("the total stays within its turns' 5 to 7 instances").isGreaterThan(0.6);
  }

  @ParameterizedTest
  @EnumSource(LookBack.class)
  void customersWithoutAzurePlanUsage_haveNone(LookBack lookBack) {
    for (String name : List.of("Fabrikam Inc", "Wide World Importers", "Northwind Traders", "Alpine Bank")) {
      assertThat(usage().vmUsage(customer(name), lookBack)).as(name).isEmpty();
      assertThat(usage().azureRecommendations(customer(name), lookBack)).as(name).isEmpty();
    }
  }

  @Test
  void anUnknownCustomer_isRefused() {
    String stranger = UUID.randomUUID().toString();
    assertThatThrownBy(() -> usage().vmUsage(stranger, LookBack.LAST_30_DAYS)).isInstanceOf(UnknownCustomerException.class)
        .hasMessageContaining(stranger);
    assertThatThrownBy(() -> usage().azureRecommendations(stranger, LookBack.LAST_30_DAYS)).isInstanceOf(UnknownCustomerException.class);
    assertThatThrownBy(() -> usage().vmUsage("contoso", LookBack.LAST_7_DAYS)).isInstanceOf(UnknownCustomerException.class);
  }

  @ParameterizedTest
  @EnumSource(LookBack.class)
  void everySeriesCoversTheLookBack_andEndsAtTheClock(LookBack lookBack) {
    for (String name : List.of("Contoso Ltd", "Adventure Works Cycles", "Tailspin Toys", "Proseware Health", "Woodgrove Consulting",
        "Fourth Coffee Logistics")) {
      List<VmUsage> usage = usage().vmUsage(customer(name), lookBack);
      assertThat(usage).as(name).isNotEmpty();
      VmUsage first = usage.get(0);
      assertThat(usage).as("%s: one from and length for all", name).allSatisfy(series -> {
        assertThat(series.from()).isEqualTo(first.from());
        assertThat(series.hourly()).hasSize(first.hourly().length);
      });
      assertThat(first.hourly()).as("%s, %s", name, lookBack).hasSize(lookBack.hours());
      assertThat(first.to()).as("ends before now, within the day Partner Center lags")
          .isBeforeOrEqualTo(CLOCK.instant()).isAfter(CLOCK.instant().minus(Duration.ofHours(36)));
      assertThat(usage).allSatisfy(series -> assertThat(Arrays.stream(series.hourly()).min().orElse(0)).isNotNegative());
    }
  }

  @Test
  void azureRecommendations_forCustomersWhoseTenantThePartnerMayRead() {
    String contoso = customer("Contoso Ltd");
    List<AzureRecommendation> contosos = usage().azureRecommendations(contoso, LookBack.LAST_30_DAYS);
    assertThat(contosos).isNotEmpty().allSatisfy(r -> {
      assertThat(r.subscriptionId()).isEqualTo(azureSubscription(contoso, "Contoso Production"));
      assertThat(r.armRegionName()).isEqualTo("westeurope");
      assertThat(r.scope()).isEqualTo("Single");
      assertThat(r.term()).isIn("P1Y", "P3Y");
      assertThat(r.lookBack()).isEqualTo(LookBack.LAST_30_DAYS);
      assertThat(r.netSavings()).isPositive();
      assertThat(r.costWithNoReservedInstances().subtract(r.totalCostWithReservedInstances())).isEqualByComparingTo(r.netSavings());
    });
    AzureRecommendation dsv5 = contosos.stream().filter(r -> "Dsv5 Series".equals(r.instanceFlexibilityGroup()) && r.term().equals("P1Y"))
        .findFirst().orElseThrow();
    assertThat(dsv5.normalizedSize()).isEqualTo("Standard_D2s_v5");
    assertThat(dsv5.recommendedQuantityNormalized().doubleValue()).as("8 × D4s_v5 + 4 × D2s_v5 = 20 D2s_v5").isCloseTo(20, within(1.0));
    assertThat(contosos).as("Azure knows nothing of the GPU restriction").anyMatch(r -> r.armSkuName().equals("Standard_NC6s_v3"));

    String tailspin = customer("Tailspin Toys");
    AzureRecommendation lastWeek = oneYear(usage().azureRecommendations(tailspin, LookBack.LAST_7_DAYS));
    AzureRecommendation lastTwoMonths = oneYear(usage().azureRecommendations(tailspin, LookBack.LAST_60_DAYS));
    assertThat(lastWeek.armSkuName()).isEqualTo("Standard_E4s_v5");
    assertThat(lastWeek.recommendedQuantity()).as("growing: the short look-back buys more").isGreaterThan(lastTwoMonths.recommendedQuantity());

    for (String name : List.of("Adventure Works Cycles", "Woodgrove Consulting", "Proseware Health", "Fourth Coffee Logistics")) {
      assertThat(usage().azureRecommendations(customer(name), LookBack.LAST_30_DAYS)).as("%s: no access to its tenant", name).isEmpty();
    }
  }

  // --- helpers ---

  private String customer(String companyName) {
    return partnerCenter().searchCustomers(CustomerSearchField.COMPANY_NAME, companyName, 5).stream()
        .filter(c -> c.companyName().equals(companyName)).map(Customer::id).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No demo customer " + companyName));
  }

  private String azureSubscription(String customerId, String friendlyName) {
    Subscription plan = partnerCenter().getSubscriptions(customerId).stream().filter(Subscription::isAzurePlan).findFirst().orElseThrow();
    return partnerCenter().getAzureEntitlements(customerId, plan.id()).stream().filter(e -> e.friendlyName().equals(friendlyName))
        .map(AzureEntitlement::subscriptionId).findFirst().orElseThrow();
  }

  private boolean restricted(String customerId, String azureSubscriptionId, String region, String size) {
    List<ReservationSku> skus = partnerCenter().getReservationSkus("US").stream()
        .filter(s -> size.equals(s.vmSize() == null ? null : s.vmSize().armSkuName()) && s.armRegionName().equals(region)).toList();
    assertThat(skus).as("%s is sold in %s", size, region).isNotEmpty();
    List<InventoryResult> results = partnerCenter().checkInventory("US", new InventoryContext(customerId, azureSubscriptionId, region),
        skus.stream().map(ReservationSku::key).toList());
    return results.stream().allMatch(InventoryResult::isRestricted);
  }

  private VmUsage series(String customerId, String size) {
    return usage().vmUsage(customerId, LookBack.LAST_60_DAYS).stream().filter(s -> s.armSkuName().equals(size)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + size + " usage"));
  }

  private static AzureRecommendation oneYear(List<AzureRecommendation> recommendations) {
    return recommendations.stream().filter(r -> r.term().equals("P1Y")).findFirst().orElseThrow();
  }

  /** VM hours per day of the series, counting days from its first hour. */
  static double[] dailyTotals(VmUsage series) {
    double[] days = new double[series.hourly().length / 24];
    for (int h = 0; h < days.length * 24; h++) {
      days[h / 24] += series.hourly()[h];
    }
    return days;
  }

  /** VM hours per whole UTC day of the series. */
  static Map<LocalDate, Double> wholeDays(VmUsage series) {
    Map<LocalDate, Double> days = new TreeMap<>();
    Map<LocalDate, Integer> hours = new TreeMap<>();
    for (int h = 0; h < series.hourly().length; h++) {
      LocalDate day = series.from().plus(Duration.ofHours(h)).atZone(ZoneOffset.UTC).toLocalDate();
      days.merge(day, series.hourly()[h], Double::sum);
      hours.merge(day, 1, Integer::sum);
    }
    days.keySet().removeIf(day -> hours.get(day) < 24);
    return days;
  }

  private static double average(double[] values, int from, int to) {
    return Arrays.stream(values, from, to).average().orElseThrow();
  }

  private static double perHour(List<VmUsage> usage) {
    return usage.stream().mapToDouble(VmUsage::total).sum() / usage.get(0).hourly().length;
  }
}
