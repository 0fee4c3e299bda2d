package com.reservationdesk.partnercenter;

import java.util.List;

/** {@code GET /products/{p}/skus/{s}/availabilities}: the id a cart line must name. */
public record Availability(
    String id,
    String productId,
    String skuId,
    String catalogItemId,
    boolean isPurchasable,
    String defaultCurrency,
    List<String> terms) {}
