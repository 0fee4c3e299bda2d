package com.reservationdesk.pricing.retail;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where live mode reads compute prices: the public Azure Retail Prices API, which needs no credentials. Bound and
 * validated in live mode only ({@link RetailPricesApiConfiguration}), like the live Partner Center's settings.
 *
 * @param baseUrl the API, {@code https://prices.azure.com/api/retail/prices}
 * @param cacheFor how long the prices of a size in a region are kept before the API is asked again; list prices change
 *     at most monthly, and a recommendation asks for the same sizes again and again
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for a page
 * @param maxPages the most pages of one answer followed: one size in one region takes one page, so more means a filter
 *     the API did not apply
 */
@ConfigurationProperties("reservation-desk.retail-prices")
@ConditionalOnProperty(name = "reservation-desk.partner.mode", havingValue = "live")
@Validated
public record RetailPricesApiProperties(
    @DefaultValue("https://prices.azure.com/api/retail/prices") URI baseUrl,
    @DefaultValue("PT12H") Duration cacheFor,
    @DefaultValue("PT10S") Duration connectTimeout,
    @DefaultValue("PT30S") Duration readTimeout,
    @DefaultValue("10") @Positive(message = MAX_PAGES) int maxPages) {

  private static final String MAX_PAGES = "reservation-desk.retail-prices.max-pages must be at least 1";

  @AssertTrue(message = "Live mode's compute prices need reservation-desk.retail-prices.base-url (RESERVATION_DESK_RETAIL_PRICES_BASE_URL) "
      + "to be an absolute http(s) URL, by default https://prices.azure.com/api/retail/prices")
  public boolean isBaseUrlAbsolute() {
    return baseUrl != null && baseUrl.getHost() != null && ("https".equals(baseUrl.getScheme()) || "http".equals(baseUrl.getScheme()));
  }

  @AssertTrue(message = "reservation-desk.retail-prices.cache-for, .connect-timeout and .read-timeout must be positive durations")
  public boolean isEveryDurationPositive() {
    return positive(cacheFor) && positive(connectTimeout) && positive(readTimeout);
  }

  private static boolean positive(Duration duration) {
    return duration != null && !duration.isNegative() && !duration.isZero();
  }
}
