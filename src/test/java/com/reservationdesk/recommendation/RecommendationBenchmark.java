package com.reservationdesk.recommendation;

import com.reservationdesk.catalog.CatalogService;
import com.reservationdesk.partnercenter.InventoryResult;
import com.reservationdesk.partnercenter.PartnerCenter;
import com.reservationdesk.partnercenter.ReservationSku;
import com.reservationdesk.partnercenter.pricelist.PriceListComputePrices;
import com.reservationdesk.partnercenter.pricelist.RetailPriceList;
import com.reservationdesk.partnercenter.pricelist.RetailPriceListProperties;
import com.reservationdesk.policy.RecommendationPolicy;
import com.reservationdesk.policy.RuleTables;
import com.reservationdesk.pricing.ComputePrices;
import com.reservationdesk.pricing.Currencies;
import com.reservationdesk.pricing.PricingProperties;
import com.reservationdesk.pricing.VmHourlyPrices;
import com.reservationdesk.usage.VmUsage;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.core.io.ClassPathResource;

/**
 * Recommendation benchmark (issue 16): a customer with 60 days of hourly usage of 2,000 VMs in 10 regions, every VM its
 * own series (the worst case: a usage source that aggregates by subscription, region and size gives fewer), on the demo
 * price list's reservations and pay-as-you-go prices, through the real {@link Recommender}. Prints load, latency
 * p50/p95/max of a whole recommendation, the memory the usage takes and what one recommendation allocates; asserts
 * nothing. Run with {@code bin/benchmark-recommendation [VMs] [regions] [days]}.
 *
 * <p>Target (2-core machine): p95 ≤ 200 ms.
 */
public final class RecommendationBenchmark {

  private static final int WARM_UP = 20;
  private static final int MEASURED = 200;

