package com.reservationdesk.catalog;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.reservationdesk.common.InvalidInputException;
import com.reservationdesk.common.Money;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.InventoryContext;
import com.reservationdesk.partnercenter.InventoryResult;
import com.reservationdesk.partnercenter.PartnerCenter;
import com.reservationdesk.partnercenter.ReservationSku;
import com.reservationdesk.partnercenter.ReservationType;
import com.reservationdesk.partnercenter.Term;
import com.reservationdesk.pricing.Currencies;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The reservation catalog of a market, read once from Partner Center and searched in memory (agents
 * filter it many times a purchase; it changes rarely), priced in the customer's currency and checked
 * against the subscription's inventory restrictions.
 */
@Service
public class CatalogService {

  private static final Logger log = LoggerFactory.getLogger(CatalogService.class);

  /** How many matches a search checks at most to fill a page when restricted ones are hidden. */
  static final int MAX_INVENTORY_CHECKS = 250;

  private final PartnerCenter partnerCenter;
  private final Currencies currencies;
  private final int maxResults;
  /**
   * Each market's catalog, read on first use and again in the background after {@code refresh}: searches meanwhile
   * use the catalog already read, and one that fails to refresh is kept (Caffeine logs why).
   */
  private final LoadingCache<String, CatalogIndex> indexes;
  /** Markets that share one SKU list (the embedded catalog) share one index: keyed by the list itself. */
  private final Cache<List<ReservationSku>, CatalogIndex> bySkuList = Caffeine.newBuilder().weakKeys().build();

  public CatalogService(PartnerCenter partnerCenter, Currencies currencies,
      @Value("${reservation-desk.catalog.max-results:25}") int maxResults,
      @Value("${reservation-desk.catalog.refresh:PT12H}") Duration refresh) {
    this.partnerCenter = partnerCenter;
    this.currencies = currencies;
    this.maxResults = maxResults;
    this.indexes = Caffeine.newBuilder().refreshAfterWrite(refresh).build(this::load);
  }

  /**
   * The cheapest matches, priced in the customer's currency. Restricted SKUs are marked with the
   * reason, or left out when the filter asks so.
   */
  public CatalogSearchResult search(String country, CatalogFilter filter, InventoryContext inventory) {
    CatalogIndex index = index(country);
    String currency = currencies.currencyOf(country);
    String priceNote = priceNote(country);
    if (!filter.hideRestricted()) {
      CatalogIndex.Match match = index.search(filter, maxResults);
      List<ReservationOffer> offers = checkInventory(country, inventory,
          match.entries().stream().map(e -> offer(e, filter.billingPlan(), currency)).toList());
      List<ReservationOffer> restricted = offers.stream().filter(ReservationOffer::isRestricted).toList();
      String message = message(index, filter, match.total());
      if (!restricted.isEmpty()) {
        message += (restricted.size() == 1 ? " 1 of those listed cannot be bought for this subscription: "
            : " " + restricted.size() + " of those listed cannot be bought for this subscription: ") + reasons(restricted);
      }
      return new CatalogSearchResult(offers, match.total(), message, priceNote);
    }
    CatalogIndex.Match match = index.search(filter, MAX_INVENTORY_CHECKS);
    List<ReservationOffer> checked = checkInventory(country, inventory,
        match.entries().stream().map(e -> offer(e, filter.billingPlan(), currency)).toList());
    List<ReservationOffer> available = checked.stream().filter(o -> !o.isRestricted()).limit(maxResults).toList();
    long hidden = checked.stream().filter(ReservationOffer::isRestricted).count();
    String message = message(index, filter, match.total());
    if (hidden > 0) {
      message += " " + hidden + " that cannot be bought for this subscription " + (hidden == 1 ? "is" : "are") + " hidden.";
    }
    return new CatalogSearchResult(available, match.total(), message, priceNote);
  }

  /**
   * Refuses a filter naming a region, flexibility group or tier the catalog does not have: the form
   * offers only those, so another value is a stale form or a hand-made request.
   */
  public void checkFilter(String country, CatalogFilter filter) {
    CatalogIndex index = index(country);
    if (filter.type() != ReservationType.COSMOS_DB && !CatalogFilter.ANY.equals(filter.region())
        && !index.hasRegion(filter.type(), filter.region())) {
      throw new InvalidInputException("Region \u201c" + filter.region() + "\u201d has no " + filter.type().noun()
          + " reservations. Choose a region from the list, or any region.");
    }
    if (filter.isVm() && !CatalogFilter.ANY.equals(filter.flexibilityGroup())
        && !index.flexibilityGroups().contains(filter.flexibilityGroup())) {
      throw new InvalidInputException("Flexibility group \u201c" + filter.flexibilityGroup() + "\u201d is unknown. Choose one from the list, or any group.");
    }
    if (!filter.isVm() && !CatalogFilter.ANY.equals(filter.tier()) && !index.tiers(filter.type()).contains(filter.tier())) {
      throw new InvalidInputException("\u201c" + filter.tier() + "\u201d is not a " + filter.type().label() + " option. Choose one from the list.");
    }
  }

