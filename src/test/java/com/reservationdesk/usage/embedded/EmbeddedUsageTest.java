package com.reservationdesk.usage.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.reservationdesk.partnercenter.AzureEntitlement;
import com.reservationdesk.partnercenter.CustomerSearchField;
import com.reservationdesk.partnercenter.PartnerProperties;
import com.reservationdesk.partnercenter.ReservationSku;
import com.reservationdesk.partnercenter.StandaloneEmbeddedPartnerCenter;
import com.reservationdesk.partnercenter.Subscription;
import com.reservationdesk.partnercenter.SubscriptionStatus;
import com.reservationdesk.usage.AzureRecommendation;
import com.reservationdesk.usage.LookBack;
import com.reservationdesk.usage.StandaloneEmbeddedUsage;
import com.reservationdesk.usage.UsageSourceContract;
import com.reservationdesk.usage.VmUsage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The embedded usage's own promises: a demo that is the same everywhere, never stale, seeded once, on real catalog data. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedUsageTest {

  private static final Clock CLOCK = UsageSourceContract.CLOCK;

  private final StandaloneEmbeddedUsage embedded = new StandaloneEmbeddedUsage(CLOCK);

  @Test
  void anHourShowsTheSameUsage_onEveryCallAndMachine_whenTheClockMoves() {
    String contoso = customer("Contoso Ltd");
    List<VmUsage> first = embedded.usage().vmUsage(contoso, LookBack.LAST_30_DAYS);
    StandaloneEmbeddedUsage elsewhere = new StandaloneEmbeddedUsage(Clock.offset(CLOCK, Duration.ofHours(5)));
    List<VmUsage> later = elsewhere.usage().vmUsage(contoso, LookBack.LAST_30_DAYS);
    assertThat(embedded.usage().vmUsage(contoso, LookBack.LAST_30_DAYS).get(1).hourly()).isEqualTo(first.get(1).hourly());
    assertThat(later.get(1).from()).isEqualTo(first.get(1).from().plus(Duration.ofHours(5)));
    double[] shifted = Arrays.copyOfRange(first.get(1).hourly(), 5, first.get(1).hourly().length);
    assertThat(Arrays.copyOf(later.get(1).hourly(), shifted.length)).as("the same hours, five hours later").isEqualTo(shifted);
  }

  @Test
  void theDemoNeverGoesStale() {
    Clock nextYear = Clock.fixed(Instant.parse("2028-03-15T12:00:00Z"), ZoneOffset.UTC);
    StandaloneEmbeddedUsage later = new StandaloneEmbeddedUsage(nextYear);
    VmUsage tailspin = later.usage().vmUsage(customer("Tailspin Toys"), LookBack.LAST_60_DAYS).get(0);
    assertThat(tailspin.to()).isEqualTo(Instant.parse("2028-03-15T12:00:00Z"));
    double[] hourly = tailspin.hourly();
    assertThat(Arrays.stream(hourly, 0, 24).average().orElseThrow()).as("2 instances 60 days ago").isCloseTo(2, within(0.3));
    assertThat(Arrays.stream(hourly, hourly.length - 24, hourly.length).average().orElseThrow()).as("10 now").isCloseTo(10, within(0.5));
  }

  @Test
  void hoursCarryALittleNoise_aroundTheFleet() {
    VmUsage d4s = embedded.usage().vmUsage(customer("Contoso Ltd"), LookBack.LAST_7_DAYS).get(1);
    assertThat(d4s.armSkuName()).isEqualTo("Standard_D4s_v5");
    double[] hourly = d4s.hourly();
    assertThat(Arrays.stream(hourly).distinct().count()).as("not a flat line").isGreaterThan(100);
    assertThat(Arrays.stream(hourly).min().orElseThrow()).isGreaterThanOrEqualTo(8 * 0.98 - 1e-9);
    assertThat(Arrays.stream(hourly).max().orElseThrow()).isLessThanOrEqualTo(8 * 1.02 + 1e-9);
  }

  @Test
  void profilesAreSeededIntoAnEmptyTableOnly() {
    StandaloneEmbeddedUsage fresh = new StandaloneEmbeddedUsage(CLOCK);
    StandaloneEmbeddedPartnerCenter partnerCenter = fresh.embeddedPartnerCenter();
    JdbcTemplate jdbc = new JdbcTemplate(partnerCenter.dataSource());
    UsageProfileSeeder seeder = new UsageProfileSeeder(jdbc, new DataSourceTransactionManager(partnerCenter.dataSource()),
        new PartnerProperties(PartnerProperties.PartnerModel.INDIRECT_PROVIDER, "Test", "embedded", true));
    assertThat(profiles(jdbc)).isEqualTo(12);

    jdbc.update("delete from pc_usage_profile where arm_sku_name = 'Standard_NC6s_v3'");
    seeder.afterPropertiesSet();
    assertThat(profiles(jdbc)).as("an operator's change is kept").isEqualTo(11);

    jdbc.update("delete from pc_usage_profile");
    jdbc.update("delete from pc_azure_tenant_access");
    seeder.afterPropertiesSet();
    assertThat(profiles(jdbc)).as("a database seeded before usage existed gets the profiles").isEqualTo(12);
    assertThat(jdbc.queryForObject("select count(*) from pc_azure_tenant_access", Integer.class)).isEqualTo(2);

    jdbc.update("delete from pc_usage_profile");
    new UsageProfileSeeder(jdbc, new DataSourceTransactionManager(partnerCenter.dataSource()),
        new PartnerProperties(PartnerProperties.PartnerModel.INDIRECT_PROVIDER, "Test", "embedded", false)).afterPropertiesSet();
    assertThat(profiles(jdbc)).as("no demo data wanted").isZero();
  }

  @Test
  void everyProfileRunsASizeTheCatalogSellsInItsRegion_inAnActiveAzureSubscriptionOfItsCustomer() {
    List<ReservationSku> catalog = embedded.embeddedPartnerCenter().catalog().skus();
    List<Map<String, Object>> profiles = new JdbcTemplate(embedded.embeddedPartnerCenter().dataSource())
        .queryForList("select customer_id, azure_subscription_id, arm_region_name, arm_sku_name from pc_usage_profile");
    assertThat(profiles).hasSize(12).allSatisfy(profile -> {
      String size = (String) profile.get("ARM_SKU_NAME");
      String region = (String) profile.get("ARM_REGION_NAME");
      assertThat(catalog).as("%s in %s", size, region).anyMatch(sku -> sku.vmSize() != null && sku.vmSize().armSkuName().equals(size)
          && sku.armRegionName().equals(region));
      String customerId = (String) profile.get("CUSTOMER_ID");
      Subscription plan = embedded.partnerCenter().getSubscriptions(customerId).stream().filter(Subscription::isAzurePlan).findFirst()
          .orElseThrow(() -> new AssertionError(customerId + " has no Azure plan"));
      assertThat(plan.status()).isEqualTo(SubscriptionStatus.ACTIVE);
      assertThat(embedded.partnerCenter().getAzureEntitlements(customerId, plan.id())).extracting(AzureEntitlement::subscriptionId)
          .contains((String) profile.get("AZURE_SUBSCRIPTION_ID"));
    });
  }

  @Test
  void azureStandIn_recommendsWhatRanInNineHoursOfTen() {
    AzureStandIn azure = new AzureStandIn(embedded.embeddedPartnerCenter().catalog().skus());
    double[] ninetyOfHundred = new double[100];
    Arrays.fill(ninetyOfHundred, 10, 100, 4);
    List<AzureRecommendation> recommendations = azure.recommend(List.of(series("Standard_D2s_v5", ninetyOfHundred)), LookBack.LAST_7_DAYS);
    assertThat(recommendations).extracting(AzureRecommendation::term).containsExactly("P1Y", "P3Y");
    AzureRecommendation oneYear = recommendations.get(0);
    assertThat(oneYear.recommendedQuantity()).isEqualByComparingTo("4");
    assertThat(oneYear.normalizedSize()).isEqualTo("Standard_D2s_v5");
    // By hand: D2s_v5 in westeurope costs 594.31 a year reserved: 0.067844 an hour, and 0.104376 pay-as-you-go (÷ 0.65).
    // 360 instance-hours pay-as-you-go: 37.58; 4 reserved for 100 hours: 27.14.
    assertThat(oneYear.costWithNoReservedInstances().doubleValue()).isCloseTo(37.58, within(0.01));
    assertThat(oneYear.totalCostWithReservedInstances().doubleValue()).isCloseTo(27.14, within(0.01));
    assertThat(oneYear.firstUsageDate()).isEqualTo(Instant.parse("2026-11-01T10:00:00Z"));

    double[] eightyOfHundred = new double[100];
    Arrays.fill(eightyOfHundred, 20, 100, 4);
    assertThat(azure.recommend(List.of(series("Standard_D2s_v5", eightyOfHundred)), LookBack.LAST_7_DAYS))
        .as("idle a fifth of the time: nothing runs in nine hours of ten").isEmpty();
  }

  @Test
  void azureStandIn_normalizesSizesOfOneFlexibilityGroup() {
    AzureStandIn azure = new AzureStandIn(embedded.embeddedPartnerCenter().catalog().skus());
    double[] three = new double[100];
    Arrays.fill(three, 3);
    double[] two = new double[100];
    Arrays.fill(two, 2);
    List<AzureRecommendation> recommendations = azure.recommend(List.of(series("Standard_D8s_v5", three), series("Standard_D2s_v5", two)),
        LookBack.LAST_30_DAYS);
    assertThat(recommendations).hasSize(2).allSatisfy(r -> {
      assertThat(r.armSkuName()).as("the size that ran most").isEqualTo("Standard_D8s_v5");
      assertThat(r.recommendedQuantity()).as("14 units are three D8s_v5 (4 units each)").isEqualByComparingTo("3");
      assertThat(r.recommendedQuantityNormalized()).isEqualByComparingTo("12");
      assertThat(r.instanceFlexibilityGroup()).isEqualTo("Dsv5 Series");
    });
  }

  private static VmUsage series(String size, double[] hourly) {
    return new VmUsage("sub", "westeurope", size, Instant.parse("2026-11-01T00:00:00Z"), hourly, 0, VmUsage.Granularity.HOURLY);
  }

  private static int profiles(JdbcTemplate jdbc) {
    return jdbc.queryForObject("select count(*) from pc_usage_profile", Integer.class);
  }

  private String customer(String companyName) {
    return embedded.partnerCenter().searchCustomers(CustomerSearchField.COMPANY_NAME, companyName, 5).stream()
        .filter(c -> c.companyName().equals(companyName)).findFirst().orElseThrow().id();
  }
}
