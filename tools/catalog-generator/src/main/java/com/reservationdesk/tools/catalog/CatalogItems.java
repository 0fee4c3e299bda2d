package com.reservationdesk.tools.catalog;

import com.reservationdesk.tools.catalog.DatabaseReservations.CosmosSku;
import com.reservationdesk.tools.catalog.DatabaseReservations.SqlProduct;
import com.reservationdesk.tools.catalog.RetailPricesGenerator.Mode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The items of a catalog: every VM size in every region where its family is sold, its pay-as-you-go row and a reservation
 * for each term, then the database reservations.
 */
final class CatalogItems {

  /** The 22 regions of the committed demo catalog. */
  static final List<String> DEMO_REGIONS = List.of(
      "eastus", "eastus2", "westus", "westus2", "westus3", "centralus", "northeurope", "westeurope",
      "uksouth", "ukwest", "francecentral", "germanywestcentral", "switzerlandnorth", "swedencentral",
      "norwayeast", "canadacentral", "canadaeast", "australiaeast", "japaneast", "japanwest", "eastasia",
      "southeastasia");

  private static final String VM_SERVICE_ID = "DZH313Z7MMC8";

  private CatalogItems() {}

  /** Sorted by product, size, region, term (pay-as-you-go first) and sku name, with their ids. */
  static List<Item> build(CatalogModel model, Mode mode) {
    List<String> regions = mode == Mode.DEMO ? DEMO_REGIONS
        : model.regions.keySet().stream().filter(region -> !region.equals(CatalogModel.GLOBAL_REGION)).toList();
    List<Item> items = new ArrayList<>(mode == Mode.DEMO ? 11_000 : 180_000);
    addVmItems(model, mode, regions, items);
    addDatabaseItems(model, mode, regions, items);
    items.sort(Comparator.<Item, String>comparing(item -> item.productId)
        .thenComparing(item -> item.armSkuName)
        .thenComparing(item -> item.region)
        .thenComparingInt(item -> item.termYears)
        .thenComparing(item -> item.skuName));
    StableIds.assign(items);
    return items;
  }

  private static void addVmItems(CatalogModel model, Mode mode, List<String> regions, List<Item> items) {
    Map<String, Anchor> anchors = new HashMap<>();
    for (Anchor anchor : model.anchors) {
      anchors.put(anchor.region() + "|" + anchor.armSkuName(), anchor);
    }
    Set<String> anchorsUsed = new HashSet<>();
    for (Size size : model.sizes) {
      Family family = model.families.get(size.family);
      double price1yWestus = family.perVcpu() * size.units;
      for (String regionName : regions) {
        if (family.regions() != null && !family.regions().contains(regionName)) {
          continue;
        }
        double factor = RegionFactors.of(regionName);
        BigDecimal price1y = money(price1yWestus * factor);
        BigDecimal price3y = money(price1yWestus * family.ratio3y() * factor);
        Anchor anchor = anchors.get(regionName + "|" + size.armSkuName);
        if (anchor != null) {
          anchorsUsed.add(regionName + "|" + size.armSkuName);
          warnIfFarFromAnchor(size, regionName, price1y, anchor);
          price1y = anchor.price1y();
          price3y = anchor.price3y();
        }
        boolean inDemoCatalog = mode == Mode.DEMO || (size.listed && DEMO_REGIONS.contains(regionName));
        Region region = model.regions.get(regionName);
        items.add(vmItem(family, size, region, 1, price1y, inDemoCatalog));
        items.add(vmItem(family, size, region, 3, price3y, inDemoCatalog));
        items.add(payAsYouGoItem(family, size, region, HourlyPrices.derive(price1y, price3y, family.savingsPlan()), inDemoCatalog));
        if (family.ratio5y() != null) {
          items.add(vmItem(family, size, region, 5, money(price1yWestus * family.ratio5y() * factor), inDemoCatalog));
        }
      }
    }
    for (Anchor anchor : model.anchors) {
      if (regions.contains(anchor.region()) && !anchorsUsed.contains(anchor.region() + "|" + anchor.armSkuName())) {
        throw new IllegalStateException("anchor " + anchor + " matches no item (family not sold in the region?)");
      }
    }
  }

