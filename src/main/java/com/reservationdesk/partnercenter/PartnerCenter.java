package com.reservationdesk.partnercenter;

import java.util.List;
import java.util.Optional;

/**
 * The Partner Center, in the domain's terms. Two adapters implement it: the embedded one (its
 * own tables, demo data) and the live REST client. Nothing outside this package knows which runs.
 *
 * <p>Every method may throw {@link PartnerCenterException} with the API's HTTP status and error code.
 */
public interface PartnerCenter {

  /** {@code GET /customers/{customerId}}; in Partner Center the customer id is the tenant id. */
  Optional<Customer> getCustomer(String customerId);

  /** {@code GET /customers?filter=…}: the API only knows {@code starts_with}, case-insensitive. */
  List<Customer> searchCustomers(CustomerSearchField field, String prefix, int size);

  /** {@code GET /customers/{id}/subscriptions}. */
  List<Subscription> getSubscriptions(String customerId);

  /** {@code GET /customers/{id}/subscriptions/{planId}/azureEntitlements}. */
  List<AzureEntitlement> getAzureEntitlements(String customerId, String azurePlanId);

  /** Buys an Azure plan (with its first Azure subscription) for a customer that has none. */
  Subscription createAzurePlan(String customerId, String requestId);

  /** Adds an Azure subscription under the customer's existing, active Azure plan. */
  AzureEntitlement createAzureSubscription(String customerId, String azurePlanId, String friendlyName, String requestId);

  /**
   * The reservation catalog for a market: {@code GET /products?targetView=AzureReservationsVM} (and the
   * SQL and Cosmos DB views) with their SKUs. The list is large and changes rarely: callers cache it.
   */
  List<ReservationSku> getReservationSkus(String country);

  /** Where the catalog's prices come from, in a sentence an agent reads next to them. */
  String priceBasis();

  /**
   * {@code POST /extensions/product/checkinventory}: whether each SKU ({@code productId:skuId}) can be
   * bought for the subscription in the region; one result per key, in the same order.
   */
  List<InventoryResult> checkInventory(String country, InventoryContext context, List<String> skuKeys);

  /**
   * The purchasable availability of a SKU; its id rotates, so it is read right before building a cart. The Azure savings
   * plan's ({@link SavingsPlanProduct}, SKU {@code 0001} or {@code 0002}) carries the least hourly commitment Partner Center
   * sells, in the market's currency.
   */
  Availability getAvailability(String country, String productId, String skuId);

  /**
   * {@code POST /customers/{id}/subscriptions/{sid}/registrations}: asks Microsoft to register the Azure
   * subscription for reservations. Asking again while it registers, or once registered, changes nothing.
   */
  void registerForReservations(String customerId, String azureSubscriptionId);

  /** {@code GET /customers/{id}/subscriptions/{sid}/registrationstatus}. */
  RegistrationStatus getRegistrationStatus(String customerId, String azureSubscriptionId);

  /** {@code POST /customers/{id}/carts}. */
  Cart createCart(String customerId, CartRequest request);

  /** {@code PUT /customers/{id}/carts/{cartId}}: replaces the cart's line items; the cart keeps its id and expiry. */
  Cart updateCart(String customerId, String cartId, CartRequest request);

  /**
   * {@code POST /customers/{id}/carts/{cartId}/checkout}. The request id is the API's idempotency key
   * ({@code MS-RequestId}): a retry with the same id, even of a new cart after a timeout, answers with
   * the orders of the first checkout instead of ordering again.
   */
  CheckoutResult checkout(String customerId, String cartId, String requestId);

  /** {@code GET /customers/{id}/orders/{orderId}}. */
  Optional<Order> getOrder(String customerId, String orderId);

  /** {@code GET /relationships?relationship_type=IsIndirectCloudSolutionProviderOf}. */
  List<Reseller> getIndirectResellers();
}
