package com.reservationdesk.recommendation;

import com.reservationdesk.catalog.CatalogService;
import com.reservationdesk.catalog.ReservationOffer;
import com.reservationdesk.common.Money;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.InventoryContext;
import com.reservationdesk.partnercenter.Term;
import com.reservationdesk.partnercenter.VmSize;
import com.reservationdesk.policy.RecommendationPolicy.Kind;
import com.reservationdesk.policy.RecommendationPolicy.Thresholds;
import com.reservationdesk.policy.RecommendationPolicy;
import com.reservationdesk.pricing.ComputePrices;
import com.reservationdesk.pricing.Currencies;
import com.reservationdesk.pricing.VmHourlyPrices;
import com.reservationdesk.usage.AzureRecommendation;
import com.reservationdesk.usage.VmUsage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Turns a customer's hourly usage into recommendations: per region and instance-size-flexibility group, for each
 * term, the reservation quantity that saves the most net of its price (usage normalized to the group's ratio units,
 * the reservation's price against the pay-as-you-go price of the sizes that ran), lowered until it is used as well as
 * RecommendationRules.dmn asks; and the compute savings plan commitment that saves the most on all of it. Every
 * number it shows is computed here from the usage and the prices, so it can be explained.
 */
@Component
public class Recommender {

  static final double HOURS_A_MONTH = 730;
  static final double HOURS_A_YEAR = 8760;
  static final List<Term> TERMS = List.of(Term.ONE_YEAR, Term.THREE_YEARS);

  private final CatalogService catalog;
  private final ComputePrices prices;
  private final Currencies currencies;
  private final RecommendationPolicy policy;

  public Recommender(CatalogService catalog, ComputePrices prices, Currencies currencies, RecommendationPolicy policy) {
    this.catalog = catalog;
    this.prices = prices;
    this.currencies = currencies;
    this.policy = policy;
  }

  /** For whom: the customer, its market, and the Azure subscription whose restrictions decide what it can buy. */
  public record Customer(String customerId, String country, String azureSubscriptionId) {}

  /**
   * One size that ran in one region, in all the customer's subscriptions together, with what the recommendation needs of
   * it: the usage source's series of the same size and region (one per subscription, or per VM) are added up first, so
   * the work that follows grows with the sizes and regions a customer runs, not with its VMs.
   */
  private record Member(String armRegionName, String armSkuName, Set<String> subscriptions, double[] hourly, VmSize size,
      double paygPerHour, VmHourlyPrices prices, double total) {}

  /**
   * @param to the end of the look-back (exclusive), an hour's start
   * @param usage the customer's pay-as-you-go usage over the look-back
   * @param azure Azure's own recommendations, shown beside Reservation Desk's; may be empty
   */
  public Recommendations recommend(Customer customer, int lookBackDays, Instant to, List<VmUsage> usage, List<AzureRecommendation> azure) {
    String currency = currencies.currencyOf(customer.country());
    int hours = lookBackDays * 24;
    Instant from = to.minus(Duration.ofHours(hours));
    List<String> notes = new ArrayList<>();
    Map<String, List<Member>> groups = new TreeMap<>();
    List<Member> all = new ArrayList<>();
    double covered = 0;
    Map<String, List<VmUsage>> bySize = new TreeMap<>();
    for (VmUsage series : usage) {
      covered += series.coveredHours();
      bySize.computeIfAbsent(series.armRegionName() + '|' + series.armSkuName(), k -> new ArrayList<>()).add(series);
    }
    for (List<VmUsage> same : bySize.values()) {
      VmUsage first = same.get(0);
      double[] hourly = align(first, from, hours);
      if (same.size() > 1) {
        hourly = hourly.clone();
        for (VmUsage series : same.subList(1, same.size())) {
          double[] more = align(series, from, hours);
          for (int h = 0; h < hours; h++) {
            hourly[h] += more[h];
          }
        }
      }
      double total = sum(hourly);
      if (total <= 0) {
        continue;
      }
      Optional<VmHourlyPrices> price = prices.vm(first.armRegionName(), first.armSkuName());
      if (price.isEmpty() || price.get().payAsYouGo() == null) {
        notes.add(String.format(Locale.ENGLISH, "%s in %s (%,.0f VM hours): no pay-as-you-go price in the price list, so left out.",
            first.armSkuName(), first.armRegionName(), total));
        continue;
      }
      double factor = currencies.factor(price.get().currency(), currency);
      VmSize size = sizeOf(customer.country(), first.armRegionName(), first.armSkuName());
      Member member = new Member(first.armRegionName(), first.armSkuName(),
          same.stream().map(VmUsage::subscriptionId).collect(Collectors.toCollection(java.util.TreeSet::new)), hourly, size,
          price.get().payAsYouGo().doubleValue() * factor, price.get(), total);
      all.add(member);
      if (size == null) {
        notes.add(String.format(Locale.ENGLISH, "%s in %s (%,.0f VM hours): no reservation is sold for this size there; "
            + "a savings plan covers it.", first.armSkuName(), first.armRegionName(), total));
      } else {
        groups.computeIfAbsent(first.armRegionName() + '|' + size.flexibilityGroup(), k -> new ArrayList<>()).add(member);
      }
    }
    List<Recommendation> reservations = new ArrayList<>();
    groups.values().forEach(members -> reservations.addAll(reservations(customer, currency, from, hours, members, azure, notes)));
    // What the subscription can buy first, the largest saving first; what it cannot, after, with the reason.
    reservations.sort(Comparator.comparing(Recommendation::isRestricted)
        .thenComparing(Comparator.comparing(Recommendation::monthlySaving).reversed()));
    List<Recommendation> recommendations = new ArrayList<>();
    for (int i = 0; i < reservations.size(); i++) {
      recommendations.add(withId(reservations.get(i), "R" + (i + 1)));
    }
    for (Term term : TERMS) {
      savingsPlan(currency, from, hours, all, term, notes).ifPresent(recommendations::add);
    }
    notes.addAll(azureOnly(customer, azure, reservations));
    if (covered > 0) {
      notes.add(String.format(Locale.ENGLISH, "%,.0f VM hours of the look-back already ran under the customer's reservations or "
          + "savings plans; only the pay-as-you-go rest is recommended on.", covered));
    }
    return new Recommendations(lookBackDays, from, to, currency, summary(lookBackDays, all, covered, recommendations, currency),
        List.copyOf(recommendations), List.copyOf(notes), null);
  }

  /** The best reservation of a region's flexibility group for each term, if it meets the rules. */
  private List<Recommendation> reservations(Customer customer, String currency, Instant from, int hours, List<Member> members,
      List<AzureRecommendation> azure, List<String> notes) {
    String region = members.get(0).armRegionName();
    String group = members.get(0).size().flexibilityGroup();
    List<Recommendation> found = new ArrayList<>();
    // Usage in units of the group's smallest size, for each smallest size the terms have (usually one for both).
    Map<Double, double[]> unitsByBaseRatio = new java.util.HashMap<>(2);
    for (Term term : TERMS) {
      List<ReservationOffer> sizes = catalog.vmGroup(customer.country(), region, group, term, BillingPlan.UPFRONT);
      if (sizes.isEmpty()) {
        continue;
      }
      ReservationOffer base = sizes.get(0);
      double baseRatio = base.sku().vmSize().flexibilityRatio().doubleValue();
      double[] units = unitsByBaseRatio.computeIfAbsent(baseRatio, ratio -> units(members, ratio, hours));
      double paygCost = 0;
      double unitHours = 0;
      for (Member member : members) {
        paygCost += member.total() * member.paygPerHour();
        unitHours += member.total() * member.size().flexibilityRatio().doubleValue() / baseRatio;
      }
      double payg = paygCost / unitHours;
      double reserved = base.unitPrice().amount().doubleValue() / (term.months() / 12.0 * HOURS_A_YEAR);
      Thresholds rules = policy.thresholds(Kind.RESERVATION, term.iso());
      Optimizer.ReservationChoice choice = Optimizer.reservation(units, payg, reserved, rules.minimumUtilization());
      String subject = group + " in " + base.sku().regionDisplayName() + ", " + term.label();
      if (choice.units() == 0) {
        notes.add(subject + ": " + (choice.bestUnits() == 0
            ? String.format(Locale.ENGLISH, "no reservation pays; the usage runs above any quantity in fewer than %s of the hours "
                + "(the break-even), so pay-as-you-go is cheaper.", percent(reserved / payg))
            : String.format(Locale.ENGLISH, "%d units would save the most, but none would be used %s of the time "
                + "(RecommendationRules).", choice.bestUnits(), percent(rules.minimumUtilization()))));
        continue;
      }
      double monthly = choice.netSavings() / hours * HOURS_A_MONTH;
      double minimum = rules.minimumMonthlySavingUsd() * currencies.factor("USD", currency);
      if (monthly < minimum) {
        notes.add(String.format(Locale.ENGLISH, "%s: %d units would save only %s a month, less than the %s the rules ask.", subject,
            choice.units(), money(monthly, currency), money(minimum, currency)));
        continue;
      }
      ReservationOffer buy = sizeToBuy(sizes, members, choice.units(), baseRatio);
      long quantity = Math.round(choice.units() * baseRatio / buy.sku().vmSize().flexibilityRatio().doubleValue());
      Optional<String> restriction = catalog.restriction(customer.country(),
          new InventoryContext(customer.customerId(), customer.azureSubscriptionId(), region), buy);
      String lowered = choice.bestUnits() > choice.units()
          ? String.format(Locale.ENGLISH, "%d units would save the most, but would be used less than %s of the time "
              + "(RecommendationRules); %d are.", choice.bestUnits(), percent(rules.minimumUtilization()), choice.units())
          : null;
      String unitName = shortName(base.sku().vmSize().armSkuName());
      found.add(new Recommendation(null, Kind.RESERVATION,
          quantity + " \u00d7 " + buy.sku().vmSize().armSkuName() + " \u00b7 " + base.sku().regionDisplayName() + " \u00b7 " + term.label(),
          buy.reference(), buy.sku().vmSize().armSkuName(), region, base.sku().regionDisplayName(), group, term, quantity,
          BigDecimal.valueOf(choice.units()), null, currency, percentValue(choice.utilization()), percentValue(reserved / payg),
          amount(monthly, currency), amount(monthly * term.months(), currency), amount(choice.costWithout(), currency),
          amount(choice.costWith(), currency), amount(choice.netSavings(), currency),
          basis(members, hours, units, unitName, base.sku().regionDisplayName()), lowered, restriction.orElse(null),
          azureView(customer, azure, region, group, term, currency),
          UsageSeries.of(from, units, bucketHours(hours), choice.units(), unitName + " units")));
    }
    return found;
  }

  /** The group's usage each hour in units of a size of ratio {@code baseRatio}. */
  private static double[] units(List<Member> members, double baseRatio, int hours) {
    double[] units = new double[hours];
    for (Member member : members) {
      double ratio = member.size().flexibilityRatio().doubleValue() / baseRatio;
      double[] hourly = member.hourly();
      for (int h = 0; h < hours; h++) {
        units[h] += hourly[h] * ratio;
      }
    }
    return units;
  }

  /**
   * The size to buy: the largest the customer runs whose ratio divides the quantity (10 units of D2s_v5 as 5 × D4s_v5),
   * otherwise the group's smallest; instance size flexibility applies the discount to every size of the group alike.
   */
  private static ReservationOffer sizeToBuy(List<ReservationOffer> sizes, List<Member> members, long units, double baseRatio) {
    return sizes.stream()
        .filter(o -> members.stream().anyMatch(m -> m.armSkuName().equalsIgnoreCase(o.sku().vmSize().armSkuName())))
        .filter(o -> {
          double multiple = o.sku().vmSize().flexibilityRatio().doubleValue() / baseRatio;
          return multiple >= 1 && Math.abs(multiple - Math.rint(multiple)) < 1e-9 && units % Math.round(multiple) == 0;
        })
        .max(Comparator.comparing(o -> o.sku().vmSize().flexibilityRatio()))
        .orElse(sizes.get(0));
  }

  /** The compute savings plan commitment for a term, over all the usage the plan covers. */
  private Optional<Recommendation> savingsPlan(String currency, Instant from, int hours, List<Member> all, Term term, List<String> notes) {
    int years = term.months() / 12;
    double[] atPlanPrices = new double[hours];
    double[] payAsYouGo = new double[hours];
    int covered = 0;
    for (Member member : all) {
      BigDecimal planPrice = member.prices().savingsPlan(years);
      if (planPrice == null) {
        continue;
      }
      covered++;
      double plan = planPrice.doubleValue() * currencies.factor(member.prices().currency(), currency);
      for (int h = 0; h < hours; h++) {
        atPlanPrices[h] += member.hourly()[h] * plan;
        payAsYouGo[h] += member.hourly()[h] * member.paygPerHour();
      }
    }
    if (covered == 0) {
      return Optional.empty();
    }
    double step = Math.pow(10, -Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits()));
    Optimizer.CommitmentChoice choice = Optimizer.commitment(atPlanPrices, payAsYouGo, step);
    String subject = "Savings plan for compute, " + term.label();
    if (choice.perHour() <= 0) {
      notes.add(subject + ": no commitment pays; the usage is too uneven.");
      return Optional.empty();
    }
    double used = 0;
    for (double s : atPlanPrices) {
      used += Math.min(s, choice.perHour());
    }
    double utilization = used / (choice.perHour() * hours);
    Thresholds rules = policy.thresholds(Kind.SAVINGS_PLAN, term.iso());
    double monthly = choice.netSavings() / hours * HOURS_A_MONTH;
    double minimum = rules.minimumMonthlySavingUsd() * currencies.factor("USD", currency);
    if (utilization < rules.minimumUtilization() || monthly < minimum) {
      notes.add(String.format(Locale.ENGLISH, "%s: %s an hour would be used %s and save %s a month; the rules ask for %s and %s.",
          subject, money(choice.perHour(), currency), percent(utilization), money(monthly, currency),
          percent(rules.minimumUtilization()), money(minimum, currency)));
      return Optional.empty();
    }
    double planTotal = sum(atPlanPrices);
    double paygTotal = sum(payAsYouGo);
    BigDecimal commitment = BigDecimal.valueOf(choice.perHour()).setScale(
        Math.max(0, Currency.getInstance(currency).getDefaultFractionDigits()), RoundingMode.HALF_UP);
    String basis = String.format(Locale.ENGLISH, "%d sizes in %d regions: %s an hour on average at the plan's prices "
        + "(%s pay-as-you-go), %s at the peak.", covered, all.stream().map(Member::armRegionName).distinct().count(),
        money(planTotal / hours, currency), money(paygTotal / hours, currency), money(max(atPlanPrices), currency));
    return Optional.of(new Recommendation("S" + years + "Y", Kind.SAVINGS_PLAN,
        subject + " \u00b7 " + new Money(commitment, currency).format() + " an hour", null, null, null, null, null, term, 1, null,
        commitment, currency, percentValue(utilization), percentValue(paygTotal == 0 ? 0 : planTotal / paygTotal),
        amount(monthly, currency), amount(monthly * term.months(), currency), amount(choice.costWithout(), currency),
        amount(choice.costWith(), currency), amount(choice.netSavings(), currency), basis, null, null, null,
        UsageSeries.of(from, atPlanPrices, bucketHours(hours), choice.perHour(), currency + " an hour at plan prices")));
  }

  /** What Azure recommends for the same region, group and term, in words; null when it recommends nothing there. */
  private String azureView(Customer customer, List<AzureRecommendation> azure, String region, String group, Term term, String currency) {
    List<AzureRecommendation> same = azure.stream()
        .filter(a -> region.equalsIgnoreCase(a.armRegionName()) && term.iso().equals(a.term()))
        .filter(a -> {
          VmSize size = sizeOf(customer.country(), a.armRegionName(), a.armSkuName());
          return size != null && size.flexibilityGroup().equals(group);
        }).toList();
    if (same.isEmpty()) {
      return null;
    }
    BigDecimal normalized = same.stream().map(a -> a.recommendedQuantityNormalized() == null ? a.recommendedQuantity()
        : a.recommendedQuantityNormalized()).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal savings = same.stream().map(AzureRecommendation::netSavings).filter(java.util.Objects::nonNull)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    AzureRecommendation first = same.get(0);
    String savingsCurrency = first.currency() == null ? currency : first.currency();
    return String.format(Locale.ENGLISH, "Azure: %s units of %s (%s), saving %s over %d days", normalized.stripTrailingZeros().toPlainString(),
        first.normalizedSize() == null ? first.armSkuName() : first.normalizedSize(),
        first.scope() == null ? "shared" : first.scope().toLowerCase(Locale.ROOT),
        new Money(savings, savingsCurrency).format(), first.lookBack() == null ? 0 : first.lookBack().days());
  }

  /** Azure's recommendations Reservation Desk does not make itself, so the agent sees both. */
  private List<String> azureOnly(Customer customer, List<AzureRecommendation> azure, List<Recommendation> ours) {
    List<String> notes = new ArrayList<>();
    for (AzureRecommendation a : azure) {
      VmSize size = sizeOf(customer.country(), a.armRegionName(), a.armSkuName());
      boolean matched = size != null && ours.stream().anyMatch(r -> r.armRegionName().equalsIgnoreCase(a.armRegionName())
          && r.flexibilityGroup().equals(size.flexibilityGroup()) && r.term().iso().equals(a.term()));
      if (!matched) {
        notes.add(String.format(Locale.ENGLISH, "Azure recommends %s \u00d7 %s in %s for %s (saving %s over its look-back); "
            + "on this usage and the rules above Reservation Desk does not.", a.recommendedQuantity().stripTrailingZeros().toPlainString(),
            a.armSkuName(), a.armRegionName(), Term.label(a.term()),
            a.netSavings() == null ? "?" : new Money(a.netSavings(), a.currency() == null ? "USD" : a.currency()).format()));
      }
    }
    return notes;
  }

  /** The usage a group's recommendation comes from, in words. */
  private static String basis(List<Member> members, int hours, double[] units, String unitName, String regionDisplayName) {
    Map<String, Double> bySize = new LinkedHashMap<>();
    members.stream().sorted(Comparator.comparing(Member::total).reversed())
        .forEach(m -> bySize.merge(m.armSkuName(), m.total() / hours, Double::sum));
    String sizes = bySize.entrySet().stream()
        .map(e -> String.format(Locale.ENGLISH, "%s \u00d7 %s", decimal(e.getValue()), e.getKey()))
        .collect(Collectors.joining(" + "));
    long subscriptions = members.stream().flatMap(m -> m.subscriptions().stream()).distinct().count();
    return String.format(Locale.ENGLISH, "%s running on average in %s (%d subscription%s): %s %s units on average, %s at the peak, "
        + "%s hours.", sizes, regionDisplayName, subscriptions, subscriptions == 1 ? "" : "s", decimal(sum(units) / hours), unitName,
        decimal(max(units)), String.format(Locale.ENGLISH, "%,d", hours));
  }

  private String summary(int lookBackDays, List<Member> all, double covered, List<Recommendation> recommendations, String currency) {
    if (all.isEmpty()) {
      return covered > 0
          ? String.format(Locale.ENGLISH, "All %,.0f VM hours of the last %d days ran under the customer's reservations or savings "
              + "plans: nothing left to recommend.", covered, lookBackDays)
          : "No pay-as-you-go VM usage in the last " + lookBackDays + " days: nothing to recommend.";
    }
    double vmHours = all.stream().mapToDouble(Member::total).sum();
    long sizes = all.stream().map(Member::armSkuName).distinct().count();
    long regions = all.stream().map(Member::armRegionName).distinct().count();
    String usage = String.format(Locale.ENGLISH, "From %,.0f VM hours of pay-as-you-go usage%s in the last %d days (%d size%s in %d region%s)",
        vmHours, covered > 0 ? String.format(Locale.ENGLISH, " (and %,.0f under the customer's reservations or savings plans)", covered)
            : "", lookBackDays, sizes, sizes == 1 ? "" : "s", regions, regions == 1 ? "" : "s");
    if (recommendations.isEmpty()) {
      return usage + ": nothing that would pay under the rules. The notes say why.";
    }
    Optional<Recommendation> bestReservation = recommendations.stream().filter(r -> !r.isSavingsPlan()).findFirst();
    long reservationCount = recommendations.stream().filter(r -> !r.isSavingsPlan()).count();
    BigDecimal reservationSaving = recommendations.stream().filter(r -> !r.isSavingsPlan() && !r.isRestricted()
        && r.term() == Term.THREE_YEARS).map(Recommendation::monthlySaving).reduce(BigDecimal.ZERO, BigDecimal::add);
    StringBuilder summary = new StringBuilder(usage).append(": ");
    if (bestReservation.isPresent()) {
      summary.append(reservationCount).append(reservationCount == 1 ? " reservation" : " reservations");
      if (reservationSaving.signum() > 0) {
        summary.append(" (the 3-year ones save ").append(new Money(reservationSaving, currency).format()).append(" a month together)");
      }
    }
    recommendations.stream().filter(Recommendation::isSavingsPlan).max(Comparator.comparing(Recommendation::monthlySaving))
        .ifPresent(plan -> summary.append(bestReservation.isPresent() ? "; or " : "").append("a savings plan saving ")
            .append(new Money(plan.monthlySaving(), currency).format()).append(" a month"));
    return summary.append('.').toString();
  }

  /** The size's attributes from the catalog of VM reservations in that region, for any term; null when none is sold. */
  private VmSize sizeOf(String country, String region, String armSkuName) {
    for (Term term : TERMS) {
      Optional<ReservationOffer> offer = catalog.vmReservation(country, region, armSkuName, term, BillingPlan.UPFRONT);
      if (offer.isPresent()) {
        return offer.get().sku().vmSize();
      }
    }
    return null;
  }

  /** The series' hours within the look-back, on the look-back's hours. */
  static double[] align(VmUsage series, Instant from, int hours) {
    long offset = Duration.between(from, series.from()).toHours();
    double[] values = series.hourly();
    if (offset == 0 && values.length == hours && Arrays.stream(values).allMatch(v -> v >= 0)) {
      return values;
    }
    double[] aligned = new double[hours];
    for (int i = 0; i < values.length; i++) {
      long h = offset + i;
      if (h >= 0 && h < hours) {
        aligned[(int) h] = Math.max(0, values[i]);
      }
    }
    return aligned;
  }

  static int bucketHours(int hours) {
    return hours <= 7 * 24 ? 1 : hours <= 30 * 24 ? 3 : 6;
  }

  private static Recommendation withId(Recommendation r, String id) {
    return new Recommendation(id, r.kind(), r.title(), r.reference(), r.armSkuName(), r.armRegionName(), r.regionDisplayName(),
        r.flexibilityGroup(), r.term(), r.quantity(), r.normalizedUnits(), r.hourlyCommitment(), r.currency(), r.expectedUtilization(),
        r.breakEvenUtilization(), r.monthlySaving(), r.termSaving(), r.costWithout(), r.costWith(), r.netSavings(), r.basis(), r.lowered(),
        r.restriction(), r.azureView(), r.chart());
  }

  private static String shortName(String armSkuName) {
    return armSkuName.startsWith("Standard_") ? armSkuName.substring("Standard_".length()) : armSkuName;
  }

  private static double sum(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum;
  }

  private static double max(double[] values) {
    double max = 0;
    for (double v : values) {
      max = Math.max(max, v);
    }
    return max;
  }

  private static BigDecimal amount(double value, String currency) {
    return new Money(BigDecimal.valueOf(value), currency).amount();
  }

  private static String money(double value, String currency) {
    return new Money(BigDecimal.valueOf(value), currency).format();
  }

  private static BigDecimal percentValue(double share) {
    return BigDecimal.valueOf(share * 100).setScale(1, RoundingMode.HALF_UP);
  }

  private static String percent(double share) {
    return percentValue(share).stripTrailingZeros().toPlainString() + " %";
  }

  private static String decimal(double value) {
    return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).toPlainString();
  }
}
