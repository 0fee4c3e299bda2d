package com.reservationdesk.process.purchase;

import com.reservationdesk.process.FormValue;
import com.reservationdesk.engine.history.LeanHistoryPlugin;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.spin.Spin;

/**
 * Every variable of {@code ReservationPurchaseProcess}, the contract between the model, its forms,
 * the delegates and API clients. Form fields carry these names as their keys.
 */
public final class PurchaseVariables {

  public static final String PROCESS_KEY = "ReservationPurchaseProcess";

  // Start form and customer search
  public static final String STARTED_BY = "startedBy";
  public static final String CUSTOMER_SEARCH = "customerSearch";
  public static final String CUSTOMER_MATCHES = "customerMatches";
  public static final String CUSTOMER_MATCH_COUNT = "customerMatchCount";
  public static final String CUSTOMER_SEARCH_MESSAGE = "customerSearchMessage";
  public static final String CUSTOMER_ACTION = "customerAction";
  public static final String CUSTOMER_DECISION = "customerDecision";
  public static final String CUSTOMER_ID = "customerId";
  public static final String CUSTOMER_NAME = "customerName";
  public static final String CUSTOMER_DOMAIN = "customerDomain";

  // Subscriptions
  public static final String SUBSCRIPTION_OPTIONS = "subscriptionOptions";
  public static final String ACTIVE_SUBSCRIPTION_COUNT = "activeSubscriptionCount";
  public static final String SUBSCRIPTION_NOTE = "subscriptionNote";
  public static final String ADD_SUBSCRIPTION_ACTION = "addSubscriptionAction";
  public static final String SUBSCRIPTION_ID = "subscriptionId";
  public static final String SUBSCRIPTION_ACTION = "subscriptionAction";
  public static final String SUBSCRIPTION_DECISION = "subscriptionDecision";
  public static final String SUBSCRIPTION_NAME = "subscriptionName";
  public static final String PURCHASE_ID = "purchaseId";
  /** The message that starts a purchase renewing a reservation, and the renewal it carries (server-written). */
  public static final String RENEWAL_MESSAGE = "ReservationRenewal";
  public static final String RENEWAL_WATCH_ID = "renewalWatchId";
  /** The message that starts a purchase choosing an exchange's new reservations, and the exchange's process instance it carries. */
  public static final String EXCHANGE_MESSAGE = "ReservationExchange";
  public static final String EXCHANGE_PROCESS_ID = "exchangeProcessInstanceId";
  /** The message the purchase sends back to its exchange when the agent chooses to buy the cart. */
  public static final String EXCHANGE_CART_MESSAGE = "ExchangeCartChosen";

  // Resellers (indirect provider) and catalog filter options
  public static final String RESELLER_REQUIRED = "resellerRequired";
  public static final String RESELLER_OPTIONS = "resellerOptions";
  public static final String RESELLER_MPN_ID = "resellerMpnId";
  public static final String RESELLER_NAME = "resellerName";
  public static final String REGION_OPTIONS = "regionOptions";

