package com.reservationdesk.tools.catalog;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes items as one page of the Azure Retail Prices API (api-version 2023-01-01-preview, which adds savings plan prices),
 * field for field in the API's order, one item a line so that a change to the committed file reads as a diff of items.
 */
final class RetailPricesJson {

  private static final String EFFECTIVE_START_DATE = "2024-04-01T00:00:00Z";

  private RetailPricesJson() {}

  static void write(List<Item> items, Path out) throws IOException {
    try (BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      writer.write("{\"BillingCurrency\":\"USD\",\"CustomerEntityId\":\"Default\",\"CustomerEntityType\":\"Retail\",\"Items\":[\n");
      StringBuilder line = new StringBuilder(1024);
      for (int n = 0; n < items.size(); n++) {
        line.setLength(0);
        appendItem(line, items.get(n));
        if (n < items.size() - 1) {
          line.append(',');
        }
        line.append('\n');
        writer.write(line.toString());
      }
      writer.write("],\"NextPageLink\":null,\"Count\":" + items.size() + "}\n");
    }
  }

  private static void appendItem(StringBuilder json, Item item) {
    String price = number(item.price);
    json.append("{\"currencyCode\":\"USD\",\"tierMinimumUnits\":0.0");
    if (!item.consumption) {
      json.append(",\"reservationTerm\":\"").append(term(item.termYears)).append('"');
    }
    json.append(",\"retailPrice\":").append(price)
        .append(",\"unitPrice\":").append(price);
    field(json, "armRegionName", item.region);
    field(json, "location", item.location);
    field(json, "effectiveStartDate", EFFECTIVE_START_DATE);
    field(json, "meterId", item.meterId);
    field(json, "meterName", item.meterName);
    field(json, "productId", item.productId);
    field(json, "skuId", item.skuId);
    field(json, "productName", item.productName);
    field(json, "skuName", item.skuName);
    field(json, "serviceName", item.serviceName);
    field(json, "serviceId", item.serviceId);
    field(json, "serviceFamily", item.serviceFamily);
    field(json, "unitOfMeasure", "1 Hour");
    field(json, "type", item.consumption ? "Consumption" : "Reservation");
    json.append(",\"isPrimaryMeterRegion\":true");
    field(json, "armSkuName", item.armSkuName);
    if (item.savingsPlan1y != null) {
      appendSavingsPlan(json, item);
    }
    json.append('}');
  }

  /**
   * The savings plan prices of an hour, as api-version 2023-01-01-preview adds them to a pay-as-you-go row that a plan
   * covers (the only version that has them; https://learn.microsoft.com/rest/api/cost-management/retail-prices/azure-retail-prices,
   * "Azure savings plan support"): {@code "savingsPlan":[{"unitPrice":…,"retailPrice":…,"term":"1 Year"},{…,"term":"3 Years"}]}.
   */
  private static void appendSavingsPlan(StringBuilder json, Item item) {
    json.append(",\"savingsPlan\":[");
    appendSavingsPlanPrice(json, item.savingsPlan1y, 1);
    json.append(',');
    appendSavingsPlanPrice(json, item.savingsPlan3y, 3);
    json.append(']');
  }

  private static void appendSavingsPlanPrice(StringBuilder json, BigDecimal price, int years) {
    String value = number(price);
    json.append("{\"unitPrice\":").append(value).append(",\"retailPrice\":").append(value)
        .append(",\"term\":\"").append(term(years)).append("\"}");
  }

  private static String term(int years) {
    return years == 1 ? "1 Year" : years + " Years";
  }

  private static void field(StringBuilder json, String name, String value) {
    json.append(",\"").append(name).append("\":\"");
    for (int k = 0; k < value.length(); k++) {
      char ch = value.charAt(k);
      if (ch == '"' || ch == '\\') {
        json.append('\\').append(ch);
      } else if (ch < 0x20) {
        json.append(String.format("\\u%04x", (int) ch));
      } else {
        json.append(ch);
      }
    }
    json.append('"');
  }

  /** 6054 -> 6054.0, 2376.90 -> 2376.9, 56.06 -> 56.06: the API writes doubles. */
  private static String number(BigDecimal value) {
    BigDecimal stripped = value.stripTrailingZeros();
    return stripped.scale() <= 0 ? stripped.setScale(1).toPlainString() : stripped.toPlainString();
  }
}
