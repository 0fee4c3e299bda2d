package com.reservationdesk.partnercenter;

import java.util.Optional;

/**
 * The Azure savings plan for compute as Partner Center sells it: one product, a SKU per term, one unit a cart line
 * ({@code domain-partner-center.md} §6; learn.microsoft.com/partner-center/developer/azure-purchase-savings-plan: SKUs
 * {@code 0001} "Compute savings plan, 1 Year" and {@code 0002} "…, 3 Years", {@code minimumQuantity} = {@code maximumQuantity}
 * = 1, billing cycles {@code one_time} and {@code monthly}).
 */
public final class SavingsPlanProduct {

  public static final String PRODUCT_ID = "DZH318Z09V6F";

  private SavingsPlanProduct() {}

  /** {@code 0001} for one year, {@code 0002} for three; a savings plan has no other term. */
  public static String skuId(Term term) {
    return switch (term) {
      case ONE_YEAR -> "0001";
      case THREE_YEARS -> "0002";
      case FIVE_YEARS -> throw new IllegalArgumentException("A savings plan runs 1 or 3 years, not 5");
    };
  }

  public static Optional<Term> termOf(String skuId) {
    return switch (skuId == null ? "" : skuId) {
      case "0001" -> Optional.of(Term.ONE_YEAR);
      case "0002" -> Optional.of(Term.THREE_YEARS);
      default -> Optional.empty();
    };
  }

  public static boolean isSavingsPlan(String productId) {
    return PRODUCT_ID.equals(productId);
  }

  /**
   * Whether a cart or order line's catalog item ({@code productId:skuId:availabilityId}) is a savings plan: the line's
   * product says what it is, even when its commitment is missing.
   */
  public static boolean isSavingsPlanCatalogItem(String catalogItemId) {
    return catalogItemId != null && catalogItemId.startsWith(PRODUCT_ID + ":");
  }

  /** As Partner Center titles the SKU: {@code Compute savings plan, 1 Year}. */
  public static String title(Term term) {
    return "Compute savings plan, " + term.title();
  }
}
