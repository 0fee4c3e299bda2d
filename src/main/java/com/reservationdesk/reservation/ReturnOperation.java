package com.reservationdesk.reservation;

import java.util.List;
import java.util.Objects;

/**
 * A return or exchange Azure accepted, as far as it got.
 *
 * @param operationId what {@link ReservationReturns#operation} takes: an id of the embedded Azure, or Azure's operation
 *     address ({@code Azure-AsyncOperation} or {@code Location}) in live mode
 * @param error Azure's reason when it {@link Status#FAILED}; null otherwise
 * @param newReservationOrderIds the reservation orders an exchange bought, once it {@link Status#SUCCEEDED}; empty for a
 *     return
 */
public record ReturnOperation(String operationId, Status status, String error, List<String> newReservationOrderIds) {

  /** Azure's operation status: {@code Pending}/{@code InProgress} are running, {@code Cancelled} is failed. */
  public enum Status { RUNNING, SUCCEEDED, FAILED }

  public ReturnOperation {
    Objects.requireNonNull(operationId, "operationId");
    Objects.requireNonNull(status, "status");
    newReservationOrderIds = newReservationOrderIds == null ? List.of() : List.copyOf(newReservationOrderIds);
  }

  public boolean isDone() {
    return status != Status.RUNNING;
  }
}
