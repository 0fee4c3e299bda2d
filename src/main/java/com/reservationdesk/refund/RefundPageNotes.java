package com.reservationdesk.refund;

import com.reservationdesk.reservation.ReservationPageNotes;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The reservations page's refund lines: the customer's budget, and each reservation's returns and exchanges. */
@Component
class RefundPageNotes implements ReservationPageNotes {

  private final Returns returns;

  RefundPageNotes(Returns returns) {
    this.returns = returns;
  }

  @Override
  public Optional<String> aboutCustomer(String customerId) {
    return Optional.of("Refund budget: " + returns.budget(customerId).describe() + ".");
  }

  @Override
  public List<String> aboutReservation(String reservationId) {
    return returns.ofReservation(reservationId).stream()
        .filter(r -> r.status() != ReturnStatus.CHOOSING && r.status() != ReturnStatus.CANCELLED)
        .map(r -> (r.kind() == com.reservationdesk.policy.RefundPolicy.Kind.RETURN ? "Return" : "Exchange") + " by " + r.startedBy()
            + " (" + Returns.label(r.status()) + ")"
            + r.lines().stream().filter(l -> l.reservationId().equals(reservationId)).findFirst()
                .map(l -> ": " + l.quantity() + (l.refundAmount() == null ? "" : ", " + new com.reservationdesk.common.Money(l.refundAmount(),
                    r.currency()).format())).orElse("")
            + (r.reason() == null ? "" : " \u2014 " + r.reason()))
        .toList();
  }
}
