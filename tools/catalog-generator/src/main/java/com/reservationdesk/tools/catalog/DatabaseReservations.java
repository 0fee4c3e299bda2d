package com.reservationdesk.tools.catalog;

import java.math.BigDecimal;
import java.util.List;

/** The SQL Database and Cosmos DB reservations of both catalogs: a short fixed list, not modelled from sizes. */
final class DatabaseReservations {

  static final String SQL_SERVICE_ID = "DZH3180HX10K";
  static final String COSMOS_SERVICE_ID = "DZH3181JT9ZL";
  static final String COSMOS_PRODUCT_ID = "DZH318Z0BQ9T";

  /** A vCore reservation: 1-year USD per vCore in westus; the 3-year price is that × ratio3y. */
  record SqlProduct(String productId, String productName, double price1yPerVcoreWestus, double ratio3y) {}

  /** Cosmos DB reserved capacity, sold in region "global": USD per 100 RU/s. */
  record CosmosSku(String skuName, String meterName, BigDecimal price1y, BigDecimal price3y) {}

  static final List<SqlProduct> SQL_PRODUCTS = List.of(
      new SqlProduct("DZH318Z08M4N", "SQL Database Single/Elastic Pool General Purpose - Compute Gen5", 1050.0, 2.08),
      new SqlProduct("DZH318Z08M4P", "SQL Database Single/Elastic Pool Business Critical - Compute Gen5", 2800.0, 2.12),
      new SqlProduct("DZH318Z08M4Q", "SQL Database Single/Elastic Pool Hyperscale - Compute Gen5", 1150.0, 2.05),
      new SqlProduct("DZH318Z08M4R", "SQL Managed Instance General Purpose - Compute Gen5", 1050.0, 2.08),
      new SqlProduct("DZH318Z08M4S", "SQL Managed Instance Business Critical - Compute Gen5", 2800.0, 2.12));

  static final List<CosmosSku> COSMOS_SKUS = List.of(
      new CosmosSku("RUs", "100 RU/s", new BigDecimal("56.06"), new BigDecimal("147.17")),
      new CosmosSku("Multi-master RUs", "100 Multi-master RU/s", new BigDecimal("112.12"), new BigDecimal("294.34")));

  private DatabaseReservations() {}
}
