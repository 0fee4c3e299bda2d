package com.reservationdesk.reservation;

/**
 * The inventory will not do what was asked, for a reason an agent can act on: the code says which, the message says it
 * in a sentence. A business answer, not a failure: retrying the same request gets the same refusal.
 */
public class ReservationRefusedException extends RuntimeException {

  /** Why, each with the sentence an agent reads. */
  public enum Refusal {
    UNKNOWN_CUSTOMER("This customer is not one of the partner's customers."),
    RESERVATION_NOT_FOUND("The customer has no such reservation: check the reservation order and reservation ids."),
    RESERVATION_EXPIRED("The reservation has expired: its scope can no longer be changed. Buy a new reservation instead."),
    RESERVATION_NOT_SUCCEEDED("The reservation is not in effect at Azure (it is still being created, failed, was cancelled, "
        + "split or merged), so its scope cannot be changed now."),
    NOT_THE_CUSTOMERS_SUBSCRIPTION("A single scope needs one of the customer's active Azure subscriptions; this one is not."),
    RESERVATION_NOT_RETURNABLE("This reservation cannot be returned or exchanged: only a reservation in effect at Azure can (not "
        + "expired, not cancelled or already returned, not still being created)."),
    QUANTITY_NOT_OWNED("The quantity to return must be at least 1 and at most what the reservation still holds."),
    EXCHANGE_BELOW_RETURNED_VALUE("Azure exchanges only for a new commitment at least as large as the refund of what is returned: "
        + "add to the new reservations, or return less."),
    QUOTE_SESSION_INVALID("The quote is no longer valid (unknown, expired after 10 minutes, or already used): ask Azure for a new quote "
        + "and start from it."),
    REFUND_POLICY("Azure's refund policy does not allow this return (for example the customer's refund limit for the last 12 "
        + "months): see Azure's reason."),
    PURCHASE_NOT_AVAILABLE("Azure sells no reservation of this size, region and term for the exchange: choose another."),
    OPERATION_NOT_FOUND("The customer has no such return or exchange operation: check the operation id.");

    private final String sentence;

    Refusal(String sentence) {
      this.sentence = sentence;
    }

    public String sentence() {
      return sentence;
    }
  }

  private final Refusal refusal;

  public ReservationRefusedException(Refusal refusal, String detail) {
    super(refusal.sentence() + (detail == null || detail.isBlank() ? "" : " (" + detail + ")"));
    this.refusal = refusal;
  }

  public Refusal refusal() {
    return refusal;
  }
}
