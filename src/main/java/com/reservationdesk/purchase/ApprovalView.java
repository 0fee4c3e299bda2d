package com.reservationdesk.purchase;

/**
 * What an approver reads, made from the purchase's records when the approval task is created.
 *
 * @param reason why the order needs approval, as the approval table says
 */
public record ApprovalView(Purchase purchase, String reason, CartView cart) {

  /** Who asked: whoever chose to buy, or who started the purchase. */
  public String requestedBy() {
    return purchase.orderedBy() != null ? purchase.orderedBy() : purchase.createdBy();
  }
}
