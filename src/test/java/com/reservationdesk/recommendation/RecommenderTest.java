package com.reservationdesk.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservationdesk.catalog.CatalogService;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.InventoryResult;
import com.reservationdesk.partnercenter.PartnerCenter;
import com.reservationdesk.partnercenter.ReservationSku;
import com.reservationdesk.partnercenter.ReservationType;
import com.reservationdesk.partnercenter.Term;
import com.reservationdesk.partnercenter.VmSize;
import com.reservationdesk.policy.RecommendationPolicy.Kind;
import com.reservationdesk.policy.RecommendationPolicy;
import com.reservationdesk.policy.RuleTables;
import com.reservationdesk.pricing.ComputePrices;
import com.reservationdesk.pricing.Currencies;
import com.reservationdesk.pricing.PricingProperties;
import com.reservationdesk.pricing.VmHourlyPrices;
import com.reservationdesk.usage.VmUsage.Granularity;
import com.reservationdesk.usage.VmUsage;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Recommendations on one day of usage, small enough to follow by hand. The catalog sells the Dsv5 group in West Europe
 * (D2s_v5 ratio 1, D4s_v5 ratio 2) and one GPU size the subscription may not buy; D2s_v5 costs 0.20 an hour
 * pay-as-you-go, 0.10 an hour reserved for a year (876 for 8,760 hours), 0.05 for three years (1,314 for 26,280), and
 * 0.15 / 0.12 an hour under a 1- / 3-year savings plan; D4s_v5 twice that.
 */
class RecommenderTest {

  private static final Instant TO = Instant.parse("2026-11-30T00:00:00Z");
  private static final Instant FROM = TO.minus(Duration.ofHours(24));
  private static final Recommender.Customer CUSTOMER = new Recommender.Customer("customer-1", "US", "subscription-1");

  private final Recommender recommender = new Recommender(new CatalogService(partnerCenter(), currencies(), 25, Duration.ofHours(12)),
      prices(), currencies(), new RecommendationPolicy(tables()));

  /**
   * Two D4s_v5 all day and one D2s_v5 for 12 hours: 4 units of D2s_v5 all day, 5 for half of it, 108 unit-hours
   * costing 21.60 pay-as-you-go (0.20 a unit-hour). Three years (break-even 25 %): the fifth unit is used half the day,
   * so 5 units, used 108 of 120 unit-hours (90 %), costing 6.00: saves 15.60 a day, 474.50 a month (730 hours). One
   * year (break-even 50 %): the fifth unit is used exactly at the break-even and does not pay, so 4 units (2 × D4s_v5),
   * costing 9.60 reserved plus 2.40 pay-as-you-go: saves 9.60 a day, 292 a month.
   */
  @Test
  void reservesPerFlexibilityGroupInNormalizedUnits_bestQuantityForEachTerm() {
    Recommendations result = recommend(series("Standard_D4s_v5", "westeurope", constant(2)),
        series("Standard_D2s_v5", "westeurope", halfDay(1)));

    Recommendation threeYears = result.recommendations().get(0);
    assertThat(threeYears.id()).isEqualTo("R1");
    assertThat(threeYears.term()).isEqualTo(Term.THREE_YEARS);
    assertThat(threeYears.normalizedUnits()).isEqualByComparingTo("5");
    assertThat(threeYears.armSkuName()).as("5 units are no whole number of D4s_v5").isEqualTo("Standard_D2s_v5");
    assertThat(threeYears.quantity()).isEqualTo(5);
    assertThat(threeYears.reference()).isEqualTo("DZH318Z0BQ4F:D2S3");
    assertThat(threeYears.expectedUtilization()).isEqualByComparingTo("90.0");
    assertThat(threeYears.breakEvenUtilization()).isEqualByComparingTo("25.0");
    assertThat(threeYears.costWithout()).isEqualByComparingTo("21.60");
    assertThat(threeYears.costWith()).isEqualByComparingTo("6.00");
    assertThat(threeYears.netSavings()).isEqualByComparingTo("15.60");
    assertThat(threeYears.monthlySaving()).isEqualByComparingTo("474.50");
    assertThat(threeYears.termSaving()).isEqualByComparingTo("17082.00");
    assertThat(threeYears.basis()).contains("2.0 \u00d7 Standard_D4s_v5", "0.5 \u00d7 Standard_D2s_v5", "4.5 D2s_v5 units on average",
        "5.0 at the peak");
    assertThat(threeYears.chart().level()).isEqualTo(5);

    Recommendation oneYear = result.recommendations().get(1);
    assertThat(oneYear.term()).isEqualTo(Term.ONE_YEAR);
    assertThat(oneYear.normalizedUnits()).isEqualByComparingTo("4");
    assertThat(oneYear.armSkuName()).as("4 units are 2 D4s_v5, the size the customer runs").isEqualTo("Standard_D4s_v5");
    assertThat(oneYear.quantity()).isEqualTo(2);
    assertThat(oneYear.expectedUtilization()).isEqualByComparingTo("100.0");
    assertThat(oneYear.breakEvenUtilization()).isEqualByComparingTo("50.0");
    assertThat(oneYear.costWith()).isEqualByComparingTo("12.00");
    assertThat(oneYear.monthlySaving()).isEqualByComparingTo("292.00");
  }

