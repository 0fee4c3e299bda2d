package com.reservationdesk.catalog;

import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.InventoryContext;
import com.reservationdesk.partnercenter.InventoryResult;
import com.reservationdesk.partnercenter.PartnerCenter;
import com.reservationdesk.partnercenter.ReservationSku;
import com.reservationdesk.partnercenter.ReservationType;
import com.reservationdesk.partnercenter.VmSize;
import com.reservationdesk.partnercenter.pricelist.RetailPricesCatalogReader;
import com.reservationdesk.pricing.Currencies;
import com.reservationdesk.pricing.PricingProperties;
import com.reservationdesk.tools.catalog.RetailPricesGenerator;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Catalog benchmark: load a full-size catalog (at least 100,000 SKUs, generated from the real VM
 * families × every region × terms, with derived sizes), then time agent searches through the real
 * {@link CatalogService}. Prints figures; asserts nothing. Run with {@code bin/benchmark-catalog}.
 *
 * <p>Targets (2-core machine): load ≤ 5 s, search p95 ≤ 10 ms.
 */
public final class CatalogBenchmark {

  private static final int WARM_UP_SEARCHES = 3_000;
  private static final int MEASURED_SEARCHES = 20_000;

  public static void main(String[] args) throws Exception {
    Path projectDir = Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    Path work = Files.createDirectories(projectDir.resolve("target/benchmark"));
    Path itemsFile = work.resolve("retail-prices-full-size.json");
    Path sizesFile = work.resolve("vm-sizes-full-size.csv");
    int items = RetailPricesGenerator.write(projectDir, RetailPricesGenerator.Mode.FULL_SIZE, itemsFile);
    RetailPricesGenerator.writeSizes(projectDir, RetailPricesGenerator.Mode.FULL_SIZE, sizesFile);
    System.out.printf(Locale.ROOT, "Catalog file: %,d items, %.1f MB (%s)%n", items, Files.size(itemsFile) / 1e6, itemsFile);
    System.out.printf(Locale.ROOT, "JVM: %s %s, %d CPUs, max heap %d MB%n", System.getProperty("java.vm.name"),
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

    // Load: what the app does at start (read the file, then build the search index on first use).
    long heapBefore = usedHeapAfterGc();
    long started = System.nanoTime();
    List<ReservationSku> skus = read(projectDir, itemsFile, sizesFile);
    long read = System.nanoTime();
    CatalogService catalog = new CatalogService(partnerCenterServing(skus), currencies(), 25, java.time.Duration.ofHours(12));
    catalog.index("DE");
    long indexed = System.nanoTime();
    long heapAfter = usedHeapAfterGc();
    System.out.printf(Locale.ROOT, "Load (cold JVM): %,d SKUs, read %d ms + index %d ms = %d ms (target <= 5,000 ms)%n", skus.size(),
        (read - started) / 1_000_000, (indexed - read) / 1_000_000, (indexed - started) / 1_000_000);
    System.out.printf(Locale.ROOT, "Memory held by the catalog (SKUs + index): %.1f MB (%d bytes per SKU)%n",
        (heapAfter - heapBefore) / 1e6, (heapAfter - heapBefore) / Math.max(1, skus.size()));
    long warmLoad = Long.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long start = System.nanoTime();
      CatalogIndex.of(read(projectDir, itemsFile, sizesFile));
      warmLoad = Math.min(warmLoad, System.nanoTime() - start);
    }
    System.out.printf(Locale.ROOT, "Load (warm JVM, best of 3): %d ms%n", warmLoad / 1_000_000);

    List<Query> mix = queries();
    InventoryContext subscription = new InventoryContext("customer", "subscription", null);
    int matched = 0;
    for (int i = 0; i < WARM_UP_SEARCHES; i++) {
      Query query = mix.get(i % mix.size());
      matched += catalog.search(query.country(), query.filter(), subscription).offers().size();
    }
    long[] nanos = new long[MEASURED_SEARCHES];
    for (int i = 0; i < MEASURED_SEARCHES; i++) {
      Query query = mix.get(i % mix.size());
      long start = System.nanoTime();
      matched += catalog.search(query.country(), query.filter(), subscription).offers().size();
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf(Locale.ROOT, "Search: %,d searches over a mix of %d agent queries (after %,d warm-up)%n", MEASURED_SEARCHES,
        mix.size(), WARM_UP_SEARCHES);
    System.out.printf(Locale.ROOT, "Search latency: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms (target p95 <= 10 ms)%n",
        percentile(nanos, 50), percentile(nanos, 95), percentile(nanos, 99), nanos[nanos.length - 1] / 1e6);
    System.out.println("Per query (one run each, ms, matches):");
    for (Query query : mix) {
      long start = System.nanoTime();
      CatalogSearchResult result = catalog.search(query.country(), query.filter(), subscription);
      System.out.printf(Locale.ROOT, "  %-52s %6.2f  %,7d%n", query.name(), (System.nanoTime() - start) / 1e6, result.totalMatches());
    }
    if (matched < 0) {
      System.out.println(matched);
    }
  }

  private static List<ReservationSku> read(Path projectDir, Path itemsFile, Path sizesFile) throws IOException {
    Map<String, String> regions;
    try (InputStream in = Files.newInputStream(projectDir.resolve("src/main/resources/partnercenter/catalog/azure-regions.csv"))) {
      regions = RetailPricesCatalogReader.readRegions(in);
    }
    Map<String, VmSize> sizes;
    try (InputStream in = Files.newInputStream(sizesFile)) {
      sizes = RetailPricesCatalogReader.readSizes(in);
    }
    RetailPricesCatalogReader.Result result;
    try (InputStream in = Files.newInputStream(itemsFile)) {
      result = new RetailPricesCatalogReader(regions, sizes, List.of("Red Hat", "SUSE", "Databricks")).read(in);
    }
    if (!result.problems().isEmpty()) {
      throw new IllegalStateException(result.problems().size() + " bad items, first: " + result.problems().get(0));
    }
    return List.copyOf(result.skus());
  }

  /** The embedded adapter's answers that searching uses: the SKUs, and an inventory check that restricts nothing. */
  private static PartnerCenter partnerCenterServing(List<ReservationSku> skus) {
    return (PartnerCenter) Proxy.newProxyInstance(CatalogBenchmark.class.getClassLoader(), new Class<?>[] {PartnerCenter.class},
        (proxy, method, arguments) -> switch (method.getName()) {
          case "getReservationSkus" -> skus;
          case "priceBasis" -> "Indicative list prices.";
          case "checkInventory" -> {
            @SuppressWarnings("unchecked")
            List<String> keys = (List<String>) arguments[2];
            List<InventoryResult> results = new ArrayList<>(keys.size());
            for (String key : keys) {
              String[] parts = key.split(":");
              results.add(new InventoryResult(parts[0], parts[1], false, List.of()));
            }
            yield results;
          }
          default -> throw new UnsupportedOperationException(method.getName());
        });
  }

  private static Currencies currencies() {
    return new Currencies(new PricingProperties(Map.of("DE", "EUR", "JP", "JPY", "US", "USD"), "USD",
        Map.of("EUR", new BigDecimal("0.9210"), "JPY", new BigDecimal("153.40")), "USD", "benchmark"));
  }

  private record Query(String name, String country, CatalogFilter filter) {}

  private static List<Query> queries() {
    return List.of(
        vm("D4s in EU West, 3 years", "DE", "westeurope", "D4s", null, null, null, null, null, "P3Y", BillingPlan.UPFRONT),
        vm("E16s anywhere, monthly", "US", "any", "E16s", null, null, null, null, null, "any", BillingPlan.MONTHLY),
        vm("8-16 vCPUs, 32-64 GiB in US East, 1 year", "US", "eastus", "", 8, 16, 32, 64, null, "P1Y", BillingPlan.UPFRONT),
        vm("family Dsv5 anywhere, 3 years", "DE", "any", "Dsv5", null, null, null, null, null, "P3Y", BillingPlan.UPFRONT),
        vm("GPU (nc) in US West 2", "US", "westus2", "nc", null, null, null, null, null, "any", BillingPlan.UPFRONT),
        vm("everything (no filter)", "US", "any", "", null, null, null, null, null, "any", BillingPlan.UPFRONT),
        vm("flexibility group Dsv5 Series in JA East", "JP", "japaneast", "", null, null, null, null, "Dsv5 Series", "any",
            BillingPlan.UPFRONT),
        vm("HB120 for 5 years", "US", "any", "HB120", null, null, null, null, null, "P5Y", BillingPlan.UPFRONT),
        vm("nothing: zzz in UK South (loosening advice)", "GB", "uksouth", "zzz", null, null, null, null, null, "P1Y",
            BillingPlan.UPFRONT),
        vm("nothing: D4s for 5 years anywhere", "DE", "any", "D4s", null, null, null, null, null, "P5Y", BillingPlan.UPFRONT),
        vm("memory >= 1,000 GiB anywhere", "US", "any", "", null, null, 1000, null, null, "any", BillingPlan.UPFRONT),
        vm("F sizes in DE West Central, 1 year, monthly", "DE", "germanywestcentral", "F", null, null, null, null, null, "P1Y",
            BillingPlan.MONTHLY),
        vm(">= 64 vCPUs, E sizes, anywhere", "US", "any", "e", 64, null, null, null, null, "any", BillingPlan.UPFRONT),
        vm("Standard_D2s_v5 exactly, EU North", "DE", "northeurope", "Standard_D2s_v5", null, null, null, null, null, "any",
            BillingPlan.UPFRONT),
        new Query("SQL Business Critical in EU West", "DE", new CatalogFilter(ReservationType.SQL_DATABASE, "westeurope", null, null,
            null, null, null, null, null, "Business Critical", "any", BillingPlan.UPFRONT, false)),
        new Query("SQL managed instance anywhere, 3 years", "US", new CatalogFilter(ReservationType.SQL_DATABASE, "any", null, null,
            null, null, null, null, "Managed instance", null, "P3Y", BillingPlan.UPFRONT, false)),
        new Query("Cosmos DB throughput", "US", new CatalogFilter(ReservationType.COSMOS_DB, null, null, null, null, null, null, null,
            null, null, "any", BillingPlan.UPFRONT, false)),
        new Query("D4s in EU West, restricted hidden", "DE", new CatalogFilter(ReservationType.VIRTUAL_MACHINES, "westeurope", "D4s",
            null, null, null, null, null, null, null, "P3Y", BillingPlan.UPFRONT, true)));
  }

  private static Query vm(String name, String country, String region, String size, Integer minVcpus, Integer maxVcpus,
      Integer minMemory, Integer maxMemory, String group, String term, BillingPlan plan) {
    return new Query(name, country, new CatalogFilter(ReservationType.VIRTUAL_MACHINES, region, size, minVcpus, maxVcpus,
        minMemory == null ? null : BigDecimal.valueOf(minMemory), maxMemory == null ? null : BigDecimal.valueOf(maxMemory), group, null,
        null, term, plan, false));
  }

  private static double percentile(long[] sorted, int percent) {
    int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }

  private static long usedHeapAfterGc() throws InterruptedException {
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
