package com.reservationdesk.reservation;

import java.util.List;

/** A return or exchange Azure runs as a long-running operation. */
public record ReturnOperation(String operationId, Status status, String error, List<String> newReservationOrderIds) {

  /** Where the operation stands. */
  public enum Status { RUNNING, SUCCEEDED, FAILED }
}
