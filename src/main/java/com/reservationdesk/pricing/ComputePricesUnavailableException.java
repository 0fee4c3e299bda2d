package com.reservationdesk.pricing;

/**
 * The source of compute prices did not answer usefully (a timeout, a refused connection, an error status, an answer
 * that is not a price list). Technical, never the agent's to fix: unlike an empty answer it says nothing about the
 * size, so the step that asked is retried and then becomes an incident.
 */
public class ComputePricesUnavailableException extends RuntimeException {

  public ComputePricesUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
