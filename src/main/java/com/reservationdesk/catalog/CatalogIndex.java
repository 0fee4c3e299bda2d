package com.reservationdesk.catalog;

import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.ReservationSku;
import com.reservationdesk.partnercenter.ReservationType;
import com.reservationdesk.partnercenter.Term;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A market's reservation catalog, held in memory and searched many times a purchase. Entries are
 * sorted by price once, when the index is built, and bucketed by product type and region, so a
 * search is one pass over the bucket with no sorting; size names are normalized once.
 */
public final class CatalogIndex {

  private static final Comparator<ReservationSku> BY_PRICE =
      Comparator.comparing(ReservationSku::listPrice).thenComparing(ReservationSku::key);

  private final Map<ReservationType, List<Entry>> byType = new EnumMap<>(ReservationType.class);
  private final Map<ReservationType, Map<String, List<Entry>>> byRegion = new EnumMap<>(ReservationType.class);
  private final Map<String, Entry> byKey = new HashMap<>();
  private final Map<ReservationType, Map<String, String>> regions = new EnumMap<>(ReservationType.class);
  private final Map<ReservationType, Set<String>> tiers = new EnumMap<>(ReservationType.class);
  private final Set<String> flexibilityGroups = new TreeSet<>();
  private final Set<String> families = new HashSet<>();
  /** Distinct normalized names and their family: a search tests each name once, not each SKU. */
  private final List<String> names = new ArrayList<>();
  private final List<String> nameFamilies = new ArrayList<>();
  private final Map<String, Integer> groupIds = new HashMap<>();
  /** VM reservations by region, size and term: what a recommendation looks up for each size a customer runs. */
  private final Map<String, Entry> vmBySize = new HashMap<>();
  /** VM reservations by region, flexibility group and term, smallest ratio first. */
  private final Map<String, List<Entry>> vmByGroup = new HashMap<>();
  private final int size;
  private final String currency;

  /**
   * One SKU with what searching and showing it needs, computed once.
   *
   * @param threeYearSaving how much less a month the 3-year term costs than the 1-year term of the same
   *     size and region, in percent; null when one of them is not sold
   * @param fiveYearSaving the same for the 5-year term
   */
  public record Entry(ReservationSku sku, BigDecimal threeYearSaving, BigDecimal fiveYearSaving, int nameId, int termCode,
      boolean monthly, int vCpus, double memoryGiB, int groupId) {}

  /** The first {@code limit} matches, cheapest first, and how many match in all. */
  public record Match(List<Entry> entries, int total) {}

  private CatalogIndex(List<ReservationSku> skus) {
    List<ReservationSku> sorted = new ArrayList<>(skus);
    sorted.sort(BY_PRICE);
    Map<String, Map<String, BigDecimal>> termPrices = new HashMap<>();
    for (ReservationSku sku : sorted) {
      termPrices.computeIfAbsent(sameReservation(sku), k -> new HashMap<>(4)).put(sku.termDuration(), sku.listPrice());
    }
    Map<String, Integer> nameIds = new HashMap<>();
    for (ReservationSku sku : sorted) {
      String family = sku.vmSize() == null ? "" : normalize(sku.vmSize().family());
      int nameId = nameIds.computeIfAbsent(sku.displayName(), n -> {
        names.add(normalize(n));
        nameFamilies.add(family);
        return names.size() - 1;
      });
      int groupId = sku.vmSize() == null ? -1 : groupIds.computeIfAbsent(sku.vmSize().flexibilityGroup(), g -> groupIds.size());
      Map<String, BigDecimal> prices = termPrices.get(sameReservation(sku));
      Entry entry = new Entry(sku, saving(prices, Term.THREE_YEARS), saving(prices, Term.FIVE_YEARS), nameId, termCode(sku.termDuration()),
          sku.billingPlans().contains(BillingPlan.MONTHLY), sku.vmSize() == null ? 0 : sku.vmSize().vCpus(),
          sku.vmSize() == null ? 0 : sku.vmSize().memoryGiB().doubleValue(), groupId);
      byType.computeIfAbsent(sku.type(), t -> new ArrayList<>()).add(entry);
      byRegion.computeIfAbsent(sku.type(), t -> new HashMap<>()).computeIfAbsent(sku.armRegionName(), r -> new ArrayList<>()).add(entry);
      byKey.putIfAbsent(sku.key(), entry);
      regions.computeIfAbsent(sku.type(), t -> new HashMap<>()).putIfAbsent(sku.armRegionName(), sku.regionDisplayName());
      if (sku.tier() != null) {
        tiers.computeIfAbsent(sku.type(), t -> new TreeSet<>()).add(sku.tier());
      }
      if (sku.vmSize() != null) {
        flexibilityGroups.add(sku.vmSize().flexibilityGroup());
        families.add(family);
        if (vmBySize.putIfAbsent(vmKey(sku.armRegionName(), sku.vmSize().armSkuName(), sku.termDuration()), entry) == null) {
          vmByGroup.computeIfAbsent(vmKey(sku.armRegionName(), sku.vmSize().flexibilityGroup(), sku.termDuration()),
              g -> new ArrayList<>()).add(entry);
        }
      }
    }
    vmByGroup.values().forEach(sizes -> sizes.sort(Comparator.comparing((Entry e) -> e.sku().vmSize().flexibilityRatio())
        .thenComparing(e -> e.sku().listPrice())));
    this.size = sorted.size();
    this.currency = sorted.isEmpty() ? null : sorted.get(0).currency();
  }

