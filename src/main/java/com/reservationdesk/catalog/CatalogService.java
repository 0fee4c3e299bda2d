package com.reservationdesk.catalog;

import com.reservationdesk.common.InvalidInputException;
import com.reservationdesk.common.Option;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.PartnerCenter;
import com.reservationdesk.partnercenter.ReservationSku;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The reservation catalog of a market, read once from Partner Center and searched in memory:
 * agents filter it many times a purchase, the catalog changes rarely.
 */
@Service
public class CatalogService {

  private final PartnerCenter partnerCenter;
  private final int maxResults;
  private final Map<String, Catalog> catalogs = new ConcurrentHashMap<>();

  public CatalogService(PartnerCenter partnerCenter, @Value("${reservation-desk.catalog.max-results:25}") int maxResults) {
    this.partnerCenter = partnerCenter;
    this.maxResults = maxResults;
  }

  public CatalogSearchResult search(String country, CatalogFilter filter) {
    BillingPlan plan = billingPlan(filter.billingPlan());
    String region = blankToAny(filter.region());
    String term = blankToAny(filter.term());
    String size = normalize(filter.size());
    Catalog catalog = catalog(country);
    if (!region.equals(CatalogFilter.ANY) && !catalog.regions.containsKey(region)) {
      return new CatalogSearchResult(List.of(), 0, "Region \u201c" + region + "\u201d is not in the catalog. Choose a region from the list.");
    }
    List<ReservationOffer> matches = catalog.entries.stream()
        .filter(e -> size.isEmpty() || e.normalizedSize().contains(size))
        .map(Entry::sku)
        .filter(s -> region.equals(CatalogFilter.ANY) || s.armRegionName().equals(region))
        .filter(s -> term.equals(CatalogFilter.ANY) || s.termDuration().equalsIgnoreCase(term))
        .filter(s -> s.billingPlans().contains(plan))
        .sorted(Comparator.comparing(ReservationSku::listPrice).thenComparing(ReservationSku::key))
        .map(s -> new ReservationOffer(s, plan))
        .toList();
    String message;
    if (matches.isEmpty()) {
      message = "No reservation matches " + describe(filter, region, term) + ". Loosen the filter: "
          + (size.isEmpty() ? "" : "shorten the size text (\u201cD4s\u201d, \u201cEsv5\u201d), ")
          + "choose any region or any term.";
    } else if (matches.size() > maxResults) {
      message = matches.size() + " reservations match; the " + maxResults + " cheapest are listed. Refine the filter to see others.";
    } else {
      message = matches.size() + (matches.size() == 1 ? " reservation matches" : " reservations match") + ", cheapest first.";
    }
    return new CatalogSearchResult(matches.stream().limit(maxResults).toList(), matches.size(), message);
  }

  /** The offer a form names by product and SKU, if the catalog has it with that billing plan. */
  public ReservationOffer requireOffer(String country, String reference, String billingPlan) {
    if (reference == null || reference.isBlank()) {
      throw new InvalidInputException("Choose a reservation from the results.");
    }
    ReservationSku sku = Optional.ofNullable(catalog(country).byKey.get(reference.trim()))
        .orElseThrow(() -> new InvalidInputException(
            "The chosen reservation is not in the catalog (any more). Search again and choose one from the results."));
    BillingPlan plan = billingPlan(billingPlan);
    if (!sku.billingPlans().contains(plan)) {
      throw new InvalidInputException(sku.armSkuName() + " cannot be paid " + plan.formValue() + ". Choose another billing plan.");
    }
    return new ReservationOffer(sku, plan);
  }

  /** The regions of the catalog for the filter's select, with {@code any} first. */
  public List<Option> regionOptions(String country) {
    List<Option> options = new ArrayList<>();
    options.add(new Option("Any region", CatalogFilter.ANY));
    catalog(country).regions.forEach((name, display) -> options.add(new Option(display + " (" + name + ")", name)));
    return options;
  }

  private Catalog catalog(String country) {
    return catalogs.computeIfAbsent(country == null ? "US" : country, c -> new Catalog(partnerCenter.getReservationSkus(c)));
  }

  private static BillingPlan billingPlan(String value) {
    if (value == null || value.isBlank()) {
      return BillingPlan.UPFRONT;
    }
    try {
      return BillingPlan.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("Billing plan \u201c" + value + "\u201d is unknown: choose upfront or monthly.");
    }
  }

  private static String blankToAny(String value) {
    return value == null || value.isBlank() ? CatalogFilter.ANY : value.trim();
  }

  /** "Standard_D4s_v3" and "d4s v3" both become "d4sv3"; the "Standard" prefix is ignored. */
  static String normalize(String text) {
    if (text == null) {
      return "";
    }
    String lower = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    return lower.startsWith("standard") ? lower.substring("standard".length()) : lower;
  }

  private static String describe(CatalogFilter filter, String region, String term) {
    List<String> parts = new ArrayList<>();
    if (filter.size() != null && !filter.size().isBlank()) {
      parts.add("\u201c" + filter.size().trim() + "\u201d");
    }
    if (!region.equals(CatalogFilter.ANY)) {
      parts.add("in " + region);
    }
    if (!term.equals(CatalogFilter.ANY)) {
      parts.add("for " + Terms.label(term));
    }
    return parts.isEmpty() ? "the filter" : String.join(" ", parts);
  }

  /** A SKU with its size name normalized once, when the catalog is loaded, not on every search. */
  private record Entry(ReservationSku sku, String normalizedSize) {}

  private static final class Catalog {
    final List<Entry> entries;
    final Map<String, ReservationSku> byKey;
    final Map<String, String> regions;

    Catalog(List<ReservationSku> skus) {
      this.entries = skus.stream().map(s -> new Entry(s, normalize(s.armSkuName()))).toList();
      this.byKey = skus.stream().collect(Collectors.toMap(ReservationSku::key, s -> s, (a, b) -> a));
      this.regions = new TreeMap<>();
      skus.forEach(s -> regions.putIfAbsent(s.armRegionName(), s.regionDisplayName()));
    }
  }
}
