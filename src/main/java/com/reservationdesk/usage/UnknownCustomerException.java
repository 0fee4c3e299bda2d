package com.reservationdesk.usage;

/**
 * The customer id is not a customer of the partner. Usage is asked for customers the agent chose from Partner Center,
 * so this is a mistake of the caller, not an answer "no usage": a customer without usage gets an empty list.
 */
public class UnknownCustomerException extends RuntimeException {

  public UnknownCustomerException(String customerId) {
    super("No customer " + customerId + " at Partner Center: usage is only read for the partner's customers");
  }
}
