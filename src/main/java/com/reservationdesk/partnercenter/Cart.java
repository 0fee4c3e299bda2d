package com.reservationdesk.partnercenter;

import java.time.Instant;
import java.util.List;

/** A cart as the API returns it; it expires at {@code expirationTimestamp}. */
public record Cart(String id, String customerId, String status, Instant creationTimestamp, Instant expirationTimestamp,
    List<CartLineItem> lineItems) {}