  /** The currency the catalog's prices are in; null for an empty catalog. */
  public String currency() {
    return currency;
  }

  public static CatalogIndex of(List<ReservationSku> skus) {
    return new CatalogIndex(skus);
  }

  public int size() {
    return size;
  }

  public Optional<Entry> entry(String key) {
    return Optional.ofNullable(byKey.get(key));
  }

  /** Regions with reservations of this type, by display name: {@code armRegionName} → display name. */
  public Map<String, String> regions(ReservationType type) {
    Map<String, String> sorted = new TreeMap<>();
    regions.getOrDefault(type, Map.of()).forEach((name, display) -> sorted.put(display + "\u0000" + name, name));
    Map<String, String> result = new java.util.LinkedHashMap<>();
    sorted.values().forEach(name -> result.put(name, regions.get(type).get(name)));
    return result;
  }

  /** The VM reservation of one size in one region for one term, if the catalog sells it. */
  public Optional<Entry> vm(String armRegionName, String armSkuName, String term) {
    return Optional.ofNullable(vmBySize.get(vmKey(armRegionName, armSkuName, term)));
  }

  /** The sizes of a flexibility group sold in a region for a term, the smallest ratio first. */
  public List<Entry> vmGroup(String armRegionName, String flexibilityGroup, String term) {
    return Collections.unmodifiableList(vmByGroup.getOrDefault(vmKey(armRegionName, flexibilityGroup, term), List.of()));
  }

  private static String vmKey(String region, String sizeOrGroup, String term) {
    return region + '|' + sizeOrGroup.toLowerCase(Locale.ROOT) + '|' + term;
  }

  public Set<String> flexibilityGroups() {
    return Collections.unmodifiableSet(flexibilityGroups);
  }

  public Set<String> tiers(ReservationType type) {
    return Collections.unmodifiableSet(tiers.getOrDefault(type, Set.of()));
  }

  public boolean hasRegion(ReservationType type, String armRegionName) {
    return regions.getOrDefault(type, Map.of()).containsKey(armRegionName);
  }

  public Match search(CatalogFilter filter, int limit) {
    List<Entry> bucket;
    if (filter.type() != ReservationType.COSMOS_DB && !CatalogFilter.ANY.equals(filter.region())) {
      bucket = byRegion.getOrDefault(filter.type(), Map.of()).getOrDefault(filter.region(), List.of());
    } else {
      bucket = byType.getOrDefault(filter.type(), List.of());
    }
    Matcher matcher = new Matcher(filter);
    List<Entry> first = new ArrayList<>(Math.min(limit, 64));
    int total = 0;
    for (Entry entry : bucket) {
      if (matcher.matches(entry)) {
        if (total < limit) {
          first.add(entry);
        }
        total++;
      }
    }
    return new Match(first, total);
  }

