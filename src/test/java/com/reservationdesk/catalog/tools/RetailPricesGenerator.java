package com.reservationdesk.catalog.tools;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes the embedded reservation catalog in the exact page/item shape of the Azure Retail Prices API
 * ({@code https://prices.azure.com/api/retail/prices}, items of {@code type} "Reservation").
 *
 * <p>Plain JDK only, deterministic (same inputs give a byte-identical file). Inputs, relative to the project:
 * <ul>
 *   <li>{@code src/main/resources/partnercenter/catalog/vm-sizes.csv} - VM sizes and their attributes;</li>
 *   <li>{@code src/main/resources/partnercenter/catalog/azure-regions.csv} - regions and display locations;</li>
 *   <li>{@code src/test/resources/catalog-tools/vm-price-model.csv} - product id, price per vCPU, term ratios and
 *       regions per family;</li>
 *   <li>{@code src/test/resources/catalog-tools/price-anchors.csv} - real list prices written verbatim.</li>
 * </ul>
 *
 * <p>Modes: {@link Mode#DEMO} (committed file {@code retail-prices-reservations.json}: every size of vm-sizes.csv
 * in 22 common regions, plus SQL Database and Cosmos DB reservations) and {@link Mode#FULL_SIZE} (benchmark only:
 * all regions, plus derived sizes following Azure's naming patterns, well over 100,000 items).
 *
 * <pre>
 * java src/test/java/com/reservationdesk/catalog/tools/RetailPricesGenerator.java DEMO \
 *      src/main/resources/partnercenter/catalog/retail-prices-reservations.json
 * java src/test/java/com/reservationdesk/catalog/tools/RetailPricesGenerator.java FULL_SIZE /tmp/full.json [projectDir]
 * java src/test/java/com/reservationdesk/catalog/tools/RetailPricesGenerator.java sizes FULL_SIZE /tmp/sizes.csv [projectDir]
 * </pre>
 */
public final class RetailPricesGenerator {

    /** Which catalog to write. */
    public enum Mode { DEMO, FULL_SIZE }

    static final String CATALOG_DIR = "src/main/resources/partnercenter/catalog";
    static final String TOOLS_DIR = "src/test/resources/catalog-tools";

    /** The 22 regions of the committed demo catalog. */
    static final List<String> DEMO_REGIONS = List.of(
            "eastus", "eastus2", "westus", "westus2", "westus3", "centralus", "northeurope", "westeurope",
            "uksouth", "ukwest", "francecentral", "germanywestcentral", "switzerlandnorth", "swedencentral",
            "norwayeast", "canadacentral", "canadaeast", "australiaeast", "japaneast", "japanwest", "eastasia",
            "southeastasia");

    static final String EFFECTIVE_START_DATE = "2024-04-01T00:00:00Z";
    static final String VM_SERVICE_ID = "DZH313Z7MMC8";
    static final String SQL_SERVICE_ID = "DZH3180HX10K";
    static final String COSMOS_SERVICE_ID = "DZH3181JT9ZL";
    static final String GLOBAL_REGION = "global";

    /**
     * Price factor of a region relative to westus (list prices of reservations differ by region).
     * A region of azure-regions.csv that is missing here gets {@link #DEFAULT_REGION_FACTOR} (with a warning).
     */
    static final Map<String, Double> REGION_FACTORS = new LinkedHashMap<>();
    static final double DEFAULT_REGION_FACTOR = 1.10;

    static {
        Object[][] f = {
            // Americas
            {"westus", 1.00}, {"eastus", 0.95}, {"eastus2", 0.95}, {"westus2", 0.95}, {"westus3", 0.95},
            {"centralus", 1.00}, {"northcentralus", 0.98}, {"southcentralus", 0.98}, {"westcentralus", 1.02},
            {"canadacentral", 1.05}, {"canadaeast", 1.06}, {"brazilsouth", 1.35}, {"brazilsoutheast", 1.45},
            {"mexicocentral", 1.12}, {"chilecentral", 1.18},
            // Europe
            {"northeurope", 1.00}, {"westeurope", 1.03}, {"uksouth", 1.05}, {"ukwest", 1.07},
            {"francecentral", 1.06}, {"francesouth", 1.30}, {"germanywestcentral", 1.08}, {"germanynorth", 1.26},
            {"switzerlandnorth", 1.20}, {"switzerlandwest", 1.40}, {"norwayeast", 1.20}, {"norwaywest", 1.45},
            {"swedencentral", 1.02}, {"swedensouth", 1.20}, {"polandcentral", 1.08}, {"italynorth", 1.08},
            {"spaincentral", 1.06}, {"austriaeast", 1.10}, {"belgiumcentral", 1.08}, {"denmarkeast", 1.10},
            // Middle East and Africa
            {"israelcentral", 1.15}, {"qatarcentral", 1.15}, {"uaenorth", 1.12}, {"uaecentral", 1.35},
            {"southafricanorth", 1.15}, {"southafricawest", 1.40},
            // Asia Pacific
            {"eastasia", 1.20}, {"southeastasia", 1.05}, {"australiaeast", 1.20}, {"australiasoutheast", 1.22},
            {"australiacentral", 1.22}, {"australiacentral2", 1.30}, {"japaneast", 1.15}, {"japanwest", 1.18},
            {"koreacentral", 1.10}, {"koreasouth", 1.08}, {"centralindia", 0.98}, {"southindia", 1.00},
            {"westindia", 1.05}, {"jioindiawest", 0.95}, {"jioindiacentral", 0.95}, {"newzealandnorth", 1.22},
            {"indonesiacentral", 1.15}, {"malaysiawest", 1.12},
        };
        for (Object[] e : f) {
            REGION_FACTORS.put((String) e[0], (Double) e[1]);
        }
    }

    /** SQL vCore reservations: product id, product name, 1-year USD per vCore in westus, 3-year ratio. */
    static final Object[][] SQL_PRODUCTS = {
        {"DZH318Z08M4N", "SQL Database Single/Elastic Pool General Purpose - Compute Gen5", 1050.0, 2.08},
        {"DZH318Z08M4P", "SQL Database Single/Elastic Pool Business Critical - Compute Gen5", 2800.0, 2.12},
        {"DZH318Z08M4Q", "SQL Database Single/Elastic Pool Hyperscale - Compute Gen5", 1150.0, 2.05},
        {"DZH318Z08M4R", "SQL Managed Instance General Purpose - Compute Gen5", 1050.0, 2.08},
        {"DZH318Z08M4S", "SQL Managed Instance Business Critical - Compute Gen5", 2800.0, 2.12},
    };

    /** Cosmos DB reserved capacity (not regional): sku name, meter name, 1-year and 3-year USD per 100 RU/s. */
    static final String COSMOS_PRODUCT_ID = "DZH318Z0BQ9T";
    static final Object[][] COSMOS_SKUS = {
        {"RUs", "100 RU/s", "56.06", "147.17"},
        {"Multi-master RUs", "100 Multi-master RU/s", "112.12", "294.34"},
    };

    // ---- derived sizes for FULL_SIZE (Azure naming patterns; prices proportional to the base family) ----

    static final String[] D_LETTERS = {"", "s", "d", "ds", "as", "ads", "ls", "lds", "als", "alds", "ps", "pds",
        "pls", "plds"};
    static final String[] E_LETTERS = {"", "s", "d", "ds", "as", "ads", "bs", "bds", "ps", "pds"};
    static final int[] DERIVED_GENERATIONS = {4, 5, 6};
    static final int[] D_VCPUS = {2, 4, 8, 16, 32, 48, 64, 96};
    static final int[] E_VCPUS = {2, 4, 8, 16, 20, 32, 48, 64, 96};
    /** Constrained-vCPU variants by parent vCPU count (E and M series). */
    static final Map<Integer, int[]> CONSTRAINED = Map.of(
            4, new int[] {2}, 8, new int[] {2, 4}, 16, new int[] {4, 8}, 32, new int[] {8, 16},
            64, new int[] {16, 32}, 96, new int[] {24, 48}, 128, new int[] {32, 64});
    /** Constrained-vCPU variants of the DSv2 memory-optimized sizes, by parent vCPU count. */
    static final Map<Integer, int[]> CONSTRAINED_DSV2 = Map.of(
            2, new int[] {1}, 4, new int[] {1, 2}, 8, new int[] {2, 4}, 16, new int[] {4, 8});
    static final double DERIVED_RATIO_3Y = 1.92;
    /** Price units per vCPU of an isolated size (ISF group "... Isolated"), relative to a regular vCPU. */
    static final double ISOLATED_PREMIUM = 1.10;

    private RetailPricesGenerator() {
    }

    // ------------------------------------------------------------------------------------------ model

    record Region(String name, String location) {
    }

    record Family(String name, String productId, double perVcpu, double ratio3y, Double ratio5y,
                  List<String> regions /* null = all */, boolean derived) {
    }

    static final class Size {
        final String armSkuName;
        final String family;
        final String category;
        final int vcpus;
        final BigDecimal memoryGiB;
        final String isfGroup;
        final BigDecimal isfRatio;
        final boolean base; // listed in vm-sizes.csv
        int priceCores; // vCPUs of the parent size for constrained-vCPU sizes
        double units; // price units (1-year westus price = family perVcpu x units)

        Size(String armSkuName, String family, String category, int vcpus, BigDecimal memoryGiB, String isfGroup,
             BigDecimal isfRatio, boolean base) {
            this.armSkuName = armSkuName;
            this.family = family;
            this.category = category;
            this.vcpus = vcpus;
            this.memoryGiB = memoryGiB;
            this.isfGroup = isfGroup;
            this.isfRatio = isfRatio;
            this.base = base;
        }
    }

    record Anchor(String region, String armSkuName, BigDecimal price1y, BigDecimal price3y) {
    }

    static final class Item {
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
        boolean core; // also part of the DEMO catalog (keeps its skuId stable between modes)
    }

    /** Everything a run needs, loaded from the project. */
    static final class Catalog {
        final Map<String, Region> regions = new LinkedHashMap<>();
        final Map<String, Family> families = new LinkedHashMap<>();
        final List<Size> sizes = new ArrayList<>();
        final List<Anchor> anchors = new ArrayList<>();
    }

    // ------------------------------------------------------------------------------------------ API

    /**
     * Writes the Retail Prices API page for {@code mode} to {@code out}.
     *
     * @return the number of items written
     */
    public static int write(Path projectDir, Mode mode, Path out) throws IOException {
        Catalog catalog = load(projectDir, mode);
        List<Item> items = buildItems(catalog, mode);
        writeJson(items, out);
        return items.size();
    }

    /**
     * Writes the vm-sizes.csv-format list of the sizes a catalog of {@code mode} contains (for DEMO the rows of the
     * committed vm-sizes.csv; for FULL_SIZE also the derived sizes).
     *
     * @return the number of size rows written
     */
    public static int writeSizes(Path projectDir, Mode mode, Path out) throws IOException {
        Catalog catalog = load(projectDir, mode);
        StringBuilder sb = new StringBuilder(64 * 1024);
        sb.append("# VM sizes of the ").append(mode).append(" reservation catalog, written by RetailPricesGenerator.\n");
        sb.append("# Same columns as src/main/resources/partnercenter/catalog/vm-sizes.csv.\n");
        sb.append("armSkuName,family,category,vCPUs,memoryGiB,isfGroup,isfRatio\n");
        for (Size s : catalog.sizes) {
            sb.append(s.armSkuName).append(',').append(s.family).append(',').append(s.category).append(',')
                    .append(s.vcpus).append(',').append(plain(s.memoryGiB)).append(',').append(s.isfGroup)
                    .append(',').append(plain(s.isfRatio)).append('\n');
        }
        createParent(out);
        Files.writeString(out, sb.toString(), StandardCharsets.UTF_8);
        return catalog.sizes.size();
    }

    public static void main(String[] args) throws IOException {
        boolean sizes = args.length > 0 && args[0].equalsIgnoreCase("sizes");
        int o = sizes ? 1 : 0;
        if (args.length < o + 2) {
            System.err.println("usage: RetailPricesGenerator [sizes] <DEMO|FULL_SIZE> <out-file> [<project-dir>]");
            System.exit(2);
        }
        Mode mode = parseMode(args[o]);
        Path out = Paths.get(args[o + 1]);
        Path projectDir = args.length > o + 2 ? Paths.get(args[o + 2]) : Paths.get(".");
        long t0 = System.nanoTime();
        int n = sizes ? writeSizes(projectDir, mode, out) : write(projectDir, mode, out);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println((sizes ? "sizes: " : "items: ") + n + " (" + mode + ", " + out + ", " + ms + " ms)");
    }

    static Mode parseMode(String s) {
        String m = s.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        if (m.equals("FULL") || m.equals("FULLSIZE")) {
            m = "FULL_SIZE";
        }
        return Mode.valueOf(m);
    }

    // ------------------------------------------------------------------------------------------ loading

    static Catalog load(Path projectDir, Mode mode) throws IOException {
        Catalog c = new Catalog();
        Path catalogDir = projectDir.resolve(CATALOG_DIR);
        Path toolsDir = projectDir.resolve(TOOLS_DIR);

        for (String[] r : readCsv(catalogDir.resolve("azure-regions.csv"), "armRegionName", "location")) {
            if (c.regions.put(r[0], new Region(r[0], r[1])) != null) {
                throw new IllegalStateException("duplicate region " + r[0]);
            }
        }
        for (String region : DEMO_REGIONS) {
            requireRegion(c, region, "DEMO_REGIONS");
        }
        for (String region : c.regions.keySet()) {
            if (!region.equals(GLOBAL_REGION) && !REGION_FACTORS.containsKey(region)) {
                System.err.println("warning: no price factor for region " + region + ", using " + DEFAULT_REGION_FACTOR);
            }
        }

        for (String[] r : readCsv(toolsDir.resolve("vm-price-model.csv"),
                "family", "productId", "price1yPerVcpuWestus", "ratio3y", "ratio5y", "regions")) {
            List<String> regions = null;
            if (!r[5].equals("all")) {
                regions = new ArrayList<>();
                for (String region : r[5].split(";")) {
                    requireRegion(c, region.trim(), "vm-price-model.csv family " + r[0]);
                    regions.add(region.trim());
                }
            }
            if (r[1].length() != 12 || !r[1].startsWith("DZH318Z0")) {
                throw new IllegalStateException("bad productId " + r[1] + " for family " + r[0]);
            }
            Family f = new Family(r[0], r[1], Double.parseDouble(r[2]), Double.parseDouble(r[3]),
                    r[4].isEmpty() ? null : Double.valueOf(r[4]), regions, false);
            if (c.families.put(f.name(), f) != null) {
                throw new IllegalStateException("duplicate family " + f.name());
            }
        }

        Set<String> names = new HashSet<>();
        for (String[] r : readCsv(catalogDir.resolve("vm-sizes.csv"),
                "armSkuName", "family", "category", "vCPUs", "memoryGiB", "isfGroup", "isfRatio")) {
            if (!c.families.containsKey(r[1])) {
                throw new IllegalStateException("size " + r[0] + ": family " + r[1] + " not in vm-price-model.csv");
            }
            if (!names.add(r[0])) {
                throw new IllegalStateException("duplicate size " + r[0]);
            }
            c.sizes.add(new Size(r[0], r[1], r[2], Integer.parseInt(r[3]), new BigDecimal(r[4]), r[5],
                    new BigDecimal(r[6]), true));
        }
        for (Family f : c.families.values()) {
            if (c.sizes.stream().noneMatch(s -> s.family.equals(f.name()))) {
                throw new IllegalStateException("family " + f.name() + " has no size in vm-sizes.csv");
            }
        }

        Path anchors = toolsDir.resolve("price-anchors.csv");
        if (Files.exists(anchors)) {
            for (String[] r : readCsv(anchors, "armRegionName", "armSkuName", "price1y", "price3y")) {
                requireRegion(c, r[0], "price-anchors.csv");
                if (!names.contains(r[1])) {
                    throw new IllegalStateException("price-anchors.csv: size " + r[1] + " not in vm-sizes.csv");
                }
                c.anchors.add(new Anchor(r[0], r[1], new BigDecimal(r[2]), new BigDecimal(r[3])));
            }
        }

        if (mode == Mode.FULL_SIZE) {
            addDerivedSizes(c);
        }
        computeUnits(c);
        return c;
    }

    static void requireRegion(Catalog c, String region, String where) {
        if (!c.regions.containsKey(region)) {
            throw new IllegalStateException(where + ": region " + region + " not in azure-regions.csv");
        }
    }

    /** Reads a simple CSV (no quoting; '#' comment lines; first other line is the header). */
    static List<String[]> readCsv(Path file, String... header) throws IOException {
        List<String[]> rows = new ArrayList<>();
        boolean headerSeen = false;
        int lineNo = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNo++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] cells = t.split(",", -1);
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cells[i].strip();
            }
            if (!headerSeen) {
                if (!List.of(cells).equals(List.of(header))) {
                    throw new IllegalStateException(file + ": header must be " + String.join(",", header));
                }
                headerSeen = true;
                continue;
            }
            if (cells.length != header.length) {
                throw new IllegalStateException(file + ":" + lineNo + ": expected " + header.length + " columns");
            }
            rows.add(cells);
        }
        return rows;
    }

    // ------------------------------------------------------------------------------------------ derived sizes

    static void addDerivedSizes(Catalog c) {
        Set<String> names = new HashSet<>();
        c.sizes.forEach(s -> names.add(s.armSkuName));
        List<Size> added = new ArrayList<>();

        // 1. real constrained-vCPU sizes of the base families
        for (Size p : new ArrayList<>(c.sizes)) {
            int[] ks = null;
            if (p.family.equals("Esv5") || p.family.equals("Easv5")) {
                ks = p.isfGroup.endsWith("Isolated") ? null : CONSTRAINED.get(p.vcpus);
            } else if (p.family.equals("DSv2") && p.isfGroup.endsWith("High Memory")) {
                ks = CONSTRAINED_DSV2.get(p.vcpus);
            } else if (p.family.equals("M") && p.armSkuName.endsWith("ms")) {
                ks = CONSTRAINED.get(p.vcpus);
            }
            if (ks != null) {
                for (int k : ks) {
                    added.add(new Size(constrainedName(p.armSkuName, k), p.family, p.category, k, p.memoryGiB,
                            p.isfGroup, p.isfRatio, false));
                }
            }
        }

        // 2. other generations and letter variants of the D and E families
        Set<String> productIds = new HashSet<>();
        c.families.values().forEach(f -> productIds.add(f.productId()));
        for (Object[] p : SQL_PRODUCTS) {
            productIds.add((String) p[0]);
        }
        productIds.add(COSMOS_PRODUCT_ID);
        Family dBase = c.families.get("Dsv5");
        Family eBase = c.families.get("Esv5");
        for (int gen : DERIVED_GENERATIONS) {
            for (String letters : D_LETTERS) {
                derivedFamily(c, added, productIds, "D", letters, gen, D_VCPUS, dBase, "General purpose");
            }
            for (String letters : E_LETTERS) {
                derivedFamily(c, added, productIds, "E", letters, gen, E_VCPUS, eBase, "Memory optimized");
            }
        }

        for (Size s : added) {
            if (names.add(s.armSkuName)) {
                c.sizes.add(s);
            }
        }
    }

    static void derivedFamily(Catalog c, List<Size> added, Set<String> productIds, String series, String letters,
                              int gen, int[] vcpuList, Family base, String category) {
        String family = series + letters + "v" + gen;
        if (c.families.containsKey(family)) {
            return; // a real family of vm-sizes.csv
        }
        double factor = 1.0;
        if (letters.contains("a")) {
            factor *= 0.90;
        }
        if (letters.contains("d")) {
            factor *= series.equals("D") ? 1.18 : 1.15;
        }
        if (letters.contains("l")) {
            factor *= 0.88;
        }
        if (letters.contains("p")) {
            factor *= 0.80;
        }
        if (letters.contains("b")) {
            factor *= 1.10;
        }
        if (gen == 6) {
            factor *= 1.04;
        }
        double perVcpu = BigDecimal.valueOf(base.perVcpu() * factor).setScale(4, RoundingMode.HALF_UP).doubleValue();
        String productId = derivedProductId(family, productIds);
        c.families.put(family, new Family(family, productId, perVcpu, DERIVED_RATIO_3Y, null, null, true));

        String group = family + " Series";
        List<Integer> vcpus = new ArrayList<>();
        for (int v : vcpuList) {
            vcpus.add(v);
        }
        if (gen == 6) {
            vcpus.add(128);
        }
        for (int n : vcpus) {
            BigDecimal mem;
            if (series.equals("D")) {
                mem = BigDecimal.valueOf((long) n * (letters.contains("l") ? 2 : 4));
            } else {
                mem = BigDecimal.valueOf(n == 96 ? 672 : (long) n * 8);
            }
            BigDecimal ratio = BigDecimal.valueOf(n).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
            String name = "Standard_" + series + n + letters + "_v" + gen;
            added.add(new Size(name, family, category, n, mem, group, ratio, false));
            if (series.equals("E") && letters.contains("s") && CONSTRAINED.containsKey(n)) {
                for (int k : CONSTRAINED.get(n)) {
                    added.add(new Size(constrainedName(name, k), family, category, k, mem, group, ratio, false));
                }
            }
        }
    }

    /** Standard_E16s_v5 + 4 = Standard_E16-4s_v5; Standard_DS13_v2 + 2 = Standard_DS13-2_v2. */
    static String constrainedName(String parent, int k) {
        String p = "Standard_";
        int i = p.length();
        while (i < parent.length() && Character.isLetter(parent.charAt(i))) {
            i++;
        }
        while (i < parent.length() && Character.isDigit(parent.charAt(i))) {
            i++;
        }
        return parent.substring(0, i) + "-" + k + parent.substring(i);
    }

    static String derivedProductId(String family, Set<String> used) {
        for (int salt = 0; ; salt++) {
            String id = "DZH318Z0" + base36(md5Long("product:" + family + (salt == 0 ? "" : "#" + salt)), 4);
            if (used.add(id)) {
                return id;
            }
        }
    }

    // ------------------------------------------------------------------------------------------ pricing

    /** Sets priceCores and units of every size (see vm-price-model.csv for the rules). */
    static void computeUnits(Catalog c) {
        Map<String, Size> byName = new HashMap<>();
        for (Size s : c.sizes) {
            byName.put(s.armSkuName, s);
        }
        for (Size s : c.sizes) {
            s.priceCores = s.vcpus;
            String name = s.armSkuName;
            String parentName = name.replaceFirst("^(Standard_[A-Za-z]+[0-9]+)-[0-9]+", "$1");
            if (!parentName.equals(name)) {
                Size parent = byName.get(parentName);
                s.priceCores = parent != null ? parent.vcpus : parseSizeNumber(name);
            }
        }
        Map<String, String> anchorFamily = new HashMap<>();
        for (Anchor a : c.anchors) {
            Size s = byName.get(a.armSkuName());
            anchorFamily.putIfAbsent(s.family, s.armSkuName);
        }
        Map<String, List<Size>> byFamily = new LinkedHashMap<>();
        for (Size s : c.sizes) {
            byFamily.computeIfAbsent(s.family, k -> new ArrayList<>()).add(s);
        }
        for (Map.Entry<String, List<Size>> e : byFamily.entrySet()) {
            List<Size> sizes = e.getValue();
            String category = sizes.get(0).category;
            double w = e.getKey().equals("Bs") ? 1.0
                    : (category.equals("GPU") || category.equals("High performance compute")) ? 0.0 : 0.5;
            double ref;
            if (anchorFamily.containsKey(e.getKey())) {
                ref = memPerCore(byName.get(anchorFamily.get(e.getKey())));
            } else {
                // the most common memory per vCPU of the vm-sizes.csv sizes (all sizes for derived families),
                // so FULL_SIZE additions do not change the prices of the DEMO sizes
                boolean hasBase = sizes.stream().anyMatch(s -> s.base);
                Map<BigDecimal, Integer> counts = new TreeMap<>();
                for (Size s : sizes) {
                    if (hasBase && !s.base) {
                        continue;
                    }
                    counts.merge(BigDecimal.valueOf(memPerCore(s)).setScale(6, RoundingMode.HALF_UP), 1, Integer::sum);
                }
                BigDecimal best = null;
                for (Map.Entry<BigDecimal, Integer> ce : counts.entrySet()) { // ascending: ties keep the smallest
                    if (best == null || ce.getValue() > counts.get(best)) {
                        best = ce.getKey();
                    }
                }
                ref = best.doubleValue();
            }
            Map<String, Size> smallest = new HashMap<>();
            for (Size s : sizes) {
                smallest.merge(s.isfGroup, s, (a, b) -> {
                    int cmp = a.isfRatio.compareTo(b.isfRatio);
                    if (cmp == 0) {
                        cmp = a.armSkuName.compareTo(b.armSkuName);
                    }
                    return cmp <= 0 ? a : b;
                });
            }
            for (Size s : sizes) {
                Size g = smallest.get(s.isfGroup);
                double gUnits = s.isfGroup.endsWith("Isolated")
                        ? g.priceCores * ISOLATED_PREMIUM // occupies a whole host (E104is_v5 ~ E104i_v5)
                        : g.priceCores * (1 - w + w * memPerCore(g) / ref);
                s.units = gUnits * s.isfRatio.doubleValue() / g.isfRatio.doubleValue();
            }
        }
    }

    static double memPerCore(Size s) {
        return s.memoryGiB.doubleValue() / s.priceCores;
    }

    static int parseSizeNumber(String name) {
        int i = "Standard_".length();
        while (i < name.length() && Character.isLetter(name.charAt(i))) {
            i++;
        }
        int j = i;
        while (j < name.length() && Character.isDigit(name.charAt(j))) {
            j++;
        }
        return Integer.parseInt(name.substring(i, j));
    }

    static double regionFactor(String region) {
        return REGION_FACTORS.getOrDefault(region, DEFAULT_REGION_FACTOR);
    }

    static BigDecimal money(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }

    // ------------------------------------------------------------------------------------------ items

    static List<Item> buildItems(Catalog c, Mode mode) {
        List<String> allRegions = new ArrayList<>();
        for (String r : c.regions.keySet()) {
            if (!r.equals(GLOBAL_REGION)) {
                allRegions.add(r);
            }
        }
        Set<String> demo = new LinkedHashSet<>(DEMO_REGIONS);
        List<String> modeRegions = mode == Mode.DEMO ? DEMO_REGIONS : allRegions;

        Map<String, Anchor> anchors = new HashMap<>();
        for (Anchor a : c.anchors) {
            anchors.put(a.region() + "|" + a.armSkuName(), a);
        }
        Set<String> anchorsUsed = new HashSet<>();
        List<Item> items = new ArrayList<>(mode == Mode.DEMO ? 8_000 : 130_000);

        for (Size s : c.sizes) {
            Family f = c.families.get(s.family);
            String productName = "Virtual Machines " + f.name() + " Series";
            String skuName = s.armSkuName.substring("Standard_".length()).replace('_', ' ');
            double p1yWestus = f.perVcpu() * s.units;
            for (String region : modeRegions) {
                if (f.regions() != null && !f.regions().contains(region)) {
                    continue;
                }
                double factor = regionFactor(region);
                BigDecimal p1 = money(p1yWestus * factor);
                BigDecimal p3 = money(p1yWestus * f.ratio3y() * factor);
                Anchor a = anchors.get(region + "|" + s.armSkuName);
                if (a != null) {
                    anchorsUsed.add(region + "|" + s.armSkuName);
                    double dev = Math.abs(p1.doubleValue() / a.price1y().doubleValue() - 1);
                    if (dev > 0.01) {
                        System.err.println("warning: model price " + p1 + " of " + s.armSkuName + " in " + region
                                + " is " + Math.round(dev * 1000) / 10.0 + "% off its anchor " + a.price1y());
                    }
                    p1 = a.price1y();
                    p3 = a.price3y();
                }
                boolean core = mode == Mode.DEMO || (s.base && demo.contains(region));
                Region r = c.regions.get(region);
                items.add(vmItem(f, s, productName, skuName, r, 1, p1, core));
                items.add(vmItem(f, s, productName, skuName, r, 3, p3, core));
                if (f.ratio5y() != null) {
                    items.add(vmItem(f, s, productName, skuName, r, 5, money(p1yWestus * f.ratio5y() * factor), core));
                }
            }
        }
        for (Anchor a : c.anchors) {
            if (modeRegions.contains(a.region()) && !anchorsUsed.contains(a.region() + "|" + a.armSkuName())) {
                throw new IllegalStateException("anchor " + a + " matches no item (family not sold in the region?)");
            }
        }

        for (Object[] p : SQL_PRODUCTS) {
            double base = (Double) p[2];
            double ratio3y = (Double) p[3];
            for (String region : modeRegions) {
                double factor = regionFactor(region);
                boolean core = mode == Mode.DEMO || demo.contains(region);
                Region r = c.regions.get(region);
                items.add(dbItem((String) p[0], (String) p[1], "SQL Database", SQL_SERVICE_ID, "vCore", "vCore", r, 1,
                        money(base * factor), core));
                items.add(dbItem((String) p[0], (String) p[1], "SQL Database", SQL_SERVICE_ID, "vCore", "vCore", r, 3,
                        money(base * ratio3y * factor), core));
            }
        }
        Region global = c.regions.get(GLOBAL_REGION);
        if (global == null) {
            throw new IllegalStateException("azure-regions.csv must list " + GLOBAL_REGION + " (Cosmos DB)");
        }
        for (Object[] s : COSMOS_SKUS) {
            items.add(dbItem(COSMOS_PRODUCT_ID, "Azure Cosmos DB", "Azure Cosmos DB", COSMOS_SERVICE_ID, (String) s[0],
                    (String) s[1], global, 1, new BigDecimal((String) s[2]), true));
            items.add(dbItem(COSMOS_PRODUCT_ID, "Azure Cosmos DB", "Azure Cosmos DB", COSMOS_SERVICE_ID, (String) s[0],
                    (String) s[1], global, 3, new BigDecimal((String) s[3]), true));
        }

        Comparator<Item> order = Comparator.<Item, String>comparing(i -> i.productId)
                .thenComparing(i -> i.armSkuName)
                .thenComparing(i -> i.region)
                .thenComparingInt(i -> i.termYears)
                .thenComparing(i -> i.skuName);
        items.sort(order);
        assignIds(items);
        return items;
    }

    static Item vmItem(Family f, Size s, String productName, String skuName, Region r, int years, BigDecimal price,
                       boolean core) {
        Item i = new Item();
        i.productId = f.productId();
        i.armSkuName = s.armSkuName;
        i.skuName = skuName;
        i.meterName = skuName;
        i.productName = productName;
        i.serviceName = "Virtual Machines";
        i.serviceId = VM_SERVICE_ID;
        i.serviceFamily = "Compute";
        i.region = r.name();
        i.location = r.location();
        i.termYears = years;
        i.price = price;
        i.core = core;
        return i;
    }

    static Item dbItem(String productId, String productName, String serviceName, String serviceId, String skuName,
                       String meterName, Region r, int years, BigDecimal price, boolean core) {
        Item i = new Item();
        i.productId = productId;
        i.armSkuName = "";
        i.skuName = skuName;
        i.meterName = meterName;
        i.productName = productName;
        i.serviceName = serviceName;
        i.serviceId = serviceId;
        i.serviceFamily = "Databases";
        i.region = r.name();
        i.location = r.location();
        i.termYears = years;
        i.price = price;
        i.core = core;
        return i;
    }

    /**
     * skuId = productId/XXXX with XXXX derived from a hash of the item's identity (collisions within a product are
     * resolved by rehashing, items of the DEMO catalog first, so they keep the same skuId in FULL_SIZE).
     * meterId = name-based UUID of the same identity.
     */
    static void assignIds(List<Item> sorted) {
        Map<String, Set<String>> used = new HashMap<>();
        for (int pass = 0; pass < 2; pass++) {
            for (Item i : sorted) {
                if (i.core != (pass == 0)) {
                    continue;
                }
                String key = i.productId + "|" + i.armSkuName + "|" + i.skuName + "|" + i.region + "|P" + i.termYears + "Y";
                Set<String> ids = used.computeIfAbsent(i.productId, k -> new HashSet<>());
                for (int salt = 0; ; salt++) {
                    String id = base36(md5Long("sku:" + key + (salt == 0 ? "" : "#" + salt)), 4);
                    if (ids.add(id)) {
                        i.skuId = i.productId + "/" + id;
                        break;
                    }
                }
                i.meterId = UUID.nameUUIDFromBytes(("meter:" + key).getBytes(StandardCharsets.UTF_8)).toString();
            }
        }
    }

    static long md5Long(String s) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8));
            long v = 0;
            for (int k = 0; k < 8; k++) {
                v = (v << 8) | (d[k] & 0xff);
            }
            return v;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String base36(long hash, int len) {
        long v = hash & Long.MAX_VALUE;
        char[] out = new char[len];
        for (int k = len - 1; k >= 0; k--) {
            out[k] = Character.toUpperCase(Character.forDigit((int) (v % 36), 36));
            v /= 36;
        }
        return new String(out);
    }

    // ------------------------------------------------------------------------------------------ output

    static void writeJson(List<Item> items, Path out) throws IOException {
        createParent(out);
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("{\"BillingCurrency\":\"USD\",\"CustomerEntityId\":\"Default\",\"CustomerEntityType\":\"Retail\",\"Items\":[\n");
            StringBuilder sb = new StringBuilder(1024);
            for (int n = 0; n < items.size(); n++) {
                Item i = items.get(n);
                String price = jsonNumber(i.price);
                sb.setLength(0);
                sb.append("{\"currencyCode\":\"USD\",\"tierMinimumUnits\":0.0,\"reservationTerm\":\"")
                        .append(i.termYears == 1 ? "1 Year" : i.termYears + " Years")
                        .append("\",\"retailPrice\":").append(price)
                        .append(",\"unitPrice\":").append(price);
                field(sb, "armRegionName", i.region);
                field(sb, "location", i.location);
                field(sb, "effectiveStartDate", EFFECTIVE_START_DATE);
                field(sb, "meterId", i.meterId);
                field(sb, "meterName", i.meterName);
                field(sb, "productId", i.productId);
                field(sb, "skuId", i.skuId);
                field(sb, "productName", i.productName);
                field(sb, "skuName", i.skuName);
                field(sb, "serviceName", i.serviceName);
                field(sb, "serviceId", i.serviceId);
                field(sb, "serviceFamily", i.serviceFamily);
                field(sb, "unitOfMeasure", "1 Hour");
                field(sb, "type", "Reservation");
                sb.append(",\"isPrimaryMeterRegion\":true");
                field(sb, "armSkuName", i.armSkuName);
                sb.append('}');
                if (n < items.size() - 1) {
                    sb.append(',');
                }
                sb.append('\n');
                w.write(sb.toString());
            }
            w.write("],\"NextPageLink\":null,\"Count\":" + items.size() + "}\n");
        }
    }

    static void field(StringBuilder sb, String name, String value) {
        sb.append(",\"").append(name).append("\":\"");
        for (int k = 0; k < value.length(); k++) {
            char ch = value.charAt(k);
            if (ch == '"' || ch == '\\') {
                sb.append('\\').append(ch);
            } else if (ch < 0x20) {
                sb.append(String.format("\\u%04x", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        sb.append('"');
    }

    /** 6054 -> 6054.0, 2376.90 -> 2376.9, 56.06 -> 56.06 (the API writes doubles). */
    static String jsonNumber(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        if (s.scale() <= 0) {
            return s.setScale(1).toPlainString();
        }
        return s.toPlainString();
    }

    static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0).toPlainString() : s.toPlainString();
    }

    static void createParent(Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }
}
