package com.reservationdesk.pricing.retail;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One page of the API's answer: up to 1,000 {@code Items} (the API's page size), and {@code NextPageLink}, the absolute
 * address of the next page, null on the last one.
 */
public record RetailPricesPageJson(
    @JsonProperty("BillingCurrency") String billingCurrency,
    @JsonProperty("CustomerEntityId") String customerEntityId,
    @JsonProperty("CustomerEntityType") String customerEntityType,
    @JsonProperty("Items") List<RetailPriceJson> items,
    @JsonProperty("NextPageLink") String nextPageLink,
    @JsonProperty("Count") int count) {

  /** A page as the API writes it for the retail (USD list) prices. */
  public static RetailPricesPageJson of(List<RetailPriceJson> items, String nextPageLink) {
    return new RetailPricesPageJson("USD", "Default", "Retail", items, nextPageLink, items.size());
  }

  /** A page without {@code Items} has none. */
  public RetailPricesPageJson {
    items = items == null ? List.of() : items;
  }
}
