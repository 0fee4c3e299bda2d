package com.reservationdesk.tools.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.reservationdesk.partnercenter.VmSize;
import com.reservationdesk.partnercenter.pricelist.RetailPricesCatalogReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed demo catalog is what the generator makes: it can be made again, and changed, from its inputs. */
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

  private static Map<String, VmSize> read(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return RetailPricesCatalogReader.readSizes(in);
    }
  }
}
