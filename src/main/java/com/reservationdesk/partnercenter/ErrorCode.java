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
  UNEXPECTED_SERVICE_ERROR(500, "800003", "Unexpected service error"),
  CATALOG_ITEM_ID_INVALID(400, "10001", "Catalog item id is invalid"),
  CUSTOMER_NOT_FOUND(404, "600026", "Customer not found"),
  RESOURCE_NOT_FOUND(404, "600010", "Resource not found");

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