  /**
   * The same usage under a savings plan: 3 years, the hours cost 0.60 (12 hours) and 0.48 (12 hours) at plan prices,
   * 1.00 and 0.80 pay-as-you-go. Committing above 0.48 would be used in only 12 of the 24 hours, each worth 1/0.6 of
   * plan prices: 20 < 24, so 0.48 an hour, used fully, costing 11.52 plus 12 × 0.12 × 1.0/0.6 = 2.40: saves 7.68 a
   * day, 233.60 a month. One year: 0.75 and 0.60 at plan prices; 0.60 an hour saves 21.60 − (14.40 + 2.40) = 4.80.
   */
  @Test
  void aSavingsPlanCommitsWhatTheUsageSpendsInNearlyEveryHour() {
    Recommendations result = recommend(series("Standard_D4s_v5", "westeurope", constant(2)),
        series("Standard_D2s_v5", "westeurope", halfDay(1)));

    Recommendation threeYears = result.recommendations().stream().filter(r -> r.id().equals("S3Y")).findFirst().orElseThrow();
    assertThat(threeYears.kind()).isEqualTo(Kind.SAVINGS_PLAN);
    assertThat(threeYears.hourlyCommitment()).isEqualByComparingTo("0.48");
    assertThat(threeYears.expectedUtilization()).isEqualByComparingTo("100.0");
    assertThat(threeYears.costWithout()).isEqualByComparingTo("21.60");
    assertThat(threeYears.costWith()).isEqualByComparingTo("13.92");
    assertThat(threeYears.monthlySaving()).isEqualByComparingTo("233.60");
    assertThat(threeYears.reference()).isNull();
    Recommendation oneYear = result.recommendations().stream().filter(r -> r.id().equals("S1Y")).findFirst().orElseThrow();
    assertThat(oneYear.hourlyCommitment()).isEqualByComparingTo("0.60");
    assertThat(oneYear.netSavings()).isEqualByComparingTo("4.80");
    assertThat(result.summary()).contains("2 reservations", "a savings plan saving $233.60 a month");
  }

  /** Two D2s_v5 all day and ten more for four hours: the peak runs in 17 % of the hours, under any break-even. */
  @Test
  void aSpikeIsLeftToPayAsYouGo_theBaseIsReserved() {
    double[] spiky = constant(2);
    for (int h = 9; h < 13; h++) {
      spiky[h] = 12;
    }
    Recommendation threeYears = recommend(series("Standard_D2s_v5", "westeurope", spiky)).recommendations().get(0);
    assertThat(threeYears.normalizedUnits()).isEqualByComparingTo("2");
    assertThat(threeYears.chart().max()).isEqualTo(12);
  }

