package com.reservationdesk.partnercenter.pricelist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.ReservationSku;
import com.reservationdesk.partnercenter.ReservationType;
import com.reservationdesk.partnercenter.VmSize;
import com.reservationdesk.pricing.VmHourlyPrices;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Retail Prices API format: good reservation items become SKUs, Linux pay-as-you-go rows VM prices, bad ones are
 * reported where they are.
 */
class RetailPricesCatalogReaderTest {

  private final RetailPricesCatalogReader reader = new RetailPricesCatalogReader(
      Map.of("westus", "US West", "westeurope", "EU West", "global", "Global"),
      Map.of("Standard_E16s_v5", new VmSize("Standard_E16s_v5", "Esv5", "Memory optimized", 16, new BigDecimal("128"),
          "Esv5 Series", new BigDecimal("8"))),
      List.of("Red Hat"));

  @Test
  void readsAPageOfItemsIntoPartnerCenterShapedSkus() throws IOException {
    RetailPricesCatalogReader.Result result = read(page(
        vm("westus", "1 Year", "6054.0", "02GK"),
        item("SQL Database", "SQL Managed Instance Business Critical - Compute Gen5", "vCore", "vCore", "", "westeurope",
            "3 Years", "5600.5", "DZH318Z0SQL2", "0001"),
        item("Azure Cosmos DB", "Azure Cosmos DB", "Multi-master RUs", "100 Multi-master RU/s", "", "global", "1 Year", "112.12",
            "DZH318Z0CSM1", "0002"),
        item("Red Hat Enterprise Linux", "Red Hat Enterprise Linux", "1 vCPU", "1 vCPU", "", "westus", "1 Year", "500",
            "DZH318Z0RHEL", "0001"),
        "{\"type\":\"Consumption\",\"serviceName\":\"Storage\",\"unitPrice\":0.5}"));

    assertThat(result.problems()).isEmpty();
    assertThat(result.items()).isEqualTo(5);
    assertThat(result.ignored()).containsEntry("Consumption items", 1).containsEntry("Red Hat Enterprise Linux reservations", 1);
    assertThat(result.skus()).hasSize(3);
    assertThat(result.vmPrices()).isEmpty();
    ReservationSku e16 = result.skus().get(0);
    assertThat(e16.key()).isEqualTo("DZH318Z096SR:02GK");
    assertThat(e16.type()).isEqualTo(ReservationType.VIRTUAL_MACHINES);
    assertThat(e16.termDuration()).isEqualTo("P1Y");
    assertThat(e16.listPrice()).isEqualByComparingTo("6054");
    assertThat(e16.currency()).isEqualTo("USD");
    assertThat(e16.regionDisplayName()).isEqualTo("US West");
    assertThat(e16.vmSize().vCpus()).isEqualTo(16);
    assertThat(e16.billingPlans()).containsExactlyInAnyOrder(BillingPlan.UPFRONT, BillingPlan.MONTHLY);
    assertThat(e16.title()).isEqualTo("Reserved VM Instance, Standard_E16s_v5, US West, 1 Year");
    ReservationSku sql = result.skus().get(1);
    assertThat(sql.type()).isEqualTo(ReservationType.SQL_DATABASE);
    assertThat(sql.tier()).isEqualTo("Business Critical");
    assertThat(sql.deployment()).isEqualTo("Managed instance");
    assertThat(sql.termDuration()).isEqualTo("P3Y");
    ReservationSku cosmos = result.skus().get(2);
    assertThat(cosmos.isGlobal()).isTrue();
    assertThat(cosmos.tier()).isEqualTo("Multi-region write");
  }

