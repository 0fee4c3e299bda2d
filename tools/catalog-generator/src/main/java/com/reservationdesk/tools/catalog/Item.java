package com.reservationdesk.tools.catalog;

import java.math.BigDecimal;

/**
 * One item of the Retail Prices API page: a reservation (whole-term price) or, for a VM size, its pay-as-you-go row (price
 * of an hour, with the savings plan's); its ids are set last (see {@link StableIds}).
 */
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
  int termYears; // 0 for a pay-as-you-go row
  BigDecimal price;
  boolean consumption; // a pay-as-you-go row ("type":"Consumption")
  BigDecimal savingsPlan1y; // of a pay-as-you-go row, per hour; null where no savings plan covers the size
  BigDecimal savingsPlan3y;
  boolean inDemoCatalog; // gets its skuId first, so it keeps the same one in FULL_SIZE
}
