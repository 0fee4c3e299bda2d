package com.reservationdesk.partnercenter.pricelist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/** The catalog file decides whether the app starts: unreadable or useless stops it with a clear message. */
class RetailPriceListTest {

  @TempDir Path dir;

  @Test
  void theCommittedCatalogLoadsWithoutABadItem() {
    RetailPriceList catalog = new RetailPriceList(properties(new ClassPathResource("partnercenter/catalog/retail-prices-reservations.json")));
    assertThat(catalog.problems()).isEmpty();
    assertThat(catalog.skus()).hasSizeGreaterThan(3000);
    assertThat(catalog.skus()).anySatisfy(s -> {
      assertThat(s.displayName()).isEqualTo("Standard_D8_v4");
      assertThat(s.armRegionName()).isEqualTo("westeurope");
      assertThat(s.termDuration()).isEqualTo("P3Y");
      assertThat(s.listPrice()).isEqualByComparingTo("4594");
    });
  }

  @Test
  void theCommittedFileHasAPayAsYouGoPriceForEverySizeAndRegionWithVmReservations() {
    RetailPriceList catalog = new RetailPriceList(properties(new ClassPathResource("partnercenter/catalog/retail-prices-reservations.json")));
    Set<String> reserved = catalog.skus().stream().filter(s -> s.vmSize() != null)
        .map(s -> s.armRegionName() + "|" + s.vmSize().armSkuName()).collect(Collectors.toSet());
    assertThat(catalog.vmPrices()).extracting(p -> p.armRegionName() + "|" + p.armSkuName())
        .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(reserved);
    assertThat(catalog.vmPrices()).allSatisfy(p -> {
      assertThat(p.currency()).isEqualTo("USD");
      assertThat(p.payAsYouGo()).isPositive();
    });
  }

  @Test
  void aMissingFileStopsTheStartNamingTheFileAndTheSetting() {
    assertThatThrownBy(() -> new RetailPriceList(properties(new FileSystemResource(dir.resolve("nope.json")))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Cannot read the reservation catalog file [" + dir.resolve("nope.json"))
        .hasMessageContaining("reservation-desk.embedded-catalog");
  }

  @Test
  void aFileThatIsNotJsonStopsTheStart() throws IOException {
    Path broken = Files.writeString(dir.resolve("broken.json"), "{\"Items\": [ {\"type\": \"Reservation\", ", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> new RetailPriceList(properties(new FileSystemResource(broken))))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("Cannot read the reservation catalog");
  }

  @Test
  void aFileWithoutOneUsableReservationStopsTheStart() throws IOException {
    Path useless = Files.writeString(dir.resolve("useless.json"),
        "{\"Items\": [{\"type\": \"Reservation\", \"serviceName\": \"Virtual Machines\", \"reservationTerm\": \"7 Years\"}]}");
    assertThatThrownBy(() -> new RetailPriceList(properties(new FileSystemResource(useless))))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has no usable reservation (1 items, 1 bad)");
  }

  private static RetailPriceListProperties properties(Resource items) {
    return new RetailPriceListProperties(items, new ClassPathResource("partnercenter/catalog/azure-regions.csv"),
        new ClassPathResource("partnercenter/catalog/vm-sizes.csv"), List.of("Red Hat"));
  }
}
