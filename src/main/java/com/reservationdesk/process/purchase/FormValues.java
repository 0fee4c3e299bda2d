package com.reservationdesk.process.purchase;

import com.reservationdesk.common.InvalidInputException;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.Scope;
import java.math.BigDecimal;

/**
 * The values the purchase's forms send, typed: a form's numbers arrive as Integer, Long, Double or text, a
 * choice as text. A value no form would send is refused with a sentence that says what to do.
 */
public final class FormValues {

  private FormValues() {}

  public static String text(Object value) {
    return value == null ? "" : value.toString().trim();
  }

  /** A number as the form sent it; null when none or none that is a finite number (the service then says what it expects). */
  public static BigDecimal number(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return BigDecimal.valueOf(((Number) value).longValue());
    }
    if (value instanceof Number number) {
      return Double.isFinite(number.doubleValue()) ? new BigDecimal(number.toString()) : null;
    }
    String text = text(value);
    if (text.matches("-?\\d{1,30}(\\.\\d{1,30})?")) {
      return new BigDecimal(text);
    }
    return null;
  }

  /** A cart line's number as the line select sends it; -1 when none (the service then asks to choose one). */
  public static int lineNo(Object value) {
    if (value instanceof Number number) {
      return number.intValue();
    }
    String text = text(value);
    return text.matches("\\d{1,6}") ? Integer.parseInt(text) : -1;
  }

  public static Scope scope(Object value) {
    String text = text(value);
    if (text.isEmpty()) {
      throw new InvalidInputException("Choose the scope: shared (all the customer's subscriptions) or single subscription.");
    }
    return Scope.of(text).orElseThrow(() -> new InvalidInputException("Scope \u201c" + text + "\u201d is unknown: choose shared or single."));
  }

  /**
   * The values a checklist sent: Tasklist sends the ticked values as a JSON array (a Json variable), the REST API may
   * send a list or the array as text. Only short texts are accepted; anything else is refused with {@code refusal}.
   */
  public static java.util.List<String> ticked(Object value, String refusal) {
    if (value == null) {
      return java.util.List.of();
    }
    Object parsed = value;
    if (value instanceof org.camunda.spin.json.SpinJsonNode node) {
      parsed = node.isArray() ? node.elements().stream().map(e -> e.isString() ? (Object) e.stringValue() : (Object) e.toString()).toList()
          : null;
    } else if (value instanceof CharSequence text) {
      String trimmed = text.toString().trim();
      if (trimmed.isEmpty()) {
        return java.util.List.of();
      }
      try {
        parsed = trimmed.startsWith("[") ? org.camunda.spin.Spin.JSON(trimmed).elements().stream()
            .map(e -> e.isString() ? (Object) e.stringValue() : (Object) e.toString()).toList() : java.util.List.of(trimmed);
      } catch (RuntimeException e) {
        throw new InvalidInputException(refusal);
      }
    }
    if (!(parsed instanceof java.util.Collection<?> items) || items.size() > 100) {
      throw new InvalidInputException(refusal);
    }
    java.util.List<String> values = new java.util.ArrayList<>();
    for (Object item : items) {
      if (!(item instanceof String text) || !text.matches("[A-Za-z0-9_-]{1,40}")) {
        throw new InvalidInputException(refusal);
      }
      values.add(text);
    }
    return values;
  }

  /** A savings plan's term as the filter form sends it: {@code P1Y} or {@code P3Y}. */
  public static com.reservationdesk.partnercenter.Term savingsPlanTerm(Object value) {
    String text = text(value);
    if (!text.equals("P1Y") && !text.equals("P3Y")) {
      throw new InvalidInputException("Choose the savings plan's term: 1 year or 3 years.");
    }
    return com.reservationdesk.partnercenter.Term.of(text);
  }

  /** The billing plan a filter names; upfront when it names none. */
  public static BillingPlan billingPlan(Object value) {
    String text = text(value);
    if (text.isEmpty()) {
      return BillingPlan.UPFRONT;
    }
    return BillingPlan.of(text)
        .orElseThrow(() -> new InvalidInputException("Billing plan \u201c" + text + "\u201d is unknown: choose upfront or monthly."));
  }
}
