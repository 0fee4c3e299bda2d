package com.reservationdesk.process.purchase;

import com.reservationdesk.process.purchase.FormValue.Action;

/**
 * What the purchase's forms send as the agent's choice of what to do: each enum is one form field's options,
 * defined once. {@code PurchaseContractTest} checks that the forms offer exactly these values and that the
 * model's conditions use them.
 */
public final class Actions {

  private Actions() {}

  /** {@code customerAction}: ChooseCustomer, SearchCustomerAgain. */
  public enum CustomerAction implements Action {
    CHOOSE, SEARCH_AGAIN, CANCEL;

    /** What the form sent; anything else is refused with a sentence. */
    public static CustomerAction read(Object sent) {
      return FormValue.read(CustomerAction.class, sent, "Choose what to do: continue with a customer, search again or cancel.");
    }
  }

  /** {@code addSubscriptionAction}: AddAzureSubscription. */
  public enum AddSubscriptionAction implements Action {
    ADD, CANCEL;

    /** What the form sent; anything else is refused with a sentence. */
    public static AddSubscriptionAction read(Object sent) {
      return FormValue.read(AddSubscriptionAction.class, sent, "Choose whether to add an Azure subscription for this customer, or cancel.");
    }
  }

  /** {@code subscriptionAction}: ChooseSubscription. */
  public enum SubscriptionAction implements Action {
    CHOOSE, CANCEL;

    /** What the form sent; anything else is refused with a sentence. */
    public static SubscriptionAction read(Object sent) {
      return FormValue.read(SubscriptionAction.class, sent, "Choose what to do: continue with the chosen subscription, or cancel.");
    }
  }

  /** {@code filterAction}: FilterReservations. */
  public enum FilterAction implements Action {
    SEARCH, CANCEL;

    /** What the form sent; anything else is refused with a sentence. */
    public static FilterAction read(Object sent) {
      return FormValue.read(FilterAction.class, sent, "Choose whether to search or cancel.");
    }
  }

  /** {@code cartAction}: ChooseReservation; the first two put the chosen reservation into the cart first. */
  public enum CartAction implements Action {
    ADD_AND_REVIEW, ADD_AND_SEARCH, CHANGE_FILTER, REVIEW, CANCEL;

    /** What the form sent; anything else is refused with a sentence. */
    public static CartAction read(Object sent) {
      return FormValue.read(CartAction.class, sent, "Choose what to do: add the reservation to the cart, change the filter, review the order or cancel.");
    }

    public boolean adds() {
      return this == ADD_AND_REVIEW || this == ADD_AND_SEARCH;
    }
  }

  /** {@code reviewAction}: ReviewOrder. */
  public enum ReviewAction implements Action {
    BUY, CHANGE_QUANTITY, REMOVE_LINE, ADD_MORE, CANCEL;

    /** What the form sent; anything else is refused with a sentence. */
    public static ReviewAction read(Object sent) {
      return FormValue.read(ReviewAction.class, sent, "Choose what to do: buy, change a quantity, remove a line, add more reservations or cancel.");
    }
  }

  /** {@code approvalDecision}: ApproveOrder. */
  public enum ApprovalDecision implements Action {
    APPROVE, REJECT;

    /** What the form sent; anything else is refused with a sentence. */
    public static ApprovalDecision read(Object sent) {
      return FormValue.read(ApprovalDecision.class, sent, "Choose approve or reject.");
    }
  }

  /** {@code registrationAction}: RegistrationPending. */
  public enum RegistrationAction implements Action {
    WAIT, CANCEL;

    /** What the form sent; anything else is refused with a sentence. */
    public static RegistrationAction read(Object sent) {
      return FormValue.read(RegistrationAction.class, sent, "Choose whether to wait longer for the registration, or cancel.");
    }
  }

  /** {@code fixAction}: FixOrder. */
  public enum FixAction implements Action {
    REVIEW, CANCEL;

    /** What the form sent; anything else is refused with a sentence. */
    public static FixAction read(Object sent) {
      return FormValue.read(FixAction.class, sent, "Choose whether to fix the order in review, or cancel.");
    }
  }
}