  @Test
  void badItemsAreReportedWithTheirPositionAndSkipped() throws IOException {
    RetailPricesCatalogReader.Result result = read(page(
        vm("westus", "1 Year", "6054.0", "0001"),
        vm("westeurop", "1 Year", "6100.0", "0002"),
        vm("westus", "1 Year", null, "0003"),
        vm("westus", "2 Years", "9000", "0004"),
        vm("westus", "3 Years", "-1", "0005"),
        vm("westus", "3 Years", "11626", "0001"),
        item("Virtual Machines", "Virtual Machines Qv9 Series", "Q8 v9", "Q8 v9", "Standard_Q8_v9", "westus", "1 Year", "1",
            "DZH318Z0QQQQ", "0001"),
        item("Virtual Machines", "Virtual Machines Esv5 Series", "E16s v5", "E16s v5", "Standard_E16s_v5", "global", "1 Year", "1",
            "DZH318Z096SR", "0009"),
        "42"));

    assertThat(result.skus()).extracting(ReservationSku::skuId).containsExactly("0001");
    assertThat(result.problems()).extracting(Object::toString).containsExactly(
        "item 2 (line 3): unknown region \u201cwesteurop\u201d",
        "item 3 (line 4): missing price (unitPrice)",
        "item 4 (line 5): wrong term \u201c2 Years\u201d: expected 1 Year, 3 Years or 5 Years",
        "item 5 (line 6): price -1 is not positive",
        "item 6 (line 7): SKU DZH318Z096SR:0001 appears twice (first as item 1)",
        "item 7 (line 8): unknown VM size \u201cStandard_Q8_v9\u201d (not in the VM size list)",
        "item 8 (line 9): Virtual machines reservations are bought for one region, not \u201cglobal\u201d",
        "item 9 (line 10): not an item object");
  }

  @Test
  void readsTheLinuxPayAsYouGoPriceOfEachSizeAndRegionWithItsSavingsPlans_besideTheReservations() throws IOException {
    RetailPricesCatalogReader.Result result = read(page(
        payAsYouGo("westus", "Virtual Machines Esv5 Series Windows", "E16s v5", "1.840", savingsPlans("1.5", "1.2")),
        payAsYouGo("westus", "Virtual Machines Esv5 Series", "E16s v5 Spot", "0.2208", null),
        payAsYouGo("westus", "Virtual Machines Esv5 Series", "E16s v5 Low Priority", "0.2208", null),
        // the API lists the 3-year price first
        payAsYouGo("westus", "Virtual Machines Esv5 Series", "E16s v5", "1.104", savingsPlans("0.87779", "0.67464")),
        vm("westus", "1 Year", "6054.0", "02GK"),
        payAsYouGo("westeurope", "Virtual Machines Esv5 Series", "E16s v5", "1.2", null),
        payAsYouGo("westus", "Virtual Machines Esv5 Series", "E16s v5", "0", null),
        payAsYouGo("westus", "Virtual Machines Esv5 Series", "E16s v5", "1.1", savingsPlans("-1", "0.6"))));

    assertThat(result.skus()).extracting(ReservationSku::key).containsExactly("DZH318Z096SR:02GK");
    assertThat(result.vmPrices()).containsExactly(
        new VmHourlyPrices("westus", "Standard_E16s_v5", new BigDecimal("1.104"), new BigDecimal("0.87779"), new BigDecimal("0.67464"), "USD"),
        new VmHourlyPrices("westeurope", "Standard_E16s_v5", new BigDecimal("1.2"), null, null, "USD"));
    assertThat(result.ignored()).containsExactly(Map.entry("Windows, Spot and Low Priority VM prices", 3));
    assertThat(result.problems()).extracting(Object::toString).containsExactly(
        "item 7 (line 8): pay-as-you-go price (unitPrice) 0 is not positive",
        "item 8 (line 9): savings plan price of 1 Year -1 is not positive");
  }

  @Test
  void ofTwoRowsOfOneSizeAndRegionThePrimaryMeterRegionsThenTheNewestCounts() throws IOException {
    String older = payAsYouGo("westus", "Virtual Machines Esv5 Series", "E16s v5", "1.2", null);
    String newer = older.replace("\"unitPrice\":1.2", "\"unitPrice\":1.1").replace("2024-04-01", "2025-04-01");
    String nonPrimary = newer.replace("\"unitPrice\":1.1", "\"unitPrice\":0.9").replace("2025-04-01", "2026-04-01")
        .replace("\"isPrimaryMeterRegion\":true", "\"isPrimaryMeterRegion\":false");
    assertThat(read(page(older, nonPrimary, newer)).vmPrices()).singleElement()
        .satisfies(p -> assertThat(p.payAsYouGo()).isEqualByComparingTo("1.1"));
    assertThat(read(page(newer, older)).vmPrices()).singleElement()
        .satisfies(p -> assertThat(p.payAsYouGo()).isEqualByComparingTo("1.1"));
  }

