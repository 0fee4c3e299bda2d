package com.reservationdesk.tools.catalog;

import java.math.BigDecimal;

/** One reservation item of the Retail Prices API page; its ids are set last (see {@link StableIds}). */
final class Item {

  String productId;
  String skuId;
  String meterId;
  String armSkuName;
  String skuName;
  String meterName;
  String productName;
  String serviceName;
  String serviceId;
  String serviceFamily;
  String region;
  String location;
  int termYears;
  BigDecimal price;
  boolean inDemoCatalog; // gets its skuId first, so it keeps the same one in FULL_SIZE
}
