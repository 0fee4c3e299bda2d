package com.reservationdesk.partnercenter;

import java.util.Arrays;
import java.util.Optional;

/**
 * The documented Partner Center error codes the product reacts to, each with its HTTP status, how the process
 * reacts to it and what an agent can do about it: one list. The 800xxx codes are the API's order errors, the 100xx
 * codes its cart errors (learn.microsoft.com/partner-center/developer/cart-resources: {@code OrderErrorCode},
 * {@code CartErrorCode}).
 */
public enum ErrorCode {
  INVALID_INPUT(400, "800002", "Invalid request input", Reaction.TECHNICAL, null),
  CART_ITEM_ERROR(400, "800009", "Error in cart item(s)", Reaction.AGENT_CAN_ACT, Advice.ASK),
  INVENTORY_NOT_AVAILABLE(400, "800010", "Inventory not available for this catalog item", Reaction.AGENT_CAN_ACT, Advice.REPLACE),
  NOT_A_VALID_AZURE_SUBSCRIPTION(400, "800011", "Not a valid Azure subscription", Reaction.AGENT_CAN_ACT, Advice.SUBSCRIPTION),
  SUBSCRIPTION_NOT_ACTIVE(400, "800012", "Subscription is not active", Reaction.AGENT_CAN_ACT, Advice.SUBSCRIPTION),
  SUBSCRIPTION_NOT_ENABLED(400, "800013", "Subscription is not enabled for reservations", Reaction.AGENT_CAN_ACT, Advice.SUBSCRIPTION),
  RESELLER_NOT_FOUND(404, "800015", "Reseller MPN id not found", Reaction.AGENT_CAN_ACT, Advice.RESELLER),
  NOT_A_VALID_INDIRECT_RESELLER(400, "800016", "Not a valid indirect reseller", Reaction.AGENT_CAN_ACT, Advice.RESELLER),
  QUANTITY_NOT_AVAILABLE(400, "800017", "Quantity not available for this catalog item", Reaction.AGENT_CAN_ACT, Advice.QUANTITY),
  CATALOG_ITEM_NOT_ELIGIBLE(403, "800020", "Catalog item not eligible for purchase", Reaction.AGENT_CAN_ACT, Advice.REPLACE),
  /** The embedded Partner Center answers it for a savings plan whose shared scope names no Azure plan of the customer. */
  SUBSCRIPTION_NOT_VALID(400, "800021", "This subscription is not a valid subscription", Reaction.AGENT_CAN_ACT,
      Advice.SAVINGS_PLAN_SCOPE),
  CUSTOMER_NOT_ELIGIBLE(403, "800022", "Customer is not eligible to buy this item", Reaction.AGENT_CAN_ACT, Advice.ASK),
  CUSTOMER_NOT_ELIGIBLE_FOR_PRODUCT(403, "800023", "Customer is not eligible for this product", Reaction.AGENT_CAN_ACT, Advice.ASK),
  CUSTOMER_ELIGIBILITY_UNKNOWN(403, "800024", "Customer's eligibility could not be checked", Reaction.AGENT_CAN_ACT, Advice.ASK),
  CUSTOMER_NOT_ELIGIBLE_IN_MARKET(403, "800025", "Customer is not eligible in this market", Reaction.AGENT_CAN_ACT, Advice.ASK),
  CREDIT_LINE_BELOW_THRESHOLD(403, "800026", "Customer's credit line is below the threshold", Reaction.AGENT_CAN_ACT, Advice.ASK),
  SUBSCRIPTION_NOT_REGISTERED(400, "800030", "Subscription not registered for reservations", Reaction.AGENT_CAN_ACT,
      Advice.SUBSCRIPTION),
  ORDER_IN_PROGRESS(409, "800060", "Order in progress, check the order history in a few minutes", Reaction.IN_PROGRESS, null),
  CART_IN_PROGRESS(409, "800064", "Cart is being processed by another request", Reaction.IN_PROGRESS, null),
  CART_ALREADY_SUBMITTED(400, "800065", "Cart already submitted", Reaction.TECHNICAL, null),
  RISK_CHECK_FAILED(403, "800069", "Order failed a risk check", Reaction.AGENT_CAN_ACT, Advice.ASK),
  OFFER_NOT_AVAILABLE_IN_COUNTRY(400, "800070", "Offer not available in the customer's country", Reaction.AGENT_CAN_ACT,
      Advice.COUNTRY),
  UNEXPECTED_SERVICE_ERROR(500, "800003", "Unexpected service error", Reaction.TECHNICAL, null),
  ORDER_NOT_SUCCESSFUL(500, "800005", "Create order was not successful", Reaction.TECHNICAL, null),
  /** The embedded Partner Center answers it for a savings plan committed in another currency than the customer's. */
  CART_CURRENCY_NOT_SUPPORTED(400, "10000", "The currency is not supported for the specified market", Reaction.AGENT_CAN_ACT,
      Advice.CURRENCY),
  CATALOG_ITEM_ID_INVALID(400, "10001", "Catalog item id is invalid", Reaction.AGENT_CAN_ACT, Advice.ASK),
  CART_QUOTA_NOT_AVAILABLE(400, "10002", "Quota not available", Reaction.AGENT_CAN_ACT, Advice.REPLACE),
  CART_INVENTORY_NOT_AVAILABLE(400, "10003", "Inventory not available", Reaction.AGENT_CAN_ACT, Advice.REPLACE),
  /**
   * The embedded Partner Center answers it for a savings plan whose hourly commitment is missing, not positive, below the
   * minimum or too precise; Microsoft documents no code of its own for these.
   */
  CART_LINE_NOT_PROCESSED(400, "10006", "Unable to process the cart line item", Reaction.AGENT_CAN_ACT, Advice.COMMITMENT),
  CART_SUBSCRIPTION_NOT_VALID(400, "10007", "Subscription is not valid", Reaction.AGENT_CAN_ACT, Advice.SUBSCRIPTION),
  CART_SUBSCRIPTION_NOT_ENABLED(400, "10008", "Subscription is not enabled for reservations", Reaction.AGENT_CAN_ACT,
      Advice.SUBSCRIPTION),
  CUSTOMER_NOT_FOUND(404, "600026", "Customer not found", Reaction.TECHNICAL, null),
  RESOURCE_NOT_FOUND(404, "600010", "Resource not found", Reaction.TECHNICAL, null);

