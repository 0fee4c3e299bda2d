package com.reservationdesk.partnercenter.live.wire;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.reservationdesk.partnercenter.Availability;
import java.util.List;

/**
 * An item of {@code GET /products/{p}/skus/{s}/availabilities}: the catalog item id a cart line names. A savings plan's
 * carries its {@code sku}, with the SKU's {@code minimumPurchaseCommitment}
 * (learn.microsoft.com/partner-center/developer/azure-purchase-savings-plan, "Get availability by ID").
 */
public record AvailabilityJson(
    String id,
    String productId,
    String skuId,
    String catalogItemId,
    @JsonProperty("isPurchasable") boolean isPurchasable,
    Currency defaultCurrency,
    List<TermJson> terms,
    @JsonInclude(JsonInclude.Include.NON_NULL) SkuJson sku) {

  /** {@code {code, symbol}}; older answers write the code alone. */
  public record Currency(String code, String symbol) {
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public Currency(String code) {
      this(code, null);
    }
  }

  /** A term offered, {@code P1Y}. */
  public record TermJson(String duration, String description) {}

  public static AvailabilityJson of(Availability availability) {
    return new AvailabilityJson(availability.id(), availability.productId(), availability.skuId(), availability.catalogItemId(),
        availability.isPurchasable(), new Currency(availability.defaultCurrency(), ""),
        availability.terms().stream().map(term -> new TermJson(term, term)).toList(),
        availability.minimumPurchaseCommitment() == null ? null : SkuJson.ofSavingsPlan(availability));
  }

  /** The availability of the SKU asked for; a savings plan's with its SKU's minimum commitment when the answer carries it. */
  public Availability toAvailability(String productId, String skuId) {
    return new Availability(id, productId, skuId, catalogItemId, isPurchasable, defaultCurrency == null ? null : defaultCurrency.code(),
        terms == null ? List.of() : terms.stream().map(TermJson::duration).toList(), sku == null ? null : sku.minimum());
  }
}
