package com.reservationdesk.common;

/**
 * A value an agent or an API client entered that the product cannot accept. The message is shown
 * to the agent as it is: it says what is wrong and how to fix it, in business words.
 */
public class InvalidInputException extends RuntimeException {

  public InvalidInputException(String message) {
    super(message);
  }
}
