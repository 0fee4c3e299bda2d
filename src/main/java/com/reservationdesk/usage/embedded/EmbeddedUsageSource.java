package com.reservationdesk.usage.embedded;

import com.reservationdesk.partnercenter.embedded.EmbeddedPartnerCenterDatabase;
import com.reservationdesk.partnercenter.embedded.PartnerCenterCall;
import com.reservationdesk.partnercenter.embedded.UsageProfile;
import com.reservationdesk.partnercenter.pricelist.RetailPriceList;
import com.reservationdesk.usage.AzureRecommendation;
import com.reservationdesk.usage.LookBack;
import com.reservationdesk.usage.UnknownCustomerException;
import com.reservationdesk.usage.UsageSource;
import com.reservationdesk.usage.VmUsage;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo usage from the embedded Partner Center's usage profiles ({@link UsageProfileSeeder}): hourly series generated
 * from each profile for the look-back that ends at the start of the current hour, with a little noise that is the
 * same for the same hour on every call and machine. Azure's recommendations are a stand-in computed from the same
 * series ({@link AzureStandIn}), for the customers whose Azure tenant the demo partner may read.
 */
@Component
@ConditionalOnProperty(name = "reservation-desk.partner.mode", havingValue = "embedded", matchIfMissing = true)
public class EmbeddedUsageSource implements UsageSource {

  private final JdbcClient jdbc;
  private final RetailPriceList catalog;
  private final Clock clock;
  private volatile AzureStandIn azure;

  public EmbeddedUsageSource(@Qualifier(EmbeddedPartnerCenterDatabase.QUALIFIER) JdbcClient jdbc, RetailPriceList catalog,
      Clock clock) {
    this.jdbc = jdbc;
    this.catalog = catalog;
    this.clock = clock;
  }

  @Override
  @PartnerCenterCall
  public List<VmUsage> vmUsage(String customerId, LookBack lookBack) {
    return series(profiles(customerId), lookBack);
  }

  @Override
  @PartnerCenterCall
  public List<AzureRecommendation> azureRecommendations(String customerId, LookBack lookBack) {
    List<UsageProfile> profiles = profiles(customerId);
    boolean mayRead = jdbc.sql("select count(*) from pc_azure_tenant_access where customer_id = ?")
        .param(customerId.toLowerCase(Locale.ROOT)).query(Integer.class).single() > 0;
    if (!mayRead) {
      return List.of();
    }
    return azure().recommend(series(profiles, lookBack), lookBack);
  }

  /** The customer's profiles; an unknown customer is refused like Partner Center would (404). */
  private List<UsageProfile> profiles(String customerId) {
    String id = customerId == null ? "" : customerId.toLowerCase(Locale.ROOT);
    if (jdbc.sql("select count(*) from pc_customer where id = ?").param(id).query(Integer.class).single() == 0) {
      throw new UnknownCustomerException(customerId);
    }
    return UsageProfile.ofCustomer(jdbc, id);
  }

  /** One series per subscription, region and size (profiles on the same one add up); none for what did not run. */
  List<VmUsage> series(List<UsageProfile> profiles, LookBack lookBack) {
    long endHour = Math.floorDiv(clock.instant().getEpochSecond(), 3600);
    int hours = lookBack.hours();
    long fromHour = endHour - hours;
    Map<String, Accumulator> byKey = new TreeMap<>();
    for (UsageProfile profile : profiles) {
      Accumulator series = byKey.computeIfAbsent(profile.subscriptionId() + "|" + profile.armRegionName() + "|" + profile.armSkuName(),
          key -> new Accumulator(profile, new double[hours]));
      for (int h = 0; h < hours; h++) {
        long hour = fromHour + h;
        double running = profile.running(hour, UsageProfile.trend(hour, endHour));
        double covered = Math.min(running, profile.coveredInstances());
        series.payg[h] += running - covered;
        series.covered += covered;
      }
    }
    Instant from = Instant.ofEpochSecond(fromHour * 3600);
    List<VmUsage> usage = new ArrayList<>();
    for (Accumulator series : byKey.values()) {
      VmUsage one = new VmUsage(series.profile.subscriptionId(), series.profile.armRegionName(), series.profile.armSkuName(), from,
          series.payg, series.covered, VmUsage.Granularity.HOURLY);
      if (one.total() > 0 || one.coveredHours() > 0) {
        usage.add(one);
      }
    }
    usage.sort(Comparator.comparing(VmUsage::subscriptionId).thenComparing(VmUsage::armRegionName).thenComparing(VmUsage::armSkuName));
    return usage;
  }

  private AzureStandIn azure() {
    if (azure == null) {
      azure = new AzureStandIn(catalog.skus());
    }
    return azure;
  }

  private static final class Accumulator {
    private final UsageProfile profile;
    private final double[] payg;
    private double covered;

    private Accumulator(UsageProfile profile, double[] payg) {
      this.profile = profile;
      this.payg = payg;
    }
  }
}
