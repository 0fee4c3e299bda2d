package com.reservationdesk.order;

import com.reservationdesk.common.Money;
import java.util.List;

/**
 * What checking out a purchase gave: the orders Partner Center created and, for a partly failed
 * checkout, what it refused and why.
 */
public record OrderPlacement(String customerId, List<PlacedOrder> orders, List<String> failures) {

  /** Opens the customer's reservations in the Azure portal, in the customer's own directory. */
  public String azurePortalUrl() {
    return "https://portal.azure.com/#@" + customerId + "/blade/Microsoft_Azure_Reservations/ReservationsBrowseBlade";
  }

  public String orderNumbers() {
    return String.join(", ", orders.stream().map(PlacedOrder::orderId).toList());
  }

  public Money total() {
    return orders.stream().map(PlacedOrder::total).reduce(Money::plus).orElse(null);
  }
}