  /**
   * The rules ask 80 % for three years. 4 D2s_v5 all day and 2 more for 8 hours: the fifth and sixth units are used in
   * a third of the hours, above the break-even (25 %), so 6 would save the most; but 6 are used only 112 of 144
   * unit-hours (77.8 %), and 5 are used 104 of 120 (86.7 %): so 5.
   */
  @Test
  void aMinimumUtilizationFromTheRulesLowersTheQuantity_andSaysSo() {
    double[] usage = constant(4);
    for (int h = 0; h < 8; h++) {
      usage[h] = 6;
    }
    Recommendation threeYears = recommend(series("Standard_D2s_v5", "westeurope", usage)).recommendations().get(0);
    // 6 units: used 4·24 + 2·8 = 112 of 144 = 77.8 % < 80 %; 5 units: 96 + 8 = 104 of 120 = 86.7 %.
    assertThat(threeYears.normalizedUnits()).isEqualByComparingTo("5");
    assertThat(threeYears.lowered()).contains("6 units would save the most", "80 %");
    assertThat(threeYears.expectedUtilization()).isEqualByComparingTo("86.7");
  }

  @Test
  void aSizeTheSubscriptionMayNotBuyIsRecommendedWithTheReason_notOfferedToBuy() {
    Recommendations result = recommend(series("Standard_NC6s_v3", "westeurope", constant(1)));
    assertThat(result.recommendations()).filteredOn(r -> !r.isSavingsPlan()).isNotEmpty()
        .allSatisfy(r -> assertThat(r.restriction()).isEqualTo("No GPU quota on this subscription."));
    assertThat(result.buyable()).allMatch(Recommendation::isSavingsPlan);
  }

  @Test
  void noUsage_nothingToRecommend_andTinyUsageSavesTooLittle() {
    Recommendations none = recommend();
    assertThat(none.recommendations()).isEmpty();
    assertThat(none.summary()).isEqualTo("No pay-as-you-go VM usage in the last 1 days: nothing to recommend.");

    double[] tiny = new double[24];
    tiny[3] = 1;
    tiny[4] = 1;
    Recommendations little = recommend(series("Standard_D2s_v5", "westeurope", constant(1)));
    assertThat(little.recommendations()).filteredOn(r -> !r.isSavingsPlan()).isNotEmpty();
    Recommendations tooLittle = recommend(series("Standard_D2s_v5", "westeurope", tiny));
    assertThat(tooLittle.recommendations()).isEmpty();
    assertThat(tooLittle.notes()).anySatisfy(note -> assertThat(note).contains("no reservation pays"));
  }

  @Test
  void usageTheCustomersReservationsAlreadyCover_leavesNothingToRecommend_andSaysSo() {
    Recommendations covered = recommend(new VmUsage("subscription-1", "westeurope", "Standard_D4s_v5", FROM, new double[24], 144,
        Granularity.HOURLY));
    assertThat(covered.recommendations()).isEmpty();
    assertThat(covered.summary()).isEqualTo("All 144 VM hours of the last 1 days ran under the customer's reservations or savings "
        + "plans: nothing left to recommend.");
  }

  @Test
  void usageBeforeTheLookBackIsLeftOut_andAPriceListWithoutTheSizeIsSaid() {
    VmUsage early = new VmUsage("subscription-1", "westeurope", "Standard_D2s_v5", FROM.minus(Duration.ofHours(24)), constant(5),
        0, Granularity.HOURLY);
    assertThat(recommend(early).recommendations()).isEmpty();
    Recommendations unpriced = recommend(series("Standard_D8s_v5", "westeurope", constant(3)));
    assertThat(unpriced.notes()).anySatisfy(note -> assertThat(note).contains("Standard_D8s_v5", "no pay-as-you-go price"));
  }

  private Recommendations recommend(VmUsage... usage) {
    return recommender.recommend(CUSTOMER, 1, TO, List.of(usage), List.of());
  }

  private static VmUsage series(String size, String region, double[] hourly) {
    return new VmUsage("subscription-1", region, size, FROM, hourly, 0, Granularity.HOURLY);
  }

  private static double[] constant(double value) {
    double[] hours = new double[24];
    Arrays.fill(hours, value);
    return hours;
  }

  private static double[] halfDay(double value) {
    double[] hours = new double[24];
    Arrays.fill(hours, 12, 24, value);
    return hours;
  }

