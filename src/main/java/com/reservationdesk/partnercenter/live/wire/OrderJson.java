package com.reservationdesk.partnercenter.live.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.reservationdesk.partnercenter.Order;
import com.reservationdesk.partnercenter.SavingsPlanProduct;
import java.util.List;

/** {@code GET /customers/{id}/orders/{orderId}}, and each order of a checkout. */
public record OrderJson(
    String id,
    String alternateId,
    String referenceCustomerId,
    String billingCycle,
    String status,
    String currencyCode,
    String creationDate,
    List<LineItem> lineItems) {

  /**
   * An order line: a reservation's with its term, partner of record and provisioning context; a savings plan's likewise,
   * with its {@code purchaseCommitment}; an Azure plan's with its subscription.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record LineItem(
      int lineItemNumber,
      String offerId,
      String subscriptionId,
      long quantity,
      String termDuration,
      String partnerIdOnRecord,
      ProvisioningContextJson provisioningContext,
      PurchaseCommitmentJson purchaseCommitment) {}

  public static OrderJson of(Order order) {
    return new OrderJson(order.id(), order.alternateId(), order.referenceCustomerId(), order.billingCycle(), order.status(),
        order.currencyCode(), PartnerCenterJson.text(order.creationDate()), order.lineItems().stream()
        .map(line -> new LineItem(line.lineItemNumber(), line.offerId(), null, line.quantity(), line.termDuration(),
            line.partnerIdOnRecord(), ProvisioningContextJson.of(line.provisioningContext(),
            SavingsPlanProduct.isSavingsPlanCatalogItem(line.offerId())), PurchaseCommitmentJson.of(line.purchaseCommitment())))
        .toList());
  }

  public Order toOrder() {
    return new Order(id, alternateId, referenceCustomerId, billingCycle, status, currencyCode, PartnerCenterJson.instant(creationDate),
        lineItems == null ? List.of() : lineItems.stream().map(line -> new Order.LineItem(line.lineItemNumber(), line.offerId(),
            line.quantity(), line.termDuration(), line.partnerIdOnRecord(), ProvisioningContextJson.toContext(line.provisioningContext()),
            PurchaseCommitmentJson.toCommitment(line.purchaseCommitment())))
            .toList());
  }
}
