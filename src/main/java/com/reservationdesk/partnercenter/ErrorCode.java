package com.reservationdesk.partnercenter;

/** The documented Partner Center error codes the product reacts to. */
public enum ErrorCode {
  INVALID_INPUT(400, "800002", "Invalid request input"),
  CART_ITEM_ERROR(400, "800009", "Error in cart item(s)"),
  INVENTORY_NOT_AVAILABLE(400, "800010", "Inventory not available for this catalog item"),
  NOT_A_VALID_AZURE_SUBSCRIPTION(400, "800011", "Not a valid Azure subscription"),
  SUBSCRIPTION_NOT_ACTIVE(400, "800012", "Subscription is not active"),
  SUBSCRIPTION_NOT_ENABLED(400, "800013", "Subscription is not enabled for reservations"),
  RESELLER_NOT_FOUND(404, "800015", "Reseller MPN id not found"),
  NOT_A_VALID_INDIRECT_RESELLER(400, "800016", "Not a valid indirect reseller"),
  QUANTITY_NOT_AVAILABLE(400, "800017", "Quantity not available for this catalog item"),
  CATALOG_ITEM_NOT_ELIGIBLE(403, "800020", "Catalog item not eligible for purchase"),
  SUBSCRIPTION_NOT_REGISTERED(400, "800030", "Subscription not registered for reservations"),
  ORDER_IN_PROGRESS(409, "800060", "Order in progress, check the order history in a few minutes"),
  CART_IN_PROGRESS(409, "800064", "Cart is being processed by another request"),
  CART_ALREADY_SUBMITTED(400, "800065", "Cart already submitted"),
  OFFER_NOT_AVAILABLE_IN_COUNTRY(400, "800070", "Offer not available in the customer's country"),
  CUSTOMER_NOT_ELIGIBLE(403, "800022", "Customer is not eligible to buy this item"),
  CREDIT_LINE_BELOW_THRESHOLD(403, "800026", "Customer's credit line is below the threshold"),
  RISK_CHECK_FAILED(403, "800069", "Order failed a risk check"),
  UNEXPECTED_SERVICE_ERROR(500, "800003", "Unexpected service error"),
  ORDER_NOT_SUCCESSFUL(500, "800005", "Create order was not successful"),
  CATALOG_ITEM_ID_INVALID(400, "10001", "Catalog item id is invalid"),
  CART_QUOTA_NOT_AVAILABLE(400, "10002", "Quota not available"),
  CART_INVENTORY_NOT_AVAILABLE(400, "10003", "Inventory not available"),
  CUSTOMER_NOT_FOUND(404, "600026", "Customer not found"),
  RESOURCE_NOT_FOUND(404, "600010", "Resource not found");

  /**
   * Refusals an agent can act on (change the cart, choose another region or subscription, ask the
   * customer): they go back to the agent. Any other error is technical: retried, then an incident.
   */
  private static final java.util.Set<String> AGENT_CAN_ACT = java.util.Set.of(
      "800009", "800010", "800011", "800012", "800013", "800015", "800016", "800017", "800020", "800022", "800023", "800024",
      "800025", "800026", "800030", "800069", "800070", "10001", "10002", "10003", "10007", "10008");

  /** 409: Partner Center is still working on this order or cart; look again later, it is not a failure. */
  private static final java.util.Set<String> IN_PROGRESS = java.util.Set.of("800060", "800064");

  public static boolean agentCanAct(String code) {
    return AGENT_CAN_ACT.contains(code);
  }

  public static boolean inProgress(String code) {
    return IN_PROGRESS.contains(code);
  }

  private final int httpStatus;
  private final String code;
  private final String description;

  ErrorCode(int httpStatus, String code, String description) {
    this.httpStatus = httpStatus;
    this.code = code;
    this.description = description;
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
}
