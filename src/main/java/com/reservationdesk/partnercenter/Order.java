package com.reservationdesk.partnercenter;

import java.time.Instant;
import java.util.List;

/**
 * An order as the API returns it.
 *
 * @param status {@code pending}, {@code completed} or {@code cancelled}
 */
public record Order(
    String id,
    String alternateId,
    String referenceCustomerId,
    String billingCycle,
    String status,
    String currencyCode,
    Instant creationDate,
    List<LineItem> lineItems) {

  /** @param purchaseCommitment a savings plan's hourly commitment; null for a reservation */
  public record LineItem(int lineItemNumber, String offerId, long quantity, String termDuration,
      String partnerIdOnRecord, ProvisioningContext provisioningContext, PurchaseCommitment purchaseCommitment) {

    public LineItem(int lineItemNumber, String offerId, long quantity, String termDuration, String partnerIdOnRecord,
        ProvisioningContext provisioningContext) {
      this(lineItemNumber, offerId, quantity, termDuration, partnerIdOnRecord, provisioningContext, null);
    }
  }
}
