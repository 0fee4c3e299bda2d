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

  public record LineItem(int lineItemNumber, String offerId, long quantity, String termDuration,
      String partnerIdOnRecord, ProvisioningContext provisioningContext) {}
}