  // Catalog filter and results
  public static final String RECOMMENDATION_SUMMARY = "recommendationSummary";
  public static final String RECOMMENDATION_COUNT = "recommendationCount";
  public static final String RECOMMENDATION_ROWS = "recommendationRows";
  public static final String RECOMMENDATION_OPTIONS = "recommendationOptions";
  public static final String RECOMMENDATION_NOTES = "recommendationNotes";
  public static final String RECOMMENDATION_CHART = "recommendationChart";
  public static final String CHOSEN_RECOMMENDATIONS = "chosenRecommendations";
  public static final String RECOMMENDATION_BILLING_PLAN = "recommendationBillingPlan";
  public static final String RECOMMENDATION_ACTION = "recommendationAction";
  public static final String RECOMMENDATION_DECISION = "recommendationDecision";
  public static final String PRODUCT_TYPE = "productType";
  public static final String REGION = "region";
  public static final String SIZE_FILTER = "sizeFilter";
  public static final String MIN_VCPUS = "minVcpus";
  public static final String MAX_VCPUS = "maxVcpus";
  public static final String MIN_MEMORY_GIB = "minMemoryGiB";
  public static final String MAX_MEMORY_GIB = "maxMemoryGiB";
  public static final String FLEXIBILITY_GROUP = "flexibilityGroup";
  public static final String FLEXIBILITY_GROUP_OPTIONS = "flexibilityGroupOptions";
  public static final String SQL_DEPLOYMENT = "sqlDeployment";
  public static final String SQL_TIER = "sqlTier";
  public static final String COSMOS_WRITES = "cosmosWrites";
  public static final String TERM = "term";
  public static final String BILLING_PLAN = "billingPlan";
  public static final String HIDE_RESTRICTED = "hideRestricted";
  public static final String PRICE_NOTE = "priceNote";
  public static final String QUANTITY_LIMITS = "quantityLimits";
  public static final String FILTER_ACTION = "filterAction";
  public static final String FILTER_DECISION = "filterDecision";
  public static final String SAVINGS_PLAN_COMMITMENT = "savingsPlanCommitment";
  public static final String SAVINGS_PLAN_TERM = "savingsPlanTerm";
  public static final String RESERVATION_RESULTS = "reservationResults";
  public static final String RESERVATION_RESULT_COUNT = "reservationResultCount";
  public static final String RESERVATION_RESULT_MESSAGE = "reservationResultMessage";
  public static final String RESERVATION = "reservation";
  public static final String QUANTITY = "quantity";
  public static final String CART_ACTION = "cartAction";
  public static final String CART_DECISION = "cartDecision";

  // Cart and review
  public static final String CART_LINES = "cartLines";
  public static final String CART_LINE_COUNT = "cartLineCount";
  public static final String CART_TOTAL = "cartTotal";
  public static final String CART_BILLING = "cartBilling";
  public static final String SCOPE = "scope";
  public static final String REVIEW_ACTION = "reviewAction";
  public static final String CART_LINE = "cartLine";
  public static final String NEW_QUANTITY = "newQuantity";
  public static final String REVIEW_DECISION = "reviewDecision";

  // Approval (the OrderApproval decision's inputs and result) and the agent's notes at review
  public static final String ORDER_CURRENCY = "orderCurrency";
  public static final String ORDER_TOTAL_AMOUNT = "orderTotalAmount";
  public static final String ORDER_QUANTITY = "orderQuantity";
  public static final String APPROVAL = "approval";
  public static final String APPROVAL_REQUIRED = "approvalRequired";
  public static final String APPROVAL_REASON = "approvalReason";
  /** The approval task's: who asked for the purchase, from its records. */
  public static final String REQUESTED_BY = "requestedBy";
  public static final String APPROVAL_DECISION = "approvalDecision";
  public static final String REJECTION_REASON = "rejectionReason";
  public static final String APPROVAL_RESULT = "approvalResult";
  public static final String REVIEW_NOTE = "reviewNote";

  // Registration for reservations
  public static final String REGISTRATION_STATUS = "registrationStatus";
  public static final String REGISTRATION_CHECKS = "registrationChecks";
  public static final String REGISTRATION_ACTION = "registrationAction";

  // Cart lifetime (policy)
  public static final String PURCHASE_EXPIRED = "purchaseExpired";
  public static final String PURCHASE_OPEN = "purchaseOpen";
  public static final String PURCHASE_EXPIRES_AT = "purchaseExpiresAt";

  // Order
  public static final String FIX_ACTION = "fixAction";
  public static final String ORDER_OUTCOME = "orderOutcome";
  public static final String ORDER_PROBLEM = "orderProblem";
  public static final String ERROR_ORDER_REFUSED = "OrderRefused";
  public static final String ORDER_NUMBERS = "orderNumbers";
  public static final String ORDER_COUNT = "orderCount";
  public static final String ORDER_STATUS = "orderStatus";
  public static final String ORDER_TOTAL = "orderTotal";
  public static final String ORDER_SUMMARY = "orderSummary";
  public static final String AZURE_PORTAL_URL = "azurePortalUrl";