  public int count(CatalogFilter filter) {
    return search(filter, 0).total();
  }

  /** {@code Standard_D4s_v3}, {@code d4s v3} and {@code D4S_V3} all become {@code d4sv3}. */
  static String normalize(String text) {
    if (text == null) {
      return "";
    }
    String lower = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    return lower.startsWith("standard") ? lower.substring("standard".length()) : lower;
  }

  private static int termCode(String term) {
    return Term.isTerm(term) ? Term.of(term).ordinal() : Term.values().length;
  }

  private static String sameReservation(ReservationSku sku) {
    return sku.productId() + '|' + sku.displayName() + '|' + sku.armRegionName();
  }

  private static BigDecimal saving(Map<String, BigDecimal> prices, Term term) {
    int months = term.months();
    BigDecimal oneYear = prices.get(Term.ONE_YEAR.iso());
    BigDecimal longer = prices.get(term.iso());
    if (oneYear == null || longer == null || oneYear.signum() == 0) {
      return null;
    }
    BigDecimal monthlyLonger = longer.divide(BigDecimal.valueOf(months), MathContext.DECIMAL64);
    BigDecimal monthlyOneYear = oneYear.divide(BigDecimal.valueOf(Term.ONE_YEAR.months()), MathContext.DECIMAL64);
    return BigDecimal.ONE.subtract(monthlyLonger.divide(monthlyOneYear, MathContext.DECIMAL64))
        .multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP);
  }

  /**
   * A filter compiled for one pass over a bucket: the size text is tested once per distinct name,
   * the rest are comparisons of numbers.
   */
  private final class Matcher {
    private final CatalogFilter filter;
    private final boolean vm;
    private final boolean[] nameMatches;
    private final int termCode;
    private final boolean monthly;
    private final int groupId;
    private final int minVcpus;
    private final int maxVcpus;
    private final double minMemory;
    private final double maxMemory;

    Matcher(CatalogFilter filter) {
      this.filter = filter;
      this.vm = filter.isVm();
      String text = normalize(filter.size());
      boolean exactFamily = families.contains(text);
      this.nameMatches = new boolean[names.size()];
      for (int id = 0; id < nameMatches.length; id++) {
        nameMatches[id] = text.isEmpty() || !vm
            || (exactFamily ? nameFamilies.get(id).equals(text) : names.get(id).contains(text) || nameFamilies.get(id).contains(text));
      }
      this.termCode = CatalogFilter.ANY.equals(filter.term()) ? -1 : termCode(filter.term());
      this.monthly = filter.billingPlan() == BillingPlan.MONTHLY;
      this.groupId = CatalogFilter.ANY.equals(filter.flexibilityGroup()) ? -1 : groupIds.getOrDefault(filter.flexibilityGroup(), -2);
      this.minVcpus = filter.minVcpus() == null ? Integer.MIN_VALUE : filter.minVcpus();
      this.maxVcpus = filter.maxVcpus() == null ? Integer.MAX_VALUE : filter.maxVcpus();
      this.minMemory = filter.minMemoryGiB() == null ? Double.NEGATIVE_INFINITY : filter.minMemoryGiB().doubleValue();
      this.maxMemory = filter.maxMemoryGiB() == null ? Double.POSITIVE_INFINITY : filter.maxMemoryGiB().doubleValue();
    }

    boolean matches(Entry entry) {
      if ((termCode >= 0 && entry.termCode() != termCode) || (monthly && !entry.monthly()) || !nameMatches[entry.nameId()]) {
        return false;
      }
      if (vm) {
        return entry.vCpus() >= minVcpus && entry.vCpus() <= maxVcpus && entry.memoryGiB() >= minMemory && entry.memoryGiB() <= maxMemory
            && (groupId == -1 || entry.groupId() == groupId);
      }
      ReservationSku sku = entry.sku();
      if (!CatalogFilter.ANY.equals(filter.deployment()) && !filter.deployment().equals(sku.deployment())) {
        return false;
      }
      return CatalogFilter.ANY.equals(filter.tier()) || filter.tier().equals(sku.tier());
    }
  }
}
