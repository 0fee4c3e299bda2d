package com.reservationdesk.process.purchase;

import com.reservationdesk.process.FormValue;
import com.reservationdesk.process.FormValue.Action;
import java.util.Map;

/**
 * What the purchase's forms send as the agent's choice of what to do: each enum is one form field's options,
 * defined once. {@code PurchaseContractTest} checks that the forms offer exactly these values and that the
 * model's conditions use them.
 */
public final class Actions {

  /** What an agent reads when a form sends a value that is none of its field's options. */
  private static final Map<Class<?>, String> REFUSALS = Map.ofEntries(
      Map.entry(CustomerAction.class, "Choose what to do: continue with a customer, search again or cancel."),
      Map.entry(AddSubscriptionAction.class, "Choose whether to add an Azure subscription for this customer, or cancel."),
      Map.entry(SubscriptionAction.class, "Choose what to do: continue with the chosen subscription, or cancel."),
      Map.entry(FilterAction.class, "Choose whether to search or cancel."),
      Map.entry(RecommendationAction.class, "Choose what to do: add the ticked recommendations and review or search for more, "
          + "search the catalog instead, or cancel."),
      Map.entry(CartAction.class, "Choose what to do: add the reservation to the cart, change the filter, review the order or cancel."),
      Map.entry(ReviewAction.class, "Choose what to do: buy, change a quantity, remove a line, add more reservations or cancel."),
      Map.entry(ApprovalDecision.class, "Choose approve or reject."),
      Map.entry(RegistrationAction.class, "Choose whether to wait longer for the registration, or cancel."),
      Map.entry(FixAction.class, "Choose whether to fix the order in review, or cancel."));

  private Actions() {}

  /** The action a form sent; anything else is refused with the field's sentence. */
  public static <E extends Enum<E> & Action> E read(Class<E> field, Object sent) {
    return FormValue.read(field, sent, REFUSALS.get(field));
  }

  /** {@code customerAction}: ChooseCustomer, SearchCustomerAgain. */
  public enum CustomerAction implements Action { CHOOSE, SEARCH_AGAIN, CANCEL }

  /** {@code addSubscriptionAction}: AddAzureSubscription. */
  public enum AddSubscriptionAction implements Action { ADD, CANCEL }

  /** {@code subscriptionAction}: ChooseSubscription. */
  public enum SubscriptionAction implements Action { CHOOSE, CANCEL }

  /** {@code filterAction}: FilterReservations. */
  public enum FilterAction implements Action { SEARCH, CANCEL }

  /** {@code recommendationAction}: ChooseRecommendations; the first two put the ticked recommendations into the cart first. */
  public enum RecommendationAction implements Action {
    ADD_AND_REVIEW, ADD_AND_SEARCH, SEARCH, CANCEL;

    public boolean adds() {
      return this == ADD_AND_REVIEW || this == ADD_AND_SEARCH;
    }
  }

  /** {@code cartAction}: ChooseReservation; the first two put the chosen reservation into the cart first. */
  public enum CartAction implements Action {
    ADD_AND_REVIEW, ADD_AND_SEARCH, CHANGE_FILTER, REVIEW, CANCEL;

    public boolean adds() {
      return this == ADD_AND_REVIEW || this == ADD_AND_SEARCH;
    }
  }

  /** {@code reviewAction}: ReviewOrder. */
  public enum ReviewAction implements Action { BUY, CHANGE_QUANTITY, REMOVE_LINE, ADD_MORE, CANCEL }

  /** {@code approvalDecision}: ApproveOrder. */
  public enum ApprovalDecision implements Action { APPROVE, REJECT }

  /** {@code registrationAction}: RegistrationPending. */
  public enum RegistrationAction implements Action { WAIT, CANCEL }

  /** {@code fixAction}: FixOrder. */
  public enum FixAction implements Action { REVIEW, CANCEL }
}