  private static PartnerCenter partnerCenter() {
    List<ReservationSku> skus = new ArrayList<>();
    skus.add(vm("D2S1", "Standard_D2s_v5", 1, "Dsv5 Series", "P1Y", "876"));
    skus.add(vm("D2S3", "Standard_D2s_v5", 1, "Dsv5 Series", "P3Y", "1314"));
    skus.add(vm("D4S1", "Standard_D4s_v5", 2, "Dsv5 Series", "P1Y", "1752"));
    skus.add(vm("D4S3", "Standard_D4s_v5", 2, "Dsv5 Series", "P3Y", "2628"));
    skus.add(vm("NC63", "Standard_NC6s_v3", 1, "NCv3 Series", "P3Y", "20000"));
    return (PartnerCenter) Proxy.newProxyInstance(RecommenderTest.class.getClassLoader(), new Class<?>[] {PartnerCenter.class},
        (proxy, method, arguments) -> switch (method.getName()) {
          case "getReservationSkus" -> skus;
          case "priceBasis" -> "Test prices.";
          case "checkInventory" -> {
            @SuppressWarnings("unchecked")
            List<String> keys = (List<String>) arguments[2];
            yield keys.stream().map(key -> {
              String[] parts = key.split(":");
              boolean gpu = parts[1].startsWith("NC");
              return new InventoryResult(parts[0], parts[1], gpu,
                  gpu ? List.of(new InventoryResult.Restriction("NotAvailableForSubscription", "No GPU quota on this subscription."))
                      : List.of());
            }).toList();
          }
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  private static ReservationSku vm(String skuId, String size, int ratio, String group, String term, String price) {
    return new ReservationSku("DZH318Z0BQ4F", skuId, ReservationType.VIRTUAL_MACHINES, "Reserved VM Instance, " + size,
        size.substring("Standard_".length()).replace('_', ' '), new VmSize(size, group.replace(" Series", ""), "General purpose", 2 * ratio,
            BigDecimal.valueOf(8L * ratio), group, BigDecimal.valueOf(ratio)),
        null, null, "westeurope", "EU West", term, 1, 1000, Set.of(BillingPlan.UPFRONT, BillingPlan.MONTHLY), new BigDecimal(price), "USD");
  }

  private static ComputePrices prices() {
    Map<String, VmHourlyPrices> prices = Map.of(
        "Standard_D2s_v5", new VmHourlyPrices("westeurope", "Standard_D2s_v5", new BigDecimal("0.20"), new BigDecimal("0.15"),
            new BigDecimal("0.12"), "USD"),
        "Standard_D4s_v5", new VmHourlyPrices("westeurope", "Standard_D4s_v5", new BigDecimal("0.40"), new BigDecimal("0.30"),
            new BigDecimal("0.24"), "USD"),
        "Standard_NC6s_v3", new VmHourlyPrices("westeurope", "Standard_NC6s_v3", new BigDecimal("3.06"), new BigDecimal("2.30"),
            new BigDecimal("1.90"), "USD"));
    return (region, size) -> Optional.ofNullable(prices.get(size));
  }

  private static Currencies currencies() {
    return new Currencies(new PricingProperties(Map.of("US", "USD"), "USD", Map.of(), "USD", "test"));
  }

  /** RecommendationRules.dmn's thresholds as shipped: 80 % for three years, 70 % for one, 90 % for savings plans, USD 20 a month. */
  private static RuleTables tables() {
    return (table, inputs) -> switch (table) {
      case "RecommendationThresholds" -> switch (inputs.get("kind") + "|" + inputs.get("term")) {
        case "reservation|P3Y" -> Map.of("minimumUtilizationPercent", 80.0, "minimumMonthlySavingUsd", 20.0);
        case "reservation|P1Y" -> Map.of("minimumUtilizationPercent", 70.0, "minimumMonthlySavingUsd", 20.0);
        default -> Map.of("minimumUtilizationPercent", 90.0, "minimumMonthlySavingUsd", 20.0);
      };
      case "RecommendationLookBack" -> Map.of("lookBackDays", 30);
      default -> throw new IllegalArgumentException(table);
    };
  }
}
