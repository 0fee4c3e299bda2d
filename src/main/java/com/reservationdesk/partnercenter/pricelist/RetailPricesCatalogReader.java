package com.reservationdesk.partnercenter.pricelist;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.ReservationSku;
import com.reservationdesk.partnercenter.ReservationType;
import com.reservationdesk.partnercenter.Term;
import com.reservationdesk.partnercenter.VmSize;
import com.reservationdesk.pricing.VmHourlyPrices;
import com.reservationdesk.pricing.retail.RetailPriceJson;
import com.reservationdesk.pricing.retail.RetailPricesJson;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads reservation SKUs from the JSON of the public Azure Retail Prices API
 * ({@code https://prices.azure.com/api/retail/prices?$filter=type eq 'Reservation'}): a page object
 * with {@code Items}, or a plain array of items. Its {@code productId} and {@code skuId} are the
 * Partner Center catalog's ids and {@code unitPrice} is the whole-term price.
 *
 * <p>From the same file it reads the Linux pay-as-you-go price of an hour of each VM size and region, with the savings
 * plan's ({@code type} "Consumption", api-version 2023-01-01-preview; {@link RetailPriceJson}), which recommendations
 * weigh reservations against. They change nothing in the reservations read.
 *
 * <p>A bad item is reported with its position and skipped; items of services Reservation Desk does
 * not sell, and VM prices it does not compare (Windows, Spot, Low Priority), are counted and ignored. A file that is not
 * JSON of that shape fails as a whole.
 */
public final class RetailPricesCatalogReader {

  private static final Pattern PRODUCT_ID = Pattern.compile("[0-9A-Z]{12}");
  private static final Pattern SKU_ID = Pattern.compile("[0-9A-Z]{4}");
  private static final Set<BillingPlan> UPFRONT_ONLY = Collections.unmodifiableSet(EnumSet.of(BillingPlan.UPFRONT));
  private static final Set<BillingPlan> BOTH_PLANS = Collections.unmodifiableSet(EnumSet.allOf(BillingPlan.class));
  private static final CsvMapper CSV = CsvMapper.builder()
      .enable(CsvParser.Feature.WRAP_AS_ARRAY, CsvParser.Feature.TRIM_SPACES, CsvParser.Feature.SKIP_EMPTY_LINES)
      .build();

  private final Map<String, String> regions;
  private final Map<String, VmSize> sizes;
  private final List<String> upfrontOnlyProducts;
  private final ObjectMapper mapper = new ObjectMapper();

  /**
   * @param regions known {@code armRegionName} → display name
   * @param sizes VM size attributes by {@code armSkuName}
   * @param upfrontOnlyProducts product name parts (case-insensitive) that cannot be paid monthly
   */
  public RetailPricesCatalogReader(Map<String, String> regions, Map<String, VmSize> sizes, List<String> upfrontOnlyProducts) {
    this.regions = regions;
    this.sizes = sizes;
    this.upfrontOnlyProducts = upfrontOnlyProducts.stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
  }

  /** A skipped item: its 1-based position among the items and the line it starts on. */
  public record Problem(int item, int line, String message) {
    @Override
    public String toString() {
      return "item " + item + " (line " + line + "): " + message;
    }
  }

  /**
   * What a file yielded.
   *
   * @param vmPrices the Linux pay-as-you-go prices of VM sizes, one per region and size (of several rows, the primary meter
   *     region's, then the newest)
   * @param ignored items that are neither reservations of a product Reservation Desk sells nor VM prices it compares, by kind
   */
  public record Result(List<ReservationSku> skus, List<VmHourlyPrices> vmPrices, List<Problem> problems, Map<String, Integer> ignored,
      int items) {}

  public Result read(InputStream in) throws IOException {
    List<ReservationSku> skus = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    Map<String, Integer> ignored = new TreeMap<>();
    Map<String, Integer> firstPosition = new HashMap<>();
    Map<String, String> pool = new HashMap<>();
    Map<String, RetailPriceJson> vmRows = new HashMap<>();
    Map<String, VmHourlyPrices> vmPrices = new LinkedHashMap<>();
    int position = 0;
    try (JsonParser parser = new JsonFactory(mapper).createParser(in)) {
      moveToItems(parser);
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
        if (token == null) {
          throw new IOException("the file ends inside the item list");
        }
        position++;
        int line = parser.currentTokenLocation().getLineNr();
        if (token != JsonToken.START_OBJECT) {
          parser.skipChildren();
          problems.add(new Problem(position, line, "not an item object"));
          continue;
        }
        JsonNode item = mapper.readTree(parser);
        String type = text(item, "type");
        if (RetailPriceJson.CONSUMPTION.equals(type) && RetailPriceJson.VIRTUAL_MACHINES.equals(text(item, "serviceName"))) {
          Optional<String> bad = readVmPrice(item, vmRows, vmPrices, pool, ignored);
          if (bad.isPresent()) {
            problems.add(new Problem(position, line, bad.get()));
          }
          continue;
        }
        if (!"Reservation".equals(type)) {
          ignored.merge(type == null ? "items without a type" : type + " items", 1, Integer::sum);
          continue;
        }
        ReservationType reservationType = reservationType(text(item, "serviceName"));
        if (reservationType == null) {
          ignored.merge(String.valueOf(text(item, "serviceName")) + " reservations", 1, Integer::sum);
          continue;
        }
        try {
          ReservationSku sku = sku(item, reservationType, pool);
          Integer first = firstPosition.putIfAbsent(sku.key(), position);
          if (first != null) {
            throw new BadItem("SKU " + sku.key() + " appears twice (first as item " + first + ")");
          }
          skus.add(sku);
        } catch (BadItem e) {
          problems.add(new Problem(position, line, e.getMessage()));
        }
      }
    }
    return new Result(skus, List.copyOf(vmPrices.values()), problems, ignored, position);
  }

  /** Keeps a Linux pay-as-you-go row's prices unless a row of the same size and region counts more; why it is bad, if it is. */
  private static Optional<String> readVmPrice(JsonNode item, Map<String, RetailPriceJson> vmRows, Map<String, VmHourlyPrices> vmPrices,
      Map<String, String> pool, Map<String, Integer> ignored) {
    RetailPriceJson row;
    try {
      row = RetailPricesJson.MAPPER.treeToValue(item, RetailPriceJson.class);
    } catch (JsonProcessingException e) {
      return Optional.of("unreadable pay-as-you-go item: " + e.getOriginalMessage());
    }
    if (!row.isLinuxVmPayAsYouGo()) {
      ignored.merge("Windows, Spot and Low Priority VM prices", 1, Integer::sum);
      return Optional.empty();
    }
    VmHourlyPrices prices;
    try {
      prices = row.vmHourlyPrices();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage());
    }
    String key = prices.armRegionName() + "|" + prices.armSkuName();
    RetailPriceJson kept = vmRows.get(key);
    if (kept == null || row.isPreferredTo(kept)) {
      vmRows.put(key, row);
      vmPrices.put(key, new VmHourlyPrices(intern(pool, prices.armRegionName()), intern(pool, prices.armSkuName()), prices.payAsYouGo(),
          prices.savingsPlanOneYear(), prices.savingsPlanThreeYears(), intern(pool, prices.currency())));
    }
    return Optional.empty();
  }

  private static void moveToItems(JsonParser parser) throws IOException {
    JsonToken first = parser.nextToken();
    if (first == JsonToken.START_ARRAY) {
      return;
    }
    if (first != JsonToken.START_OBJECT) {
      throw new IOException("expected a Retail Prices API page ({\"Items\": [...]}) or an array of items");
    }
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if ("Items".equals(field) && value == JsonToken.START_ARRAY) {
        return;
      }
      parser.skipChildren();
    }
    throw new IOException("the page has no \"Items\" array");
  }

  private ReservationSku sku(JsonNode item, ReservationType type, Map<String, String> pool) {
    String productId = required(item, "productId");
    if (!PRODUCT_ID.matcher(productId).matches()) {
      throw new BadItem("productId \u201c" + productId + "\u201d is not a 12-character catalog id");
    }
    String skuRef = required(item, "skuId");
    int slash = skuRef.indexOf('/');
    String skuId = slash < 0 ? skuRef : skuRef.substring(slash + 1);
    if ((slash >= 0 && !skuRef.substring(0, slash).equals(productId)) || !SKU_ID.matcher(skuId).matches()) {
      throw new BadItem("skuId \u201c" + skuRef + "\u201d is not " + productId + "/ and a 4-character SKU id");
    }
    Term reservationTerm = Term.ofRetail(String.valueOf(text(item, "reservationTerm")));
    if (reservationTerm == null) {
      throw new BadItem("wrong term \u201c" + text(item, "reservationTerm") + "\u201d: expected 1 Year, 3 Years or 5 Years");
    }
    String term = reservationTerm.iso();
    JsonNode priceNode = item.get("unitPrice");
    if (priceNode == null || priceNode.isNull()) {
      priceNode = item.get("retailPrice");
    }
    if (priceNode == null || priceNode.isNull() || !priceNode.isNumber()) {
      throw new BadItem("missing price (unitPrice)");
    }
    BigDecimal price = priceNode.decimalValue();
    if (price.signum() <= 0) {
      throw new BadItem("price " + price.toPlainString() + " is not positive");
    }
    String currency = required(item, "currencyCode");
    try {
      currency = Currency.getInstance(currency).getCurrencyCode();
    } catch (IllegalArgumentException e) {
      throw new BadItem("currency \u201c" + currency + "\u201d is not an ISO 4217 code");
    }
    String region = required(item, "armRegionName").toLowerCase(Locale.ROOT);
    String regionName = regions.get(region);
    if (regionName == null) {
      throw new BadItem("unknown region \u201c" + region + "\u201d");
    }
    boolean global = ReservationSku.GLOBAL_REGION.equals(region);
    if (global != (type == ReservationType.COSMOS_DB)) {
      throw new BadItem(type.label() + " reservations are " + (global ? "bought for one region, not \u201cglobal\u201d" : "global, not for " + region));
    }
    String productName = required(item, "productName");
    String skuName = required(item, "skuName");
    VmSize vmSize = null;
    String tier = null;
    String deployment = null;
    switch (type) {
      case VIRTUAL_MACHINES -> {
        String armSkuName = required(item, "armSkuName");
        vmSize = sizes.get(armSkuName);
        if (vmSize == null) {
          throw new BadItem("unknown VM size \u201c" + armSkuName + "\u201d (not in the VM size list)");
        }
      }
      case SQL_DATABASE -> {
        String lower = productName.toLowerCase(Locale.ROOT);
        deployment = lower.contains("managed instance") ? "Managed instance" : "Single database / elastic pool";
        if (lower.contains("general purpose")) {
          tier = "General Purpose";
        } else if (lower.contains("business critical")) {
          tier = "Business Critical";
        } else if (lower.contains("hyperscale")) {
          tier = "Hyperscale";
        } else {
          throw new BadItem("unknown SQL Database service tier in \u201c" + productName + "\u201d");
        }
      }
      case COSMOS_DB -> {
        String meter = String.valueOf(text(item, "meterName")) + " " + skuName;
        tier = meter.toLowerCase(Locale.ROOT).contains("multi") ? "Multi-region write" : "Single-region write";
        skuName = "100 RU/s";
      }
    }
    Set<BillingPlan> plans = monthlyAllowed(productName) ? BOTH_PLANS : UPFRONT_ONLY;
    return new ReservationSku(intern(pool, productId), skuId, type, intern(pool, productName), intern(pool, skuName), vmSize,
        tier == null ? null : intern(pool, tier), deployment, intern(pool, region), intern(pool, regionName), term, 1L,
        999_999_999L, plans, price, currency);
  }

  private boolean monthlyAllowed(String productName) {
    String lower = productName.toLowerCase(Locale.ROOT);
    return upfrontOnlyProducts.stream().noneMatch(lower::contains);
  }

  private static ReservationType reservationType(String serviceName) {
    if (serviceName == null) {
      return null;
    }
    return switch (serviceName) {
      case "Virtual Machines" -> ReservationType.VIRTUAL_MACHINES;
      case "SQL Database", "SQL Managed Instance" -> ReservationType.SQL_DATABASE;
      case "Azure Cosmos DB" -> ReservationType.COSMOS_DB;
      default -> null;
    };
  }

  private static String text(JsonNode item, String field) {
    JsonNode node = item.get(field);
    return node == null || node.isNull() ? null : node.asText();
  }

  private static String required(JsonNode item, String field) {
    String value = text(item, field);
    if (value == null || value.isBlank()) {
      throw new BadItem("missing " + field);
    }
    return value.trim();
  }

  private static String intern(Map<String, String> pool, String value) {
    return pool.computeIfAbsent(value, v -> v);
  }

  /** {@code armRegionName,location} rows; {@code #} starts a comment, the header row is optional. */
  public static Map<String, String> readRegions(InputStream in) throws IOException {
    Map<String, String> regions = new LinkedHashMap<>();
    for (CsvRow row : csvRows(in, "armRegionName")) {
      String[] cells = row.cells();
      if (cells.length < 2 || cells[0].isBlank() || cells[1].isBlank()) {
        throw new IOException("line " + row.line() + ": expected armRegionName,location");
      }
      regions.put(cells[0].toLowerCase(Locale.ROOT), cells[1]);
    }
    return regions;
  }

  /**
   * {@code armSkuName,family,category,vCPUs,memoryGiB,isfGroup,isfRatio} rows; {@code #} starts a comment, the header row is
   * optional.
   */
  public static Map<String, VmSize> readSizes(InputStream in) throws IOException {
    Map<String, VmSize> sizes = new HashMap<>();
    for (CsvRow row : csvRows(in, "armSkuName")) {
      String[] cells = row.cells();
      try {
        sizes.put(cells[0], new VmSize(cells[0], cells[1], cells[2], Integer.parseInt(cells[3]), new BigDecimal(cells[4]), cells[5],
            new BigDecimal(cells[6])));
      } catch (RuntimeException e) {
        throw new IOException("line " + row.line() + ": expected armSkuName,family,category,vCPUs,memoryGiB,isfGroup,isfRatio");
      }
    }
    return sizes;
  }

  /** A data row of a CSV list, with the line it is on for messages. */
  private record CsvRow(int line, String[] cells) {}

  /** The rows of a CSV list without comments, empty lines and the header (the row whose first cell is {@code firstColumn}). */
  private static List<CsvRow> csvRows(InputStream in, String firstColumn) throws IOException {
    List<CsvRow> rows = new ArrayList<>();
    try (MappingIterator<String[]> lines = CSV.readerFor(String[].class).with(CsvSchema.emptySchema().withComments()).readValues(in)) {
      while (lines.hasNextValue()) {
        String[] cells = lines.nextValue();
        if (!cells[0].equals(firstColumn)) {
          rows.add(new CsvRow(lines.getParser().currentTokenLocation().getLineNr(), cells));
        }
      }
    }
    return rows;
  }

  private static final class BadItem extends RuntimeException {
    BadItem(String message) {
      super(message, null, false, false);
    }
  }
}
