package com.reservationdesk.usage;

/** The usage source failed; the message says which call and how, for an operator. */
public class UsageUnavailableException extends RuntimeException {

  public UsageUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