  /** The offer a form names by product and SKU, if the catalog has it with that billing plan. */
  public ReservationOffer requireOffer(String country, String reference, BillingPlan plan) {
    if (reference == null || reference.isBlank()) {
      throw new InvalidInputException("Choose a reservation from the results.");
    }
    CatalogIndex.Entry entry = index(country).entry(reference.trim())
        .orElseThrow(() -> new InvalidInputException(
            "The chosen reservation is not in the catalog (any more). Search again and choose one from the results."));
    if (!entry.sku().billingPlans().contains(plan)) {
      throw new InvalidInputException(entry.sku().displayName() + " cannot be paid " + plan.formValue()
          + ". Choose the upfront billing plan for it.");
    }
    return offer(entry, plan, currencies.currencyOf(country));
  }

  /** Refuses, with the reason in words, an offer the inventory check restricts for the subscription. */
  public void requireAvailable(String country, InventoryContext inventory, ReservationOffer offer) {
    ReservationOffer checked = checkInventory(country, inventory, List.of(offer)).get(0);
    if (checked.isRestricted()) {
      throw new InvalidInputException(offer.sku().displayName() + " in " + offer.sku().regionDisplayName()
          + " cannot be bought for this subscription: " + checked.restriction());
    }
  }

  /** Why the inventory check refuses an offer for the subscription; empty when it can be bought. */
  public Optional<String> restriction(String country, InventoryContext inventory, ReservationOffer offer) {
    return Optional.ofNullable(checkInventory(country, inventory, List.of(offer)).get(0).restriction());
  }

  /** The market's regions with VM or SQL Database reservations: display name by {@code armRegionName}. */
  public Map<String, String> regions(String country) {
    CatalogIndex index = index(country);
    Map<String, String> regions = new LinkedHashMap<>(index.regions(ReservationType.VIRTUAL_MACHINES));
    index.regions(ReservationType.SQL_DATABASE).forEach(regions::putIfAbsent);
    return regions;
  }

  /** The VM reservation of one size in one region for one term, priced in the customer's currency, if it is sold. */
  public Optional<ReservationOffer> vmReservation(String country, String armRegionName, String armSkuName, Term term,
      BillingPlan plan) {
    CatalogIndex index = index(country);
    return index.vm(armRegionName, armSkuName, term.iso()).map(e -> offer(e, plan, currencies.currencyOf(country)));
  }

  /** The sizes of a flexibility group sold as reservations in a region for a term, smallest ratio first, priced. */
  public List<ReservationOffer> vmGroup(String country, String armRegionName, String flexibilityGroup, Term term, BillingPlan plan) {
    String currency = currencies.currencyOf(country);
    return index(country).vmGroup(armRegionName, flexibilityGroup, term.iso()).stream().map(e -> offer(e, plan, currency)).toList();
  }

  /** The market's instance-size-flexibility groups. */
  public Set<String> flexibilityGroups(String country) {
    return index(country).flexibilityGroups();
  }

  /** Where the prices come from, how they were converted, and that they exclude tax. */
  public String priceNote(String country) {
    String currency = currencies.currencyOf(country);
    String catalogCurrency = index(country).currency();
    String conversion = catalogCurrency == null ? "" : currencies.conversionNote(catalogCurrency, currency);
    return partnerCenter.priceBasis() + (conversion.isEmpty() ? "" : " " + conversion) + " Prices exclude tax.";
  }

  /**
   * The market's catalog, read from Partner Center once and again after {@code reservation-desk.catalog.refresh}
   * in the background. A refresh that fails keeps the catalog already read instead of failing the search.
   */
  public CatalogIndex index(String country) {
    return indexes.get(country == null ? "US" : country);
  }

  private CatalogIndex load(String market) {
    List<ReservationSku> skus = partnerCenter.getReservationSkus(market);
    return bySkuList.get(skus, CatalogIndex::of);
  }

  private ReservationOffer offer(CatalogIndex.Entry entry, BillingPlan plan, String currency) {
    ReservationSku sku = entry.sku();
    Money price = currencies.convert(sku.listPrice(), sku.currency(), currency);
    return new ReservationOffer(sku, plan, price, entry.threeYearSaving(), entry.fiveYearSaving(), null);
  }