  /** A model that strays from a real price needs looking at; the real price is written all the same. */
  private static void warnIfFarFromAnchor(Size size, String region, BigDecimal modelled, Anchor anchor) {
    double deviation = Math.abs(modelled.doubleValue() / anchor.price1y().doubleValue() - 1);
    if (deviation > 0.01) {
      System.err.println("warning: model price " + modelled + " of " + size.armSkuName + " in " + region
          + " is " + Math.round(deviation * 1000) / 10.0 + "% off its anchor " + anchor.price1y());
    }
  }

  private static void addDatabaseItems(CatalogModel model, Mode mode, List<String> regions, List<Item> items) {
    for (SqlProduct product : DatabaseReservations.SQL_PRODUCTS) {
      for (String regionName : regions) {
        double factor = RegionFactors.of(regionName);
        boolean inDemoCatalog = mode == Mode.DEMO || DEMO_REGIONS.contains(regionName);
        Region region = model.regions.get(regionName);
        items.add(sqlItem(product, region, 1, money(product.price1yPerVcoreWestus() * factor), inDemoCatalog));
        items.add(sqlItem(product, region, 3, money(product.price1yPerVcoreWestus() * product.ratio3y() * factor), inDemoCatalog));
      }
    }
    Region global = model.regions.get(CatalogModel.GLOBAL_REGION);
    if (global == null) {
      throw new IllegalStateException("azure-regions.csv must list " + CatalogModel.GLOBAL_REGION + " (Cosmos DB)");
    }
    for (CosmosSku sku : DatabaseReservations.COSMOS_SKUS) {
      items.add(cosmosItem(sku, global, 1, sku.price1y()));
      items.add(cosmosItem(sku, global, 3, sku.price3y()));
    }
  }

  private static Item vmItem(Family family, Size size, Region region, int years, BigDecimal price, boolean inDemoCatalog) {
    String skuName = size.armSkuName.substring("Standard_".length()).replace('_', ' ');
    Item item = item(region, years, price, inDemoCatalog);
    item.productId = family.productId();
    item.armSkuName = size.armSkuName;
    item.skuName = skuName;
    item.meterName = skuName;
    item.productName = "Virtual Machines " + family.name() + " Series";
    item.serviceName = "Virtual Machines";
    item.serviceId = VM_SERVICE_ID;
    item.serviceFamily = "Compute";
    return item;
  }

  /** The Linux pay-as-you-go row of a size: what its reservations and the savings plan are weighed against. */
  private static Item payAsYouGoItem(Family family, Size size, Region region, HourlyPrices prices, boolean inDemoCatalog) {
    Item item = vmItem(family, size, region, 0, prices.payAsYouGo(), inDemoCatalog);
    item.consumption = true;
    item.savingsPlan1y = prices.savingsPlan1y();
    item.savingsPlan3y = prices.savingsPlan3y();
    return item;
  }

  private static Item sqlItem(SqlProduct product, Region region, int years, BigDecimal price, boolean inDemoCatalog) {
    Item item = databaseItem(region, years, price, inDemoCatalog);
    item.productId = product.productId();
    item.skuName = "vCore";
    item.meterName = "vCore";
    item.productName = product.productName();
    item.serviceName = "SQL Database";
    item.serviceId = DatabaseReservations.SQL_SERVICE_ID;
    return item;
  }

  /** Cosmos DB is in both catalogs: it has no region to leave out. */
  private static Item cosmosItem(CosmosSku sku, Region global, int years, BigDecimal price) {
    Item item = databaseItem(global, years, price, true);
    item.productId = DatabaseReservations.COSMOS_PRODUCT_ID;
    item.skuName = sku.skuName();
    item.meterName = sku.meterName();
    item.productName = "Azure Cosmos DB";
    item.serviceName = "Azure Cosmos DB";
    item.serviceId = DatabaseReservations.COSMOS_SERVICE_ID;
    return item;
  }

  private static Item databaseItem(Region region, int years, BigDecimal price, boolean inDemoCatalog) {
    Item item = item(region, years, price, inDemoCatalog);
    item.armSkuName = "";
    item.serviceFamily = "Databases";
    return item;
  }

  private static Item item(Region region, int years, BigDecimal price, boolean inDemoCatalog) {
    Item item = new Item();
    item.region = region.name();
    item.location = region.location();
    item.termYears = years;
    item.price = price;
    item.inDemoCatalog = inDemoCatalog;
    return item;
  }

  private static BigDecimal money(double amount) {
    return BigDecimal.valueOf(amount).setScale(2, RoundingMode.HALF_UP);
  }
}
