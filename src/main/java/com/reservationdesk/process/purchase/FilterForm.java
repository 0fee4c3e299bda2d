package com.reservationdesk.process.purchase;

import static com.reservationdesk.process.purchase.PurchaseVariables.*;

import com.reservationdesk.catalog.CatalogFilter;
import com.reservationdesk.common.InvalidInputException;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.ReservationType;
import com.reservationdesk.partnercenter.Term;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The filter form's fields (FilterReservations), read into a {@link CatalogFilter}. */
final class FilterForm {

  /** The form fields a filter is read from: delegates read these, not every variable of the purchase. */
  static final List<String> KEYS = List.of(PRODUCT_TYPE, REGION, SIZE_FILTER, MIN_VCPUS, MAX_VCPUS, MIN_MEMORY_GIB,
      MAX_MEMORY_GIB, FLEXIBILITY_GROUP, SQL_DEPLOYMENT, SQL_TIER, COSMOS_WRITES, TERM, BILLING_PLAN, HIDE_RESTRICTED);

  private FilterForm() {}

  /** Whether the form chose the savings plan, which is bought by a commitment instead of found in the catalog. */
  static boolean isSavingsPlan(Object productType) {
    return productType != null && ReservationType.SAVINGS_PLAN.formValue().equals(productType.toString().trim());
  }

  /**
   * The filter from the form's values, checked: a value the form should not have sent is refused
   * with a sentence that says how to fix it.
   */
  static CatalogFilter read(Map<String, Object> values) {
    ReservationType type;
    try {
      Object typeValue = values.get(PRODUCT_TYPE);
      type = typeValue == null || typeValue.toString().isBlank() ? ReservationType.VIRTUAL_MACHINES
          : ReservationType.fromForm(typeValue.toString());
      if (!type.isReservation()) {
        throw new IllegalArgumentException("no catalog");
      }
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("Choose what to reserve: virtual machines, SQL Database or Azure Cosmos DB.");
    }
    String size = FormValues.text(values.get(SIZE_FILTER));
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
    String term = FormValues.text(values.get(TERM));
    if (!term.isEmpty() && !term.equals(CatalogFilter.ANY) && !Term.isTerm(term)) {
      throw new InvalidInputException("Term \u201c" + term + "\u201d is unknown: choose 1, 3 or 5 years, or any term.");
    }
    BillingPlan plan = FormValues.billingPlan(values.get(BILLING_PLAN));
    return new CatalogFilter(type, FormValues.text(values.get(REGION)), size, minVcpus, maxVcpus, minMemory, maxMemory,
        FormValues.text(values.get(FLEXIBILITY_GROUP)), FormValues.text(values.get(SQL_DEPLOYMENT)), FormValues.text(values.get(
            type == ReservationType.COSMOS_DB ? COSMOS_WRITES : SQL_TIER)), term, plan, Boolean.TRUE.equals(values.get(HIDE_RESTRICTED)));
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
    String text = FormValues.text(value);
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
