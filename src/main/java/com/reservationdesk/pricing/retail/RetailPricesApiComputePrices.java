package com.reservationdesk.pricing.retail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.reservationdesk.pricing.ComputePrices;
import com.reservationdesk.pricing.ComputePricesUnavailableException;
import com.reservationdesk.pricing.VmHourlyPrices;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Compute prices in live mode, from the Azure Retail Prices API itself: one query per size and region,
 * {@code serviceName eq 'Virtual Machines' and armRegionName eq '…' and armSkuName eq '…' and priceType eq 'Consumption'},
 * pages followed by their {@code NextPageLink}, and of the rows the Linux pay-as-you-go one kept
 * ({@link RetailPriceJson#isLinuxVmPayAsYouGo()}). Answers, empty ones included, are cached per size and region for
 * {@code reservation-desk.retail-prices.cache-for}; a failure is not, so the next call asks again.
 */
public class RetailPricesApiComputePrices implements ComputePrices {

  private static final Logger log = LoggerFactory.getLogger(RetailPricesApiComputePrices.class);

  /** The only version whose rows carry savings plan prices. */
  static final String API_VERSION = "2023-01-01-preview";
  /** What Azure's names are made of; anything else cannot be a region or a size and must not reach the filter. */
  private static final Pattern REGION = Pattern.compile("[a-z0-9]+");
  private static final Pattern SIZE = Pattern.compile("[A-Za-z0-9_\\-]+");
  private static final int CACHED_SIZES = 10_000;

  private record Key(String armRegionName, String armSkuName) {}

  private final RestClient rest;
  private final RetailPricesApiProperties properties;
  private final Cache<Key, Optional<VmHourlyPrices>> cache;

  public RetailPricesApiComputePrices(RestClient rest, RetailPricesApiProperties properties) {
    this(rest, properties, Ticker.systemTicker());
  }

  /** With the clock the cache expires by, for tests that would rather not wait hours. */
  RetailPricesApiComputePrices(RestClient rest, RetailPricesApiProperties properties, Ticker ticker) {
    this.rest = rest;
    this.properties = properties;
    this.cache = Caffeine.newBuilder().expireAfterWrite(properties.cacheFor()).maximumSize(CACHED_SIZES).ticker(ticker).build();
  }

  @Override
  public Optional<VmHourlyPrices> vm(String armRegionName, String armSkuName) {
    if (armRegionName == null || armSkuName == null) {
      return Optional.empty();
    }
    String region = armRegionName.toLowerCase(Locale.ROOT);
    if (!REGION.matcher(region).matches() || !SIZE.matcher(armSkuName).matches()) {
      return Optional.empty();
    }
    return cache.get(new Key(region, armSkuName), this::ask);
  }

  private Optional<VmHourlyPrices> ask(Key key) {
    long started = System.nanoTime();
    String filter = "serviceName eq '" + RetailPriceJson.VIRTUAL_MACHINES + "' and armRegionName eq '" + key.armRegionName()
        + "' and armSkuName eq '" + key.armSkuName() + "' and priceType eq '" + RetailPriceJson.CONSUMPTION + "'";
    URI page = UriComponentsBuilder.fromUri(properties.baseUrl()).queryParam("api-version", API_VERSION)
        .queryParam("$filter", "{filter}").encode().buildAndExpand(filter).toUri();
    RetailPriceJson chosen = null;
    int pages = 0;
    while (page != null) {
      if (++pages > properties.maxPages()) {
        throw new ComputePricesUnavailableException("The Azure Retail Prices API answered " + key.armSkuName() + " in "
            + key.armRegionName() + " with more than " + properties.maxPages() + " pages (reservation-desk.retail-prices.max-pages)", null);
      }
      RetailPricesPageJson answer = get(page);
      for (RetailPriceJson row : answer.items()) {
        if (isPriceOf(row, key) && (chosen == null || row.isPreferredTo(chosen))) {
          chosen = row;
        }
      }
      page = next(answer.nextPageLink());
    }
    Optional<VmHourlyPrices> prices = Optional.ofNullable(chosen).map(RetailPriceJson::vmHourlyPrices);
    log.debug("Retail prices of {} in {}: {} ({} pages, {} ms)", key.armSkuName(), key.armRegionName(),
        prices.isPresent() ? "found" : "none", pages, (System.nanoTime() - started) / 1_000_000);
    return prices;
  }

  /** The API filters already; what it lets through is checked all the same, and a row without a usable price is skipped. */
  private static boolean isPriceOf(RetailPriceJson row, Key key) {
    if (!row.isLinuxVmPayAsYouGo() || !key.armSkuName().equals(row.armSkuName()) || !key.armRegionName().equalsIgnoreCase(row.armRegionName())) {
      return false;
    }
    try {
      row.vmHourlyPrices();
      return true;
    } catch (IllegalArgumentException e) {
      log.warn("Retail prices of {} in {}: row {} skipped: {}", key.armSkuName(), key.armRegionName(), row.meterId(), e.getMessage());
      return false;
    }
  }

  private RetailPricesPageJson get(URI page) {
    String body;
    try {
      body = rest.get().uri(page).accept(MediaType.APPLICATION_JSON).retrieve().body(String.class);
    } catch (RestClientResponseException e) {
      throw new ComputePricesUnavailableException("The Azure Retail Prices API answered HTTP " + e.getStatusCode().value(), e);
    } catch (RestClientException e) {
      throw new ComputePricesUnavailableException("The Azure Retail Prices API did not answer: " + e.getMessage(), e);
    }
    try {
      return RetailPricesJson.MAPPER.readValue(body == null ? "" : body, RetailPricesPageJson.class);
    } catch (JsonProcessingException e) {
      throw new ComputePricesUnavailableException("The Azure Retail Prices API answered something that is not a page of prices: "
          + e.getOriginalMessage(), e);
    }
  }

  /**
   * The next page, or null after the last. The link is absolute and already encoded; it is followed only to the API's own
   * host, so an answer cannot send the app elsewhere.
   */
  private URI next(String nextPageLink) {
    if (nextPageLink == null || nextPageLink.isBlank()) {
      return null;
    }
    URI next;
    try {
      next = URI.create(nextPageLink.trim());
    } catch (IllegalArgumentException notEncoded) {
      next = UriComponentsBuilder.fromUriString(nextPageLink.trim()).encode().build().toUri();
    }
    URI base = properties.baseUrl();
    if (!base.getScheme().equalsIgnoreCase(String.valueOf(next.getScheme())) || !base.getHost().equalsIgnoreCase(String.valueOf(next.getHost()))) {
      throw new ComputePricesUnavailableException("The Azure Retail Prices API's NextPageLink leads away from " + base.getHost()
          + ": " + next.getHost(), null);
    }
    return next;
  }
}
