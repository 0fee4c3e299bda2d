package com.reservationdesk.purchase;

import com.reservationdesk.partnercenter.Scope;
import java.time.Instant;

/**
 * A purchase an agent builds for one customer and one Azure subscription; its lines are the cart. It exists
 * from the start of its process (a {@link PurchaseStatus#DRAFT} until the customer and subscription are
 * chosen) and is found by that process instance, so what it is for never depends on what a form sent.
 *
 * @param createdBy who started it: the engine's authenticated user at the start, never a form value
 * @param orderedBy who chose to buy it
 * @param waitingFor what an ordered purchase waits for, in words; null when nothing
 */
public record Purchase(
    String id,
    String processInstanceId,
    String customerId,
    String customerName,
    String customerCountry,
    String subscriptionId,
    String subscriptionName,
    PurchaseStatus status,
    String currency,
    Scope scope,
    String resellerMpnId,
    String resellerName,
    String checkoutRequestId,
    String createdBy,
    String orderedBy,
    Instant createdAt,
    String approvalReason,
    String decidedBy,
    String rejectionReason,
    String waitingFor,
    Instant updatedAt) {

  public boolean hasCustomer() {
    return customerId != null;
  }

  /** Whoever asked for it: who started it and who chose to buy it (usually the same agent). */
  public boolean isRequester(String user) {
    return user != null && (user.equals(createdBy) || user.equals(orderedBy));
  }
}