  /** How the process reacts to an error. */
  public enum Reaction {
    /** A refusal an agent can act on (change the cart, another subscription, ask the customer): back to the agent. */
    AGENT_CAN_ACT,
    /** 409: Partner Center still works on this order or cart; look again later, it is not a failure. */
    IN_PROGRESS,
    /** Anything else: retried, then an incident. */
    TECHNICAL
  }

  /** What an agent can do about a refusal, in words. */
  enum Advice {
    REPLACE("Remove or replace the reservation it names (another size or region), or cancel the purchase."),
    QUANTITY("Change the quantity of the line it names."),
    SUBSCRIPTION("The subscription cannot buy reservations or savings plans now: cancel, and start again with another subscription."),
    RESELLER("Choose another reseller at review."),
    COUNTRY("This reservation is not sold in the customer's country: remove it."),
    COMMITMENT("Change the savings plan's hourly commitment (at least the minimum Partner Center states, at most four decimals), "
        + "or remove the savings plan."),
    CURRENCY("Partner Center bills this customer in another currency than the savings plan's commitment: cancel the purchase "
        + "and ask an administrator to check the currency of the customer's country."),
    SAVINGS_PLAN_SCOPE("A savings plan applies to the customer's Azure plan (shared scope) or to one of its active Azure "
        + "subscriptions (single scope): choose one of those, or cancel the purchase."),
    ASK("Ask the customer's account manager; then change the cart or cancel the purchase.");

    private final String sentence;

    Advice(String sentence) {
      this.sentence = sentence;
    }
  }

  private final int httpStatus;
  private final String code;
  private final String description;
  private final Reaction reaction;
  private final Advice advice;

  ErrorCode(int httpStatus, String code, String description, Reaction reaction, Advice advice) {
    this.httpStatus = httpStatus;
    this.code = code;
    this.description = description;
    this.reaction = reaction;
    this.advice = advice;
  }

  public static Optional<ErrorCode> of(String code) {
    return Arrays.stream(values()).filter(e -> e.code.equals(code)).findFirst();
  }

  /** How the process reacts to a code; an unknown code is technical. */
  public static Reaction reactionTo(String code) {
    return of(code).map(ErrorCode::reaction).orElse(Reaction.TECHNICAL);
  }

  public static boolean agentCanAct(String code) {
    return reactionTo(code) == Reaction.AGENT_CAN_ACT;
  }

  public static boolean inProgress(String code) {
    return reactionTo(code) == Reaction.IN_PROGRESS;
  }

  /** What the agent can do about a refusal with this code. */
  public static String adviceFor(String code) {
    return of(code).map(e -> e.advice).orElse(Advice.ASK).sentence;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public String code() {
    return code;
  }

  public String description() {
    return description;
  }

  public Reaction reaction() {
    return reaction;
  }
}
