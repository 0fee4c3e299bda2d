package com.reservationdesk.tools.catalog;

import java.math.BigDecimal;

/** A real list price of price-anchors.csv, written verbatim instead of the modelled one. */
record Anchor(String region, String armSkuName, BigDecimal price1y, BigDecimal price3y) {}