  public static void main(String[] args) {
    int vms = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    int regionCount = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int days = args.length > 2 ? Integer.parseInt(args[2]) : 60;
    System.out.printf(Locale.ROOT, "JVM: %s %s, %d CPUs, max heap %d MB%n", System.getProperty("java.vm.name"),
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

    long started = System.nanoTime();
    RetailPriceList priceList = new RetailPriceList(new RetailPriceListProperties(
        new ClassPathResource("partnercenter/catalog/retail-prices-reservations.json"),
        new ClassPathResource("partnercenter/catalog/azure-regions.csv"), new ClassPathResource("partnercenter/catalog/vm-sizes.csv"),
        List.of("Red Hat", "SUSE", "Databricks")));
    Currencies currencies = new Currencies(new PricingProperties(Map.of("US", "USD"), "USD", Map.of(), "USD", "benchmark"));
    CatalogService catalog = new CatalogService(partnerCenterServing(priceList.skus()), currencies, 25, Duration.ofHours(12));
    catalog.index("US");
    ComputePrices prices = new PriceListComputePrices(priceList);
    Recommender recommender = new Recommender(catalog, prices, currencies, new RecommendationPolicy(shippedRules()));
    System.out.printf(Locale.ROOT, "Price list: %,d reservation SKUs, %,d pay-as-you-go prices, loaded and indexed in %d ms%n",
        priceList.skus().size(), priceList.vmPrices().size(), (System.nanoTime() - started) / 1_000_000);

    Instant to = Instant.parse("2026-11-30T00:00:00Z");
    long heapBefore = usedHeapAfterGc();
    List<VmUsage> usage = fleet(priceList, vms, regionCount, days, to);
    long heapAfter = usedHeapAfterGc();
    System.out.printf(Locale.ROOT, "Usage: %,d VMs in %d regions, %d days hourly = %,d series × %,d hours, %.1f MB on the heap%n",
        vms, regionCount, days, usage.size(), days * 24, (heapAfter - heapBefore) / 1e6);

    Recommender.Customer customer = new Recommender.Customer("benchmark-customer", "US", "benchmark-subscription");
    Recommendations last = null;
    for (int i = 0; i < WARM_UP; i++) {
      last = recommender.recommend(customer, days, to, usage, List.of());
    }
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long[] nanos = new long[MEASURED];
    long allocated = 0;
    for (int i = 0; i < MEASURED; i++) {
      long bytesBefore = threads.getCurrentThreadAllocatedBytes();
      long start = System.nanoTime();
      last = recommender.recommend(customer, days, to, usage, List.of());
      nanos[i] = System.nanoTime() - start;
      allocated += threads.getCurrentThreadAllocatedBytes() - bytesBefore;
    }
    Arrays.sort(nanos);
    System.out.printf(Locale.ROOT, "Recommendation (warm, %d runs): p50 %.1f ms, p95 %.1f ms, max %.1f ms (target p95 <= 200 ms)%n",
        MEASURED, nanos[MEASURED / 2] / 1e6, nanos[(int) Math.ceil(MEASURED * 0.95) - 1] / 1e6, nanos[MEASURED - 1] / 1e6);
    System.out.printf(Locale.ROOT, "Allocated per recommendation: %.1f MB%n", allocated / (double) MEASURED / 1e6);
    System.out.printf(Locale.ROOT, "Result: %d recommendations (%d reservations, %d savings plans), %d notes; %s%n",
        last.recommendations().size(), last.recommendations().stream().filter(r -> !r.isSavingsPlan()).count(),
        last.recommendations().stream().filter(Recommendation::isSavingsPlan).count(), last.notes().size(), last.summary());
  }

  /**
   * The fleet: each VM a size of the price list sold as a reservation in its region, running one of five patterns —
   * around the clock, business hours on weekdays, from a day on (growth), on some days only, or a small base with
   * spikes — with a little noise. Deterministic.
   */
  static List<VmUsage> fleet(RetailPriceList priceList, int vms, int regionCount, int days, Instant to) {
    Set<String> reservable = priceList.skus().stream().filter(s -> s.vmSize() != null)
        .map(s -> s.armRegionName() + "|" + s.vmSize().armSkuName()).collect(Collectors.toSet());
    Map<String, List<String>> sizesByRegion = new TreeMap<>();
    for (VmHourlyPrices price : priceList.vmPrices()) {
      if (reservable.contains(price.armRegionName() + "|" + price.armSkuName())) {
        sizesByRegion.computeIfAbsent(price.armRegionName(), r -> new ArrayList<>()).add(price.armSkuName());
      }
    }
    List<String> regions = sizesByRegion.entrySet().stream().sorted(Comparator.comparing(e -> -e.getValue().size()))
        .limit(regionCount).map(Map.Entry::getKey).sorted().toList();
    Random random = new Random(16);
    int hours = days * 24;
    Instant from = to.minus(hours, ChronoUnit.HOURS);
    List<VmUsage> fleet = new ArrayList<>(vms);
    for (int vm = 0; vm < vms; vm++) {
      String region = regions.get(vm % regions.size());
      List<String> sizes = sizesByRegion.get(region);
      // Most fleets use a few sizes a lot: the first sizes of the region's list far more often than the rest.
      String size = sizes.get(Math.min(sizes.size() - 1, (int) Math.floor(Math.abs(random.nextGaussian()) * 6)));
      double[] hourly = new double[hours];
      int pattern = vm % 5;
      int startDay = random.nextInt(days);
      for (int h = 0; h < hours; h++) {
        int day = h / 24;
        int hourOfDay = h % 24;
        boolean weekday = (day + 3) % 7 < 5;
        double running = switch (pattern) {
          case 0 -> 1;
          case 1 -> weekday && hourOfDay >= 7 && hourOfDay < 19 ? 1 : 0;
          case 2 -> day >= startDay ? 1 : 0;
          case 3 -> (day * 7 + vm) % 3 == 0 ? 0 : 1;
          default -> hourOfDay >= 9 && hourOfDay < 12 ? 1 : 0.2;
        };
        hourly[h] = running > 0 ? Math.max(0, running - random.nextDouble() * 0.05) : 0;
      }
      fleet.add(new VmUsage("subscription-" + (vm % 7), region, size, from, hourly, 0, VmUsage.Granularity.HOURLY));
    }
    return fleet;
  }

  /** RecommendationRules.dmn as shipped: 80 % for three years, 70 % for one, 90 % for savings plans, USD 20 a month. */
  private static RuleTables shippedRules() {
    return (table, inputs) -> switch (inputs.get("kind") + "|" + inputs.get("term")) {
      case "reservation|P3Y" -> Map.of("minimumUtilizationPercent", 80.0, "minimumMonthlySavingUsd", 20.0);
      case "reservation|P1Y" -> Map.of("minimumUtilizationPercent", 70.0, "minimumMonthlySavingUsd", 20.0);
      default -> Map.of("minimumUtilizationPercent", 90.0, "minimumMonthlySavingUsd", 20.0);
    };
  }

  /** The SKUs, and an inventory check that restricts nothing (one call per region a recommendation checks). */
  private static PartnerCenter partnerCenterServing(List<ReservationSku> skus) {
    return (PartnerCenter) Proxy.newProxyInstance(RecommendationBenchmark.class.getClassLoader(), new Class<?>[] {PartnerCenter.class},
        (proxy, method, arguments) -> switch (method.getName()) {
          case "getReservationSkus" -> skus;
          case "priceBasis" -> "Indicative list prices.";
          case "checkInventory" -> {
            @SuppressWarnings("unchecked")
            List<String> keys = (List<String>) arguments[2];
            yield keys.stream().map(key -> new InventoryResult(key.split(":")[0], key.split(":")[1], false, List.of())).toList();
          }
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private RecommendationBenchmark() {}
}
