package com.reservationdesk.catalog;

import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.ReservationType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

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

  private static String anyIfBlank(String value) {
    return value == null || value.isBlank() ? ANY : value.trim();
  }
}
