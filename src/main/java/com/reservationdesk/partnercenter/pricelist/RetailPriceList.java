package com.reservationdesk.partnercenter.pricelist;

import com.reservationdesk.partnercenter.ReservationSku;
import com.reservationdesk.partnercenter.VmSize;
import com.reservationdesk.pricing.VmHourlyPrices;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The public Azure retail price list, read at start from a Retail Prices API file. Both adapters use it:
 * it is the embedded Partner Center's catalog, and the live one shows its prices beside Partner Center's
 * catalog, which has none (matched on the same product and SKU ids). The file's Linux pay-as-you-go prices of VM sizes,
 * with the savings plan's, are the embedded mode's compute prices ({@link PriceListComputePrices}).
 *
 * <p>Bad items are logged with their position and skipped; a file that cannot be read, or yields no
 * reservation at all, stops the start: better no app than a silently half-loaded catalog.
 */
@Component
public class RetailPriceList {

  private static final Logger log = LoggerFactory.getLogger(RetailPriceList.class);
  private static final int PROBLEMS_LOGGED = 50;

  private final List<ReservationSku> skus;
  private final List<VmHourlyPrices> vmPrices;
  private final Map<String, ReservationSku> byKey;
  private final RetailPricesCatalogReader.Result loadResult;

  public RetailPriceList(RetailPriceListProperties properties) {
    long started = System.nanoTime();
    Map<String, String> regions = load(properties.regionsFile(), "region list", RetailPricesCatalogReader::readRegions);
    Map<String, VmSize> sizes = load(properties.sizesFile(), "VM size list", RetailPricesCatalogReader::readSizes);
    RetailPricesCatalogReader reader = new RetailPricesCatalogReader(regions, sizes, properties.upfrontOnlyProducts());
    this.loadResult = load(properties.itemsFile(), "reservation catalog", reader::read);
    this.skus = List.copyOf(loadResult.skus());
    this.vmPrices = loadResult.vmPrices();
    if (skus.isEmpty()) {
      throw new IllegalStateException("The reservation catalog " + properties.itemsFile().getDescription()
          + " has no usable reservation (" + loadResult.items() + " items, " + loadResult.problems().size()
          + " bad). Fix the file or point reservation-desk.embedded-catalog.items-file at another one.");
    }
    this.byKey = skus.stream().collect(Collectors.toUnmodifiableMap(ReservationSku::key, Function.identity()));
    loadResult.problems().stream().limit(PROBLEMS_LOGGED)
        .forEach(p -> log.warn("Reservation catalog {}: skipped {}", properties.itemsFile().getFilename(), p));
    if (loadResult.problems().size() > PROBLEMS_LOGGED) {
      log.warn("Reservation catalog {}: {} more bad items skipped", properties.itemsFile().getFilename(),
          loadResult.problems().size() - PROBLEMS_LOGGED);
    }
    loadResult.ignored().forEach((what, count) ->
        log.info("Reservation catalog {}: ignored {} {} (not used by Reservation Desk)", properties.itemsFile().getFilename(), count, what));
    String summary = String.format("Reservation catalog loaded from %s: %,d SKUs and %,d VM pay-as-you-go prices from %,d items in %d ms",
        properties.itemsFile().getDescription(), skus.size(), vmPrices.size(), loadResult.items(), (System.nanoTime() - started) / 1_000_000);
    if (loadResult.problems().isEmpty()) {
      log.info(summary);
    } else {
      log.warn("{}; {} bad items SKIPPED (listed above)", summary, loadResult.problems().size());
    }
  }

  public List<ReservationSku> skus() {
    return skus;
  }

  public Optional<ReservationSku> find(String productId, String skuId) {
    return Optional.ofNullable(byKey.get(productId + ":" + skuId));
  }

  /** The Linux pay-as-you-go prices of an hour of VM sizes, with the savings plan's, one per region and size. */
  public List<VmHourlyPrices> vmPrices() {
    return vmPrices;
  }

  /** The bad items the file had; empty when every item loaded. */
  public List<RetailPricesCatalogReader.Problem> problems() {
    return loadResult.problems();
  }

  private interface Loader<T> {
    T read(InputStream in) throws IOException;
  }

  private static <T> T load(Resource resource, String what, Loader<T> loader) {
    try (InputStream raw = resource.getInputStream();
        InputStream in = resource.getFilename() != null && resource.getFilename().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
      return loader.read(in);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("Cannot read the " + what + " " + resource.getDescription() + ": " + e.getMessage()
          + ". Reservation Desk does not start without it; fix the file or its reservation-desk.embedded-catalog setting.", e);
    }
  }
}
