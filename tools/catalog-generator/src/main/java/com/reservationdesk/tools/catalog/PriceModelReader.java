package com.reservationdesk.tools.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a {@link CatalogModel} from the project and checks that its files fit together: the app's own azure-regions.csv
 * and vm-sizes.csv, and the generator's price model, vm-price-model.csv and price-anchors.csv.
 */
final class PriceModelReader {

  static final String CATALOG_DIR = "src/main/resources/partnercenter/catalog";
  static final String PRICE_MODEL_DIR = "tools/catalog-generator/price-model";

  private static final CsvMapper CSV = CsvMapper.builder()
      .enable(CsvParser.Feature.TRIM_SPACES, CsvParser.Feature.SKIP_EMPTY_LINES, CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
      .build();

  @JsonPropertyOrder({"armRegionName", "location"})
  private record RegionRow(String armRegionName, String location) {}

  @JsonPropertyOrder({"family", "productId", "price1yPerVcpuWestus", "ratio3y", "ratio5y", "savingsPlan", "regions"})
  private record FamilyRow(String family, String productId, double price1yPerVcpuWestus, double ratio3y, Double ratio5y,
      boolean savingsPlan, String regions) {}

  @JsonPropertyOrder({"armSkuName", "family", "category", "vCPUs", "memoryGiB", "isfGroup", "isfRatio"})
  private record SizeRow(String armSkuName, String family, String category, @JsonProperty("vCPUs") int vcpus,
      BigDecimal memoryGiB, String isfGroup, BigDecimal isfRatio) {}

  @JsonPropertyOrder({"armRegionName", "armSkuName", "price1y", "price3y"})
  private record AnchorRow(String armRegionName, String armSkuName, BigDecimal price1y, BigDecimal price3y) {}

  private PriceModelReader() {}

  static CatalogModel read(Path projectDir) throws IOException {
    Path catalogDir = projectDir.resolve(CATALOG_DIR);
    Path priceModelDir = projectDir.resolve(PRICE_MODEL_DIR);
    CatalogModel model = new CatalogModel();
    readRegions(model, catalogDir.resolve("azure-regions.csv"));
    readFamilies(model, priceModelDir.resolve("vm-price-model.csv"));
    readSizes(model, catalogDir.resolve("vm-sizes.csv"));
    Path anchors = priceModelDir.resolve("price-anchors.csv");
    if (Files.exists(anchors)) {
      readAnchors(model, anchors);
    }
    return model;
  }

  private static void readRegions(CatalogModel model, Path file) throws IOException {
    for (RegionRow row : rows(file, RegionRow.class)) {
      if (model.regions.put(row.armRegionName(), new Region(row.armRegionName(), row.location())) != null) {
        throw new IllegalStateException("duplicate region " + row.armRegionName());
      }
    }
    for (String region : CatalogItems.DEMO_REGIONS) {
      requireRegion(model, region, "DEMO_REGIONS");
    }
    for (String region : model.regions.keySet()) {
      if (!region.equals(CatalogModel.GLOBAL_REGION) && !RegionFactors.has(region)) {
        System.err.println("warning: no price factor for region " + region + ", using " + RegionFactors.DEFAULT);
      }
    }
  }

  private static void readFamilies(CatalogModel model, Path file) throws IOException {
    for (FamilyRow row : rows(file, FamilyRow.class)) {
      List<String> regions = null;
      if (!row.regions().equals("all")) {
        regions = new ArrayList<>();
        for (String region : row.regions().split(";")) {
          requireRegion(model, region.trim(), "vm-price-model.csv family " + row.family());
          regions.add(region.trim());
        }
      }
      if (row.productId().length() != 12 || !row.productId().startsWith("DZH318Z0")) {
        throw new IllegalStateException("bad productId " + row.productId() + " for family " + row.family());
      }
      Family family = new Family(row.family(), row.productId(), row.price1yPerVcpuWestus(), row.ratio3y(), row.ratio5y(),
          row.savingsPlan(), regions);
      if (model.families.put(family.name(), family) != null) {
        throw new IllegalStateException("duplicate family " + family.name());
      }
    }
  }

  private static void readSizes(CatalogModel model, Path file) throws IOException {
    Set<String> names = new HashSet<>();
    for (SizeRow row : rows(file, SizeRow.class)) {
      if (!model.families.containsKey(row.family())) {
        throw new IllegalStateException("size " + row.armSkuName() + ": family " + row.family() + " not in vm-price-model.csv");
      }
      if (!names.add(row.armSkuName())) {
        throw new IllegalStateException("duplicate size " + row.armSkuName());
      }
      model.sizes.add(new Size(row.armSkuName(), row.family(), row.category(), row.vcpus(), row.memoryGiB(), row.isfGroup(),
          row.isfRatio(), true));
    }
    for (Family family : model.families.values()) {
      if (model.sizes.stream().noneMatch(size -> size.family.equals(family.name()))) {
        throw new IllegalStateException("family " + family.name() + " has no size in vm-sizes.csv");
      }
    }
  }

  private static void readAnchors(CatalogModel model, Path file) throws IOException {
    for (AnchorRow row : rows(file, AnchorRow.class)) {
      requireRegion(model, row.armRegionName(), "price-anchors.csv");
      if (model.sizes.stream().noneMatch(size -> size.armSkuName.equals(row.armSkuName()))) {
        throw new IllegalStateException("price-anchors.csv: size " + row.armSkuName() + " not in vm-sizes.csv");
      }
      model.anchors.add(new Anchor(row.armRegionName(), row.armSkuName(), row.price1y(), row.price3y()));
    }
  }

  private static void requireRegion(CatalogModel model, String region, String where) {
    if (!model.regions.containsKey(region)) {
      throw new IllegalStateException(where + ": region " + region + " not in azure-regions.csv");
    }
  }

  /** The rows under the header, which must name the columns of {@code rowType} in order; lines starting with '#' are comments. */
  private static <T> List<T> rows(Path file, Class<T> rowType) throws IOException {
    var schema = CSV.schemaFor(rowType).withHeader().withStrictHeaders(true).withComments();
    try (MappingIterator<T> rows = CSV.readerFor(rowType).with(schema).readValues(file.toFile())) {
      return rows.readAll();
    } catch (JsonProcessingException e) {
      throw new IOException(file + ": " + e.getMessage(), e);
    }
  }
}