  @Test
  void aPlainArrayOfItemsIsReadToo() throws IOException {
    assertThat(read("[" + vm("westus", "3 Years", "11626", "0002") + "]").skus()).singleElement()
        .satisfies(s -> assertThat(s.termDuration()).isEqualTo("P3Y"));
  }

  @Test
  void aFileThatIsNotAPriceListFailsAsAWhole() {
    assertThatThrownBy(() -> read("{\"BillingCurrency\":\"USD\",\"Items\":[" + vm("westus", "1 Year", "1", "0001") + ",{\"type\":"))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> read("{\"Count\": 0}")).isInstanceOf(IOException.class).hasMessageContaining("no \"Items\" array");
    assertThatThrownBy(() -> read("\"hello\"")).isInstanceOf(IOException.class).hasMessageContaining("Retail Prices API page");
  }

  private RetailPricesCatalogReader.Result read(String json) throws IOException {
    return reader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
  }

  private static String page(String... items) {
    return "{\"BillingCurrency\":\"USD\",\"CustomerEntityId\":\"Default\",\"CustomerEntityType\":\"Retail\",\"Items\":[\n"
        + String.join(",\n", items) + "\n],\"NextPageLink\":null,\"Count\":" + items.length + "}";
  }

  /** A pay-as-you-go row as api-version 2023-01-01-preview writes it; {@code savingsPlan} null leaves the field out. */
  private static String payAsYouGo(String region, String product, String skuName, String price, String savingsPlan) {
    return "{\"currencyCode\":\"USD\",\"tierMinimumUnits\":0.0,\"retailPrice\":" + price + ",\"unitPrice\":" + price + ","
        + "\"armRegionName\":\"" + region + "\",\"location\":\"x\",\"effectiveStartDate\":\"2024-04-01T00:00:00Z\","
        + "\"meterId\":\"5fe1e427-910f-34a1-9b1e-000000000001\",\"meterName\":\"" + skuName + "\",\"productId\":\"DZH318Z096SR\","
        + "\"skuId\":\"DZH318Z096SR/0001\",\"productName\":\"" + product + "\",\"skuName\":\"" + skuName + "\","
        + "\"serviceName\":\"Virtual Machines\",\"serviceId\":\"DZH313Z7MMC8\",\"serviceFamily\":\"Compute\","
        + "\"unitOfMeasure\":\"1 Hour\",\"type\":\"Consumption\",\"isPrimaryMeterRegion\":true,\"armSkuName\":\"Standard_E16s_v5\""
        + (savingsPlan == null ? "" : ",\"savingsPlan\":" + savingsPlan) + "}";
  }

  private static String savingsPlans(String oneYear, String threeYears) {
    return "[{\"unitPrice\":" + threeYears + ",\"retailPrice\":" + threeYears + ",\"term\":\"3 Years\"},"
        + "{\"unitPrice\":" + oneYear + ",\"retailPrice\":" + oneYear + ",\"term\":\"1 Year\"}]";
  }

  private static String vm(String region, String term, String price, String skuId) {
    return item("Virtual Machines", "Virtual Machines Esv5 Series", "E16s v5", "E16s v5", "Standard_E16s_v5", region, term, price,
        "DZH318Z096SR", skuId);
  }

  private static String item(String service, String product, String skuName, String meterName, String armSkuName, String region,
      String term, String price, String productId, String skuId) {
    return "{\"currencyCode\":\"USD\",\"tierMinimumUnits\":0.0,\"reservationTerm\":\"" + term + "\","
        + (price == null ? "" : "\"retailPrice\":" + price + ",\"unitPrice\":" + price + ",")
        + "\"armRegionName\":\"" + region + "\",\"location\":\"x\",\"effectiveStartDate\":\"2024-04-01T00:00:00Z\","
        + "\"meterName\":\"" + meterName + "\",\"productId\":\"" + productId + "\",\"skuId\":\"" + productId + "/" + skuId + "\","
        + "\"productName\":\"" + product + "\",\"skuName\":\"" + skuName + "\",\"serviceName\":\"" + service + "\","
        + "\"unitOfMeasure\":\"1 Hour\",\"type\":\"Reservation\",\"isPrimaryMeterRegion\":true,\"armSkuName\":\"" + armSkuName + "\"}";
  }
}