  /** One inventory check per region, as the API's {@code InventoryContext} names one region. */
  private List<ReservationOffer> checkInventory(String country, InventoryContext inventory, List<ReservationOffer> offers) {
    if (inventory == null || offers.isEmpty()) {
      return offers;
    }
    Map<String, List<ReservationOffer>> byRegion = offers.stream()
        .collect(Collectors.groupingBy(o -> o.sku().armRegionName(), LinkedHashMap::new, Collectors.toList()));
    Map<String, String> restrictions = new java.util.HashMap<>();
    byRegion.forEach((region, regional) -> {
      InventoryContext context = new InventoryContext(inventory.customerId(), inventory.azureSubscriptionId(),
          ReservationSku.GLOBAL_REGION.equals(region) ? inventory.armRegionName() : region);
      for (InventoryResult result : partnerCenter.checkInventory(country, context, regional.stream().map(ReservationOffer::reference).toList())) {
        if (result.isRestricted()) {
          restrictions.put(result.key(), result.reason());
        }
      }
    });
    return offers.stream().map(o -> Optional.ofNullable(restrictions.get(o.reference())).map(o::restricted).orElse(o)).toList();
  }

  /** Each distinct reason once, with the reservations it stops. */
  private static String reasons(List<ReservationOffer> restricted) {
    Map<String, List<String>> byReason = new LinkedHashMap<>();
    restricted.forEach(o -> byReason.computeIfAbsent(o.restriction(), r -> new ArrayList<>())
        .add(o.sku().displayName() + " in " + o.sku().regionDisplayName()));
    return String.join(" ", byReason.entrySet().stream()
        .map(e -> String.join(", ", e.getValue().stream().distinct().limit(3).toList())
            + (e.getValue().stream().distinct().count() > 3 ? " and others" : "") + ": " + e.getKey())
        .toList());
  }

  private String message(CatalogIndex index, CatalogFilter filter, int total) {
    String what = filter.type() == ReservationType.VIRTUAL_MACHINES ? "reservations" : filter.type().noun() + " reservations";
    if (total == 0) {
      return nothingMatches(index, filter);
    }
    if (total > maxResults) {
      return String.format("%,d %s match; the %d cheapest are listed. Refine the filter to see others%s.", total, what, maxResults,
          filter.isVm() ? " (size, vCPUs, memory, region or term)" : " (region, tier or term)");
    }
    return total + " " + (total == 1 ? what.replace("reservations", "reservation") + " matches" : what + " match") + ", cheapest first.";
  }

  private String nothingMatches(CatalogIndex index, CatalogFilter filter) {
    StringBuilder message = new StringBuilder("No ").append(filter.type().noun()).append(" reservation matches ")
        .append(describe(index, filter)).append('.');
    List<String> loosen = new ArrayList<>();
    for (CatalogFilter.Constraint constraint : filter.constraints()) {
      int count = index.count(filter.without(constraint));
      if (count > 0) {
        loosen.add(String.format("without %s, %,d would match", constraint.label, count));
      }
    }
    if (loosen.isEmpty()) {
      message.append(" Loosening one filter is not enough: clear several (size text, ranges, region, term).");
    } else {
      String joined = String.join("; ", loosen);
      message.append(" Loosen a filter: ").append(joined).append('.');
    }
    return message.toString();
  }

  private static String describe(CatalogIndex index, CatalogFilter filter) {
    List<String> parts = new ArrayList<>();
    if (filter.isVm() && !filter.size().isEmpty()) {
      parts.add("\u201c" + filter.size() + "\u201d");
    }
    if (filter.isVm() && (filter.minVcpus() != null || filter.maxVcpus() != null)) {
      parts.add("with " + range(filter.minVcpus(), filter.maxVcpus()) + " vCPUs");
    }
    if (filter.isVm() && (filter.minMemoryGiB() != null || filter.maxMemoryGiB() != null)) {
      parts.add("with " + range(filter.minMemoryGiB() == null ? null : filter.minMemoryGiB().stripTrailingZeros().toPlainString(),
          filter.maxMemoryGiB() == null ? null : filter.maxMemoryGiB().stripTrailingZeros().toPlainString()) + " GiB memory");
    }
    if (filter.isVm() && !CatalogFilter.ANY.equals(filter.flexibilityGroup())) {
      parts.add("in flexibility group " + filter.flexibilityGroup());
    }
    if (!filter.isVm() && !CatalogFilter.ANY.equals(filter.tier())) {
      parts.add(filter.tier());
    }
    if (filter.type() == ReservationType.SQL_DATABASE && !CatalogFilter.ANY.equals(filter.deployment())) {
      parts.add(filter.deployment());
    }
    if (filter.type() != ReservationType.COSMOS_DB && !CatalogFilter.ANY.equals(filter.region())) {
      parts.add("in " + index.regions(filter.type()).getOrDefault(filter.region(), filter.region()));
    }
    if (!CatalogFilter.ANY.equals(filter.term())) {
      parts.add("for " + Term.label(filter.term()));
    }
    if (filter.billingPlan() == BillingPlan.MONTHLY) {
      parts.add("paid monthly");
    }
    return parts.isEmpty() ? "the filter" : String.join(" ", parts);
  }

  private static String range(Object min, Object max) {
    if (min != null && max != null) {
      return min + "\u2013" + max;
    }
    return min != null ? "at least " + min : "at most " + max;
  }
}
