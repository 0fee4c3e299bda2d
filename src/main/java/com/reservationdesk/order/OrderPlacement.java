package com.reservationdesk.order;

import com.reservationdesk.common.Money;
import com.reservationdesk.purchase.CartView;
import java.util.List;

/**
 * What checking out a purchase gave.
 *
 * @param orders every order the purchase has, this checkout's and earlier ones
 * @param problem for a refused or partly failed checkout, what Partner Center refused, in words
 * @param remainingCart for a refused or partly failed checkout, what is back in the cart; null otherwise
 */
public record OrderPlacement(Outcome outcome, String customerId, List<PlacedOrder> orders, String problem, CartView remainingCart) {

  public OrderPlacement(Outcome outcome, String customerId, List<PlacedOrder> orders, String problem) {
    this(outcome, customerId, orders, problem, null);
  }

  /** A checkout's outcome; its value is what the process model's gateway and the metrics read. */
  public enum Outcome {
    /** Every line is ordered. */
    PLACED("placed"),
    /** Some lines are ordered; the others are back in the cart with the reason. */
    PARTLY_PLACED("partlyPlaced"),
    /** Nothing was ordered; the cart is back with the reason. */
    REFUSED("refused"),
    /** Partner Center is still processing (409): look again later with the same request id. */
    IN_PROGRESS("inProgress");

    private final String value;

    Outcome(String value) {
      this.value = value;
    }

    public String value() {
      return value;
    }
  }

  /** Opens the customer's reservations in the Azure portal, in the customer's own directory. */
  public String azurePortalUrl() {
    return AzurePortal.reservationsOf(customerId);
  }

  public String orderNumbers() {
    return String.join(", ", orders.stream().map(PlacedOrder::orderId).toList());
  }

  public Money total() {
    return orders.stream().map(PlacedOrder::total).reduce(Money::plus).orElse(null);
  }
}
