package com.reservationdesk.tools.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Writes a reservation catalog in the page and item shape of the Azure Retail Prices API
 * ({@code https://prices.azure.com/api/retail/prices?api-version=2023-01-01-preview}), deterministically: the same inputs give
 * a byte-identical file. Items of {@code type} "Reservation" for every VM size, region and term, SQL Database and Cosmos DB;
 * and for every VM size and region that has reservations, its Linux pay-as-you-go row ({@code type} "Consumption", a price
 * of an hour) with the compute savings plan's prices of that hour. Inputs, relative to the project:
 * <ul>
 *   <li>{@code src/main/resources/partnercenter/catalog/vm-sizes.csv}: VM sizes and their attributes;</li>
 *   <li>{@code src/main/resources/partnercenter/catalog/azure-regions.csv}: regions and their display locations;</li>
 *   <li>{@code tools/catalog-generator/price-model/vm-price-model.csv}: product id, price per vCPU, term ratios, savings plan
 *       and regions of each family (pay-as-you-go and savings plan prices follow from the reservations: {@link HourlyPrices});</li>
 *   <li>{@code tools/catalog-generator/price-model/price-anchors.csv}: real list prices, written verbatim.</li>
 * </ul>
 *
 * <p>Run it with {@code bin/generate-catalog [sizes] [DEMO|FULL_SIZE] <output file>}.
 */
public final class RetailPricesGenerator {

  private static final String USAGE = "usage: bin/generate-catalog [sizes] [DEMO|FULL_SIZE] <output file>";

  /** Which catalog to write. */
  public enum Mode {
    /** The committed retail-prices-reservations.json: every size of vm-sizes.csv in 22 common regions, plus SQL Database and Cosmos DB. */
    DEMO,
    /** The benchmark's: every region, plus sizes derived with Azure's naming patterns, well over 100,000 items. */
    FULL_SIZE
  }

  private RetailPricesGenerator() {}

  /**
   * Writes the Retail Prices API page of {@code mode} to {@code out}.
   *
   * @return the number of items written
   */
  public static int write(Path projectDir, Mode mode, Path out) throws IOException {
    List<Item> items = CatalogItems.build(model(projectDir, mode), mode);
    RetailPricesJson.write(items, withParentDirectory(out));
    return items.size();
  }

  /**
   * Writes the sizes a catalog of {@code mode} contains, as vm-sizes.csv does: for DEMO the rows of vm-sizes.csv, for
   * FULL_SIZE the derived sizes too.
   *
   * @return the number of sizes written
   */
  public static int writeSizes(Path projectDir, Mode mode, Path out) throws IOException {
    List<Size> sizes = model(projectDir, mode).sizes;
    SizeListCsv.write(mode, sizes, withParentDirectory(out));
    return sizes.size();
  }

  /** Arguments: the project directory, then those of {@code bin/generate-catalog}. */
  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      exitWithUsage();
    }
    Path projectDir = Path.of(args[0]);
    boolean sizes = args[1].equalsIgnoreCase("sizes");
    List<String> modeAndOut = List.of(args).subList(sizes ? 2 : 1, args.length);
    if (modeAndOut.isEmpty() || modeAndOut.size() > 2) {
      exitWithUsage();
    }
    Mode mode = modeAndOut.size() == 2 ? parseMode(modeAndOut.get(0)) : Mode.DEMO;
    if (mode == null) {
      exitWithUsage();
    }
    Path out = Path.of(modeAndOut.get(modeAndOut.size() - 1));
    long started = System.nanoTime();
    int written = sizes ? writeSizes(projectDir, mode, out) : write(projectDir, mode, out);
    long millis = (System.nanoTime() - started) / 1_000_000;
    System.out.println((sizes ? "sizes: " : "items: ") + written + " (" + mode + ", " + out + ", " + millis + " ms)");
  }

  static CatalogModel model(Path projectDir, Mode mode) throws IOException {
    CatalogModel model = PriceModelReader.read(projectDir);
    if (mode == Mode.FULL_SIZE) {
      DerivedSizes.addTo(model);
    }
    SizePricing.price(model);
    return model;
  }

  /** Null for a word that names no mode. */
  private static Mode parseMode(String text) {
    String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    if (name.equals("FULL") || name.equals("FULLSIZE")) {
      return Mode.FULL_SIZE;
    }
    return Arrays.stream(Mode.values()).filter(mode -> mode.name().equals(name)).findFirst().orElse(null);
  }

  private static void exitWithUsage() {
    System.err.println(USAGE);
    System.exit(2);
  }

  private static Path withParentDirectory(Path out) throws IOException {
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    return out;
  }
}
