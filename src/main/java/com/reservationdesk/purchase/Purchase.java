package com.reservationdesk.purchase;

import java.time.Instant;

/** A purchase an agent builds for one customer and one Azure subscription; its lines are the cart. */
public record Purchase(
    String id,
    String customerId,
    String customerName,
    String customerCountry,
    String subscriptionId,
    String subscriptionName,
    PurchaseStatus status,
    String currency,
    String scope,
    String resellerMpnId,
    String resellerName,
    String checkoutRequestId,
    String createdBy,
    String orderedBy,
    Instant createdAt) {}
