package com.reservationdesk.tools.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservationdesk.partnercenter.ReservationSku;
import com.reservationdesk.partnercenter.VmSize;
import com.reservationdesk.partnercenter.pricelist.RetailPricesCatalogReader;
import com.reservationdesk.pricing.VmHourlyPrices;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed demo catalog is what the generator makes: it can be made again, and changed, from its inputs. Its
 * pay-as-you-go and savings plan prices keep the proportions a recommendation relies on, for every size and region.
 */
class RetailPricesGeneratorTest {

  private static final Path PROJECT = Path.of(".");
  private static final Path CATALOG = PROJECT.resolve("src/main/resources/partnercenter/catalog");

  @TempDir Path dir;

  @Test
  void theCommittedDemoCatalogIsTheGeneratorsOutput() throws IOException {
    Path items = dir.resolve("items.json");
    int count = RetailPricesGenerator.write(PROJECT, RetailPricesGenerator.Mode.DEMO, items);
    assertThat(count).isGreaterThan(5000);
    assertThat(Files.mismatch(items, CATALOG.resolve("retail-prices-reservations.json"))).as("first differing byte").isEqualTo(-1L);
  }

  @Test
  void itsSizeListHasTheCommittedSizes() throws IOException {
    Path sizes = dir.resolve("sizes.csv");
    RetailPricesGenerator.writeSizes(PROJECT, RetailPricesGenerator.Mode.DEMO, sizes);
    assertThat(read(sizes)).isEqualTo(read(CATALOG.resolve("vm-sizes.csv")));
  }

  @Test
  void everySizeAndRegionWithReservationsHasOnePayAsYouGoPrice_andTheSavingsPlanLiesBetweenItAndTheReservation() throws IOException {
    RetailPricesCatalogReader.Result catalog = readCommittedCatalog();
    assertThat(catalog.problems()).isEmpty();
    Map<String, VmHourlyPrices> prices = catalog.vmPrices().stream()
        .collect(Collectors.toMap(p -> p.armRegionName() + "|" + p.armSkuName(), Function.identity()));
    Map<String, Map<String, ReservationSku>> reservations = new HashMap<>();
    for (ReservationSku sku : catalog.skus()) {
      if (sku.vmSize() != null) {
        reservations.computeIfAbsent(sku.armRegionName() + "|" + sku.vmSize().armSkuName(), key -> new HashMap<>())
            .put(sku.termDuration(), sku);
      }
    }
    assertThat(prices.keySet()).isEqualTo(reservations.keySet());

    List<String> wrong = new ArrayList<>();
    for (Map.Entry<String, Map<String, ReservationSku>> size : reservations.entrySet()) {
      VmHourlyPrices price = prices.get(size.getKey());
      String family = size.getValue().get("P1Y").vmSize().family();
      double payAsYouGo = price.payAsYouGo().doubleValue();
      double reservation1y = hourly(size.getValue().get("P1Y"), 1) / payAsYouGo;
      double reservation3y = hourly(size.getValue().get("P3Y"), 3) / payAsYouGo;
      check(wrong, size.getKey(), "1-year reservation's discount", 1 - reservation1y, 0.349, 0.451);
      // The M families' 3-year reservations are far cheaper than their 1-year ones (3y/1y 1.46), so further below pay-as-you-go.
      check(wrong, size.getKey(), "3-year reservation's discount", 1 - reservation3y, 0.55,
          Set.of("M", "Mdmsv2").contains(family) ? 0.69 : 0.65);
      if (family.equals("HBv2")) {
        if (price.savingsPlanOneYear() != null || price.savingsPlanThreeYears() != null) {
          wrong.add(size.getKey() + ": HBv2 has no savings plan");
        }
        continue;
      }
      double savingsPlan1y = price.savingsPlanOneYear().doubleValue() / payAsYouGo;
      double savingsPlan3y = price.savingsPlanThreeYears().doubleValue() / payAsYouGo;
      check(wrong, size.getKey(), "1-year savings plan's discount", 1 - savingsPlan1y, 0.15, 0.25);
      check(wrong, size.getKey(), "3-year savings plan's discount", 1 - savingsPlan3y, 0.30, 0.45);
      // Between pay-as-you-go (the discounts above are positive) and the reservation of the same term.
      check(wrong, size.getKey(), "1-year savings plan over the reservation", savingsPlan1y - reservation1y, 0.05, 1);
      check(wrong, size.getKey(), "3-year savings plan over the reservation", savingsPlan3y - reservation3y, 0.05, 1);
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void theFullSizeCatalogHasThePayAsYouGoRowsToo_andTheDemoCatalogsKeepTheirIdsAndPricesThere() throws IOException {
    List<Item> full = CatalogItems.build(RetailPricesGenerator.model(PROJECT, RetailPricesGenerator.Mode.FULL_SIZE),
        RetailPricesGenerator.Mode.FULL_SIZE);
    List<Item> demo = CatalogItems.build(RetailPricesGenerator.model(PROJECT, RetailPricesGenerator.Mode.DEMO),
        RetailPricesGenerator.Mode.DEMO);
    Set<String> reserved = full.stream().filter(item -> !item.consumption && !item.armSkuName.isEmpty())
        .map(item -> item.region + "|" + item.armSkuName).collect(Collectors.toSet());
    List<String> paidAsYouGo = full.stream().filter(item -> item.consumption).map(item -> item.region + "|" + item.armSkuName).toList();
    assertThat(paidAsYouGo).hasSizeGreaterThan(50_000);
    assertThat(new HashSet<>(paidAsYouGo)).hasSize(paidAsYouGo.size()).isEqualTo(reserved);

    Map<String, String> fullRows = full.stream().collect(Collectors.toMap(RetailPricesGeneratorTest::identity, RetailPricesGeneratorTest::row));
    List<String> changed = demo.stream().filter(item -> !row(item).equals(fullRows.get(identity(item))))
        .map(item -> identity(item) + ": " + row(item) + " in DEMO, " + fullRows.get(identity(item)) + " in FULL_SIZE").toList();
    assertThat(changed).isEmpty();
  }

  private static void check(List<String> wrong, String size, String what, double value, double min, double max) {
    if (value < min || value > max) {
      wrong.add(String.format(Locale.ROOT, "%s: %s %.4f not within %.2f-%.2f", size, what, value, min, max));
    }
  }

  private static String identity(Item item) {
    return item.productId + "|" + item.armSkuName + "|" + item.skuName + "|" + item.region + "|" + (item.consumption ? "PAYG" : item.termYears);
  }

  private static String row(Item item) {
    return item.skuId + " " + item.meterId + " " + item.price + " " + item.savingsPlan1y + " " + item.savingsPlan3y;
  }

  private static double hourly(ReservationSku reservation, int years) {
    return reservation.listPrice().doubleValue() / (HourlyPrices.HOURS_A_YEAR * years);
  }

  private static RetailPricesCatalogReader.Result readCommittedCatalog() throws IOException {
    RetailPricesCatalogReader reader = new RetailPricesCatalogReader(regions(), read(CATALOG.resolve("vm-sizes.csv")), List.of("Red Hat"));
    try (InputStream in = Files.newInputStream(CATALOG.resolve("retail-prices-reservations.json"))) {
      return reader.read(in);
    }
  }

  private static Map<String, String> regions() throws IOException {
    try (InputStream in = Files.newInputStream(CATALOG.resolve("azure-regions.csv"))) {
      return RetailPricesCatalogReader.readRegions(in);
    }
  }

  private static Map<String, VmSize> read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return RetailPricesCatalogReader.readSizes(in);
    }
  }
}
