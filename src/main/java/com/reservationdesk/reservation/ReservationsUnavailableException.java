package com.reservationdesk.reservation;

/** The source of reservations failed (Partner Center or Azure did not answer, or answered nonsense); the message says which call and how. */
public class ReservationsUnavailableException extends RuntimeException {

  public ReservationsUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