  /**
   * What the forms show or the agent types while searching, and nothing needs later: option lists,
   * result tables, sentences, filter values. The history keeps none of them ({@link LeanHistoryPlugin});
   * the audit trail is the decisions, ids, approvals and outcomes, and the cart lines and orders in
   * Reservation Desk's own tables.
   */
  public static final java.util.Set<String> DISPLAY_ONLY = java.util.Set.of(
      CUSTOMER_MATCHES, CUSTOMER_SEARCH_MESSAGE, SUBSCRIPTION_OPTIONS, SUBSCRIPTION_NOTE, RESELLER_OPTIONS, QUANTITY_LIMITS, REGION_OPTIONS,
      FLEXIBILITY_GROUP_OPTIONS, PRICE_NOTE, RESERVATION_RESULTS, RESERVATION_RESULT_MESSAGE,
      RESERVATION_RESULT_COUNT, CART_LINES, CART_LINE_COUNT, CART_TOTAL, CART_BILLING, ORDER_SUMMARY,
      AZURE_PORTAL_URL, PURCHASE_EXPIRES_AT,
      // The recommendation as the form shows it: purchase_recommendation keeps it, and the cart lines what was chosen.
      RECOMMENDATION_SUMMARY, RECOMMENDATION_ROWS, RECOMMENDATION_OPTIONS, RECOMMENDATION_NOTES, RECOMMENDATION_CHART,
      CHOSEN_RECOMMENDATIONS, RECOMMENDATION_BILLING_PLAN, RECOMMENDATION_ACTION,
      // Shown by the forms, made from the purchase's and orders' records, which keep them: CUSTOMER_DOMAIN, RESELLER_REQUIRED,
      // ORDER_COUNT, ORDER_STATUS, ORDER_TOTAL.
      CUSTOMER_DOMAIN, RESELLER_REQUIRED, ORDER_COUNT, ORDER_STATUS, ORDER_TOTAL,
      // The approval decision's result map: the decision instance in the history holds its inputs and outputs.
      APPROVAL,
      // What the agent typed to search and pick: the cart lines and orders in Reservation Desk's tables keep the result.
      PRODUCT_TYPE, REGION, SIZE_FILTER, MIN_VCPUS, MAX_VCPUS, MIN_MEMORY_GIB, MAX_MEMORY_GIB, FLEXIBILITY_GROUP, SQL_DEPLOYMENT,
      SQL_TIER, COSMOS_WRITES, TERM, BILLING_PLAN, HIDE_RESTRICTED, FILTER_ACTION, SAVINGS_PLAN_COMMITMENT, SAVINGS_PLAN_TERM, RESERVATION, QUANTITY, CART_ACTION, CART_LINE,
      NEW_QUANTITY);

  private PurchaseVariables() {}

  public static String string(DelegateExecution execution, String name) {
    Object value = execution.getVariable(name);
    return value == null ? null : value.toString();
  }

  /**
   * Only the named variables: reading all of them would load and parse every JSON option list of the
   * purchase from the database.
   */
  public static java.util.Map<String, Object> variables(DelegateExecution execution, java.util.List<String> names) {
    java.util.Map<String, Object> values = new java.util.HashMap<>();
    names.forEach(name -> values.put(name, execution.getVariable(name)));
    return values;
  }

  /**
   * A value only the next gateway reads, in the same transaction: transient, so it is never written to
   * the database or the history.
   */
  public static void setDecision(DelegateExecution execution, String name, FormValue decision) {
    execution.setVariable(name, org.camunda.bpm.engine.variable.Variables.stringValue(decision.value(), true));
  }

  /** The same, for an outcome the domain defines (a checkout's), as its process value. */
  public static void setDecision(DelegateExecution execution, String name, String value) {
    execution.setVariable(name, org.camunda.bpm.engine.variable.Variables.stringValue(value, true));
  }


  /** Option lists and table rows go to forms as JSON, the shape Camunda Forms read. */
  public static void setJson(DelegateExecution execution, String name, Object value) {
    execution.setVariable(name, Spin.JSON(value));
  }

  /** The agent who completed the current task; null when an unauthenticated caller or a job runs this. */
  public static String currentUser(DelegateExecution execution) {
    return com.reservationdesk.process.ProcessValues.currentUser(execution);
  }
}
