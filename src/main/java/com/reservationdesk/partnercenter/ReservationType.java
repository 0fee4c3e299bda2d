package com.reservationdesk.partnercenter;

import java.util.Locale;

/**
 * What a cart line buys: the reservation products Partner Center sells, each a catalog {@code targetView}, and the
 * Azure savings plan for compute, which is no catalog view but one product ({@link SavingsPlanProduct}) bought by
 * an hourly commitment.
 */
public enum ReservationType {
  VIRTUAL_MACHINES("vm", "AzureReservationsVM", "Virtual machines", "instance", "instances"),
  SQL_DATABASE("sql", "AzureReservationsSQL", "SQL Database", "vCore", "vCores"),
  COSMOS_DB("cosmosdb", "AzureReservationsCosmosDb", "Azure Cosmos DB", "100 RU/s", "100 RU/s"),
  SAVINGS_PLAN("savingsPlan", null, "Savings plan for compute", "savings plan", "savings plans");

  private final String formValue;
  private final String targetView;
  private final String label;
  private final String unit;
  private final String units;

  ReservationType(String formValue, String targetView, String label, String unit, String units) {
    this.formValue = formValue;
    this.targetView = targetView;
    this.label = label;
    this.unit = unit;
    this.units = units;
  }

  public String formValue() {
    return formValue;
  }

  /** The catalog view of {@code GET /products?targetView=…}; null for the savings plan, which has none. */
  public String targetView() {
    return targetView;
  }

  /** The reservation products, each a catalog view: what the catalog is read for. */
  public static java.util.List<ReservationType> reservations() {
    return java.util.Arrays.stream(values()).filter(ReservationType::isReservation).toList();
  }

  public boolean isReservation() {
    return this != SAVINGS_PLAN;
  }

  public String label() {
    return label;
  }

  /** What one unit of quantity buys: an instance, a vCore, 100 RU/s. */
  public String unit() {
    return unit;
  }

  /** What quantities count, in the plural: instances, vCores, 100 RU/s. */
  public String units() {
    return units;
  }

  /** The product as it precedes "reservation": VM, SQL Database, Azure Cosmos DB. */
  public String noun() {
    return switch (this) {
      case VIRTUAL_MACHINES -> "VM";
      case SAVINGS_PLAN -> "savings plan";
      default -> label;
    };
  }

  /** A quantity in words: {@code 2 instances}, {@code 8 vCores}, {@code 5 × 100 RU/s}. */
  public String quantity(long quantity) {
    if (this == COSMOS_DB) {
      return String.format("%,d \u00d7 %s", quantity, unit);
    }
    return String.format("%,d %s", quantity, quantity == 1 ? unit : units);
  }

  public static ReservationType fromForm(String value) {
    for (ReservationType type : values()) {
      if (type.formValue.equals(value == null ? "" : value.trim().toLowerCase(Locale.ROOT))) {
        return type;
      }
    }
    throw new IllegalArgumentException("Unknown reservation type " + value);
  }
}
