package com.reservationdesk.catalog;

import com.reservationdesk.partnercenter.Term;
import static com.reservationdesk.process.purchase.PurchaseVariables.*;

import com.reservationdesk.common.InvalidInputException;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.ReservationType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an agent filters the reservation catalog by. {@code any} (or null for ranges) means no filter.
 *
 * @param region an {@code armRegionName}; ignored for Cosmos DB, whose reservations apply in every region
 * @param size part of a VM size or a family ({@code D4s}, {@code esv5}), case-insensitive; VMs only
 * @param flexibilityGroup an instance-size-flexibility group ({@code DSv5 Series}); VMs only
 * @param deployment a SQL Database deployment ({@code Managed instance}); SQL only
 * @param tier a SQL Database service tier or a Cosmos DB write mode
 * @param term {@code P1Y}, {@code P3Y}, {@code P5Y}
 * @param hideRestricted leave out what the inventory check refuses for the subscription, instead of marking it
 */
public record CatalogFilter(
    ReservationType type,
    String region,
    String size,
    Integer minVcpus,
    Integer maxVcpus,
    BigDecimal minMemoryGiB,
    BigDecimal maxMemoryGiB,
    String flexibilityGroup,
    String deployment,
    String tier,
    String term,
    BillingPlan billingPlan,
    boolean hideRestricted) {

  public static final String ANY = "any";

  /** The form fields a filter is read from: delegates read these, not every variable of the purchase. */
  public static final List<String> FORM_KEYS = List.of(PRODUCT_TYPE, REGION, SIZE_FILTER, MIN_VCPUS, MAX_VCPUS, MIN_MEMORY_GIB,
      MAX_MEMORY_GIB, FLEXIBILITY_GROUP, SQL_DEPLOYMENT, SQL_TIER, COSMOS_WRITES, TERM, BILLING_PLAN, HIDE_RESTRICTED);

  public CatalogFilter {
    type = type == null ? ReservationType.VIRTUAL_MACHINES : type;
    region = anyIfBlank(region);
    size = size == null ? "" : size.trim();
    flexibilityGroup = anyIfBlank(flexibilityGroup);
    deployment = anyIfBlank(deployment);
    tier = anyIfBlank(tier);
    term = anyIfBlank(term);
    billingPlan = billingPlan == null ? BillingPlan.UPFRONT : billingPlan;
  }

  /** VM reservations by region, size, term and billing plan; everything else unfiltered. */
  public static CatalogFilter vm(String region, String size, String term, BillingPlan billingPlan) {
    return new CatalogFilter(ReservationType.VIRTUAL_MACHINES, region, size, null, null, null, null, ANY, ANY, ANY, term,
        billingPlan, false);
  }

  public boolean isVm() {
    return type == ReservationType.VIRTUAL_MACHINES;
  }

  /** The same filter without one constraint: to tell the agent which one to loosen. */
  CatalogFilter without(Constraint constraint) {
    return switch (constraint) {
      case REGION -> new CatalogFilter(type, ANY, size, minVcpus, maxVcpus, minMemoryGiB, maxMemoryGiB, flexibilityGroup, deployment,
          tier, term, billingPlan, hideRestricted);
      case SIZE -> new CatalogFilter(type, region, "", minVcpus, maxVcpus, minMemoryGiB, maxMemoryGiB, flexibilityGroup, deployment,
          tier, term, billingPlan, hideRestricted);
      case VCPUS -> new CatalogFilter(type, region, size, null, null, minMemoryGiB, maxMemoryGiB, flexibilityGroup, deployment, tier,
          term, billingPlan, hideRestricted);
      case MEMORY -> new CatalogFilter(type, region, size, minVcpus, maxVcpus, null, null, flexibilityGroup, deployment, tier, term,
          billingPlan, hideRestricted);
      case FLEXIBILITY_GROUP -> new CatalogFilter(type, region, size, minVcpus, maxVcpus, minMemoryGiB, maxMemoryGiB, ANY, deployment,
          tier, term, billingPlan, hideRestricted);
      case DEPLOYMENT -> new CatalogFilter(type, region, size, minVcpus, maxVcpus, minMemoryGiB, maxMemoryGiB, flexibilityGroup, ANY,
          tier, term, billingPlan, hideRestricted);
      case TIER -> new CatalogFilter(type, region, size, minVcpus, maxVcpus, minMemoryGiB, maxMemoryGiB, flexibilityGroup, deployment,
          ANY, term, billingPlan, hideRestricted);
      case TERM -> new CatalogFilter(type, region, size, minVcpus, maxVcpus, minMemoryGiB, maxMemoryGiB, flexibilityGroup, deployment,
          tier, ANY, billingPlan, hideRestricted);
      case BILLING_PLAN -> new CatalogFilter(type, region, size, minVcpus, maxVcpus, minMemoryGiB, maxMemoryGiB, flexibilityGroup,
          deployment, tier, term, BillingPlan.UPFRONT, hideRestricted);
    };
  }

  /** The constraints this filter sets, in the order an agent reads them on the form. */
  List<Constraint> constraints() {
    List<Constraint> set = new ArrayList<>();
    if (type != ReservationType.COSMOS_DB && !ANY.equals(region)) {
      set.add(Constraint.REGION);
    }
    if (isVm()) {
      if (!size.isEmpty()) {
        set.add(Constraint.SIZE);
      }
      if (minVcpus != null || maxVcpus != null) {
        set.add(Constraint.VCPUS);
      }
      if (minMemoryGiB != null || maxMemoryGiB != null) {
        set.add(Constraint.MEMORY);
      }
      if (!ANY.equals(flexibilityGroup)) {
        set.add(Constraint.FLEXIBILITY_GROUP);
      }
    }
    if (type == ReservationType.SQL_DATABASE && !ANY.equals(deployment)) {
      set.add(Constraint.DEPLOYMENT);
    }
    if (type != ReservationType.VIRTUAL_MACHINES && !ANY.equals(tier)) {
      set.add(Constraint.TIER);
    }
    if (!ANY.equals(term)) {
      set.add(Constraint.TERM);
    }
    if (billingPlan == BillingPlan.MONTHLY) {
      set.add(Constraint.BILLING_PLAN);
    }
    return set;
  }

  /** A filter constraint, named as the agent's form names it. */
  enum Constraint {
    REGION("the region"),
    SIZE("the size text"),
    VCPUS("the vCPU range"),
    MEMORY("the memory range"),
    FLEXIBILITY_GROUP("the flexibility group"),
    DEPLOYMENT("the deployment"),
    TIER("the tier"),
    TERM("the term"),
    BILLING_PLAN("the monthly billing plan");

    final String label;

    Constraint(String label) {
      this.label = label;
    }
  }

  /**
   * The filter from the form's values, checked: a value the form should not have sent is refused
   * with a sentence that says how to fix it.
   */
  public static CatalogFilter fromForm(Map<String, Object> values) {
    ReservationType type;
    try {
      Object typeValue = values.get(PRODUCT_TYPE);
      type = typeValue == null || typeValue.toString().isBlank() ? ReservationType.VIRTUAL_MACHINES
          : ReservationType.fromForm(typeValue.toString());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("Choose what to reserve: virtual machines, SQL Database or Azure Cosmos DB.");
    }
    String size = text(values.get(SIZE_FILTER));
    if (size.length() > 60) {
      throw new InvalidInputException("The size text is too long: type part of a size or family, such as D4s or Esv5.");
    }
    Integer minVcpus = whole(values.get(MIN_VCPUS), "Minimum vCPUs");
    Integer maxVcpus = whole(values.get(MAX_VCPUS), "Maximum vCPUs");
    if (minVcpus != null && maxVcpus != null && minVcpus > maxVcpus) {
      throw new InvalidInputException("Minimum vCPUs (" + minVcpus + ") is above maximum vCPUs (" + maxVcpus + "): swap them or clear one.");
    }
    BigDecimal minMemory = amount(values.get(MIN_MEMORY_GIB), "Minimum memory");
    BigDecimal maxMemory = amount(values.get(MAX_MEMORY_GIB), "Maximum memory");
    if (minMemory != null && maxMemory != null && minMemory.compareTo(maxMemory) > 0) {
      throw new InvalidInputException("Minimum memory (" + minMemory.toPlainString() + " GiB) is above maximum memory ("
          + maxMemory.toPlainString() + " GiB): swap them or clear one.");
    }
    String term = text(values.get(TERM));
    if (!term.isEmpty() && !term.equals(ANY) && !Term.isTerm(term)) {
      throw new InvalidInputException("Term \u201c" + term + "\u201d is unknown: choose 1, 3 or 5 years, or any term.");
    }
    BillingPlan plan = billingPlan(values.get(BILLING_PLAN));
    return new CatalogFilter(type, text(values.get(REGION)), size, minVcpus, maxVcpus, minMemory, maxMemory,
        text(values.get(FLEXIBILITY_GROUP)), text(values.get(SQL_DEPLOYMENT)), text(values.get(
            type == ReservationType.COSMOS_DB ? COSMOS_WRITES : SQL_TIER)), term, plan, Boolean.TRUE.equals(values.get(HIDE_RESTRICTED)));
  }

  static BillingPlan billingPlan(Object value) {
    String text = text(value);
    if (text.isEmpty()) {
      return BillingPlan.UPFRONT;
    }
    try {
      return BillingPlan.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("Billing plan \u201c" + text + "\u201d is unknown: choose upfront or monthly.");
    }
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString().trim();
  }

  private static String anyIfBlank(String value) {
    return value == null || value.isBlank() ? ANY : value.trim();
  }

  private static Integer whole(Object value, String label) {
    BigDecimal number = amount(value, label);
    if (number == null) {
      return null;
    }
    if (number.stripTrailingZeros().scale() > 0 || number.compareTo(BigDecimal.valueOf(10_000)) > 0) {
      throw new InvalidInputException(label + " must be a whole number of vCPUs, such as 4 or 16.");
    }
    return number.intValue();
  }

  private static BigDecimal amount(Object value, String label) {
    String text = text(value);
    if (text.isEmpty()) {
      return null;
    }
    BigDecimal number;
    try {
      number = new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw new InvalidInputException(label + " must be a number, not \u201c" + text + "\u201d.");
    }
    if (number.signum() < 0 || number.compareTo(BigDecimal.valueOf(100_000)) > 0) {
      throw new InvalidInputException(label + " must be between 0 and 100,000; leave it empty for no limit.");
    }
    return number;
  }
}
