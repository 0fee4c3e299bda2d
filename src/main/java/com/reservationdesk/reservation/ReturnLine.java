package com.reservationdesk.reservation;

import java.util.Locale;
import java.util.Objects;

/**
 * A quantity of one reservation to give back: Azure's {@code reservationToReturn} ({@code reservationId} is the full
 * {@code /providers/microsoft.capacity/reservationOrders/{orderId}/reservations/{id}} there).
 *
 * @param quantity instances to return; at least 1 and at most what the reservation holds (checked by the adapters, which
 *     say so as a refusal)
 */
public record ReturnLine(String reservationOrderId, String reservationId, long quantity) {

  public ReturnLine {
    Objects.requireNonNull(reservationOrderId, "reservationOrderId");
    Objects.requireNonNull(reservationId, "reservationId");
    reservationOrderId = reservationOrderId.trim().toLowerCase(Locale.ROOT);
    reservationId = reservationId.trim().toLowerCase(Locale.ROOT);
  }

  /** Azure's fully qualified reservation id. */
  public String azureReservationId() {
    return "/providers/microsoft.capacity/reservationOrders/" + reservationOrderId + "/reservations/" + reservationId;
  }
}
