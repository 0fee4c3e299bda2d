package com.reservationdesk.partnercenter.live;

import static com.reservationdesk.partnercenter.live.PartnerCenterClient.call;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.reservationdesk.partnercenter.Availability;
import com.reservationdesk.partnercenter.AzureEntitlement;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.Cart;
import com.reservationdesk.partnercenter.CartRequest;
import com.reservationdesk.partnercenter.CheckoutResult;
import com.reservationdesk.partnercenter.Customer;
import com.reservationdesk.partnercenter.CustomerSearchField;
import com.reservationdesk.partnercenter.ErrorCode;
import com.reservationdesk.partnercenter.InventoryContext;
import com.reservationdesk.partnercenter.InventoryResult;
import com.reservationdesk.partnercenter.Order;
import com.reservationdesk.partnercenter.PartnerCenter;
import com.reservationdesk.partnercenter.PartnerCenterException;
import com.reservationdesk.partnercenter.PartnerCenterUnavailableException;
import com.reservationdesk.partnercenter.PartnerProperties;
import com.reservationdesk.partnercenter.RegistrationStatus;
import com.reservationdesk.partnercenter.Reseller;
import com.reservationdesk.partnercenter.ReservationSku;
import com.reservationdesk.partnercenter.ReservationType;
import com.reservationdesk.partnercenter.SavingsPlanProduct;
import com.reservationdesk.partnercenter.Subscription;
import com.reservationdesk.partnercenter.SubscriptionStatus;
import com.reservationdesk.partnercenter.Term;
import com.reservationdesk.partnercenter.live.wire.AvailabilityJson;
import com.reservationdesk.partnercenter.live.wire.AzureEntitlementJson;
import com.reservationdesk.partnercenter.live.wire.CartJson;
import com.reservationdesk.partnercenter.live.wire.CartLineItemJson;
import com.reservationdesk.partnercenter.live.wire.CheckoutResultJson;
import com.reservationdesk.partnercenter.live.wire.CustomerFilterJson;
import com.reservationdesk.partnercenter.live.wire.CustomerJson;
import com.reservationdesk.partnercenter.live.wire.InventoryCheckJson;
import com.reservationdesk.partnercenter.live.wire.InventoryItemJson;
import com.reservationdesk.partnercenter.live.wire.OrderJson;
import com.reservationdesk.partnercenter.live.wire.PageJson;
import com.reservationdesk.partnercenter.live.wire.PartnerCenterJson;
import com.reservationdesk.partnercenter.live.wire.ProductJson;
import com.reservationdesk.partnercenter.live.wire.RegistrationStatusJson;
import com.reservationdesk.partnercenter.live.wire.RelationshipJson;
import com.reservationdesk.partnercenter.live.wire.SkuJson;
import com.reservationdesk.partnercenter.live.wire.SubscriptionJson;
import com.reservationdesk.partnercenter.pricelist.RetailPriceList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Partner Center port on the real REST API ({@code ../shared/docs/domain-partner-center.md} §2).
 * Answers and errors become the same domain objects and exceptions the embedded adapter gives, so the
 * process cannot tell which one runs.
 *
 * <p>Partner Center's catalog names what can be bought, where and how; it carries no price. The prices
 * shown next to it are the public retail list's, matched on product and SKU id (the same ids); a SKU
 * the price list lacks is left out of the search, since an agent must see a price before buying.
 */
public class LivePartnerCenter implements PartnerCenter {

  private static final Logger log = LoggerFactory.getLogger(LivePartnerCenter.class);

  static final String AZURE_PLAN_SKU_ID = "0001";
  private static final int ALL = 100_000;

  private final PartnerCenterClient client;
  private final LivePartnerCenterProperties properties;
  private final PartnerProperties partner;
  private final RetailPriceList retailPrices;

  LivePartnerCenter(PartnerCenterClient client, LivePartnerCenterProperties properties, PartnerProperties partner,
      RetailPriceList retailPrices) {
    this.client = client;
    this.properties = properties;
    this.partner = partner;
    this.retailPrices = retailPrices;
  }

  /** A cheap authenticated call ({@code GET /customers?size=1}): proves the token and the API answer. */
  void ping() {
    client.send(call(GET, "/customers").query("size", 1));
  }

  @Override
  public Optional<Customer> getCustomer(String customerId) {
    try {
      return Optional.of(client.send(call(GET, "/customers/{customerId}", customerId), CustomerJson.class).toCustomer());
    } catch (PartnerCenterException e) {
      if (e.httpStatus() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public List<Customer> searchCustomers(CustomerSearchField field, String prefix, int size) {
    PartnerCenterClient.Call search = call(GET, "/customers").query("size", Math.min(size, properties.pageSize()));
    if (prefix != null && !prefix.isBlank()) {
      search.query("filter", write(CustomerFilterJson.startsWith(field, prefix)));
    }
    return client.items(search, CustomerJson.class, size).stream().map(CustomerJson::toCustomer).toList();
  }

  @Override
  public List<Subscription> getSubscriptions(String customerId) {
    return client.items(call(GET, "/customers/{customerId}/subscriptions", customerId), SubscriptionJson.class, ALL).stream()
        .map(SubscriptionJson::toSubscription).toList();
  }

  @Override
  public List<AzureEntitlement> getAzureEntitlements(String customerId, String azurePlanId) {
    return client.items(call(GET, "/customers/{customerId}/subscriptions/{planId}/azureEntitlements", customerId, azurePlanId),
        AzureEntitlementJson.class, ALL).stream().map(AzureEntitlementJson::toEntitlement).toList();
  }

  /**
   * An Azure plan is bought like anything else: its catalog item in a cart, then checkout. The request
   * id makes a repeated call return the first checkout's order instead of a second plan.
   */
  @Override
  public Subscription createAzurePlan(String customerId, String requestId) {
    Customer customer = getCustomer(customerId)
        .orElseThrow(() -> PartnerCenterException.of(ErrorCode.CUSTOMER_NOT_FOUND, customerId));
    Availability plan = availability(customer.country(), Subscription.AZURE_PLAN_PRODUCT_ID, AZURE_PLAN_SKU_ID, null);
    CartLineItemJson line = new CartLineItemJson(0, plan.catalogItemId(), 1, BillingPlan.UPFRONT.billingCycle(), null, null, null, null);
    CartJson cart = client.send(call(POST, "/customers/{customerId}/carts", customerId).body(CartJson.of(null, List.of(line))),
        CartJson.class);
    CheckoutResult result = checkout(customerId, cart.id(), requestId);
    if (result.orders().isEmpty()) {
      CheckoutResult.OrderError error = result.orderErrors().get(0);
      throw new PartnerCenterException(400, error.code(), error.description());
    }
    return getSubscriptions(customerId).stream().filter(s -> s.isAzurePlan() && s.status() != SubscriptionStatus.DELETED).findFirst()
        .orElseThrow(() -> new PartnerCenterUnavailableException(202, "Partner Center accepted order " + result.orders().get(0).id()
            + " for an Azure plan; the plan is not provisioned yet. Looking again later.", null));
  }

  /**
   * Partner Center's API has no call that adds an Azure subscription under an existing Azure plan (the
   * Azure portal and Azure's billing API do). The operator sees this as the incident's message.
   */
  @Override
  public AzureEntitlement createAzureSubscription(String customerId, String azurePlanId, String friendlyName, String requestId) {
    boolean provisioning = getAzureEntitlements(customerId, azurePlanId).stream()
        .anyMatch(e -> e.status() == SubscriptionStatus.PENDING);
    if (provisioning) {
      throw new PartnerCenterUnavailableException(202, "The customer's Azure subscription is still being provisioned; looking again later.",
          null);
    }
    throw new PartnerCenterException(501, "not-supported", "The customer's Azure plan " + azurePlanId + " has no active Azure "
        + "subscription, and Partner Center's API cannot add one. Create an Azure subscription under the plan in the Azure portal "
        + "(the customer's Microsoft Partner Agreement billing account), then retry this step in Cockpit");
  }

  @Override
  public List<ReservationSku> getReservationSkus(String country) {
    List<ReservationSku> skus = new ArrayList<>();
    int unpriced = 0;
    for (ReservationType type : ReservationType.reservations()) {
      List<ProductJson> products = client.items(call(GET, "/products").query("country", country)
          .query("targetView", type.targetView()).query("reservationScope", properties.reservationScope()), ProductJson.class, ALL);
      for (ProductJson product : products) {
        List<SkuJson> productSkus = client.items(call(GET, "/products/{productId}/skus", product.id()).query("country", country)
            .query("reservationScope", properties.reservationScope()), SkuJson.class, ALL);
        for (SkuJson sku : productSkus) {
          Optional<ReservationSku> priced = sku(product.id(), sku);
          if (priced.isPresent()) {
            skus.add(priced.get());
          } else {
            unpriced++;
          }
        }
      }
    }
    if (unpriced > 0) {
      log.warn("Partner Center catalog for {}: {} reservation SKUs have no retail list price and are not offered; refresh "
          + "the price file (reservation-desk.embedded-catalog.items-file, see README)", country, unpriced);
    }
    log.info("Partner Center catalog for {}: {} reservation SKUs", country, skus.size());
    return List.copyOf(skus);
  }

  /** Partner Center's SKU with the retail list's price; what Partner Center says of it wins over the list. */
  private Optional<ReservationSku> sku(String productId, SkuJson sku) {
    String skuProduct = sku.productId() == null ? productId : sku.productId();
    return retailPrices.find(skuProduct, sku.id()).map(retail -> {
      Set<BillingPlan> plans = sku.billingPlans();
      String region = sku.armRegionName();
      return new ReservationSku(skuProduct, sku.id(), retail.type(), retail.productName(), retail.skuName(), retail.vmSize(), retail.tier(),
          retail.deployment(), region == null ? retail.armRegionName() : region.toLowerCase(Locale.ROOT),
          sku.region() == null ? retail.regionDisplayName() : sku.region(), sku.term().map(Term::iso).orElse(retail.termDuration()),
          sku.minimumQuantity() == null ? retail.minimumQuantity() : sku.minimumQuantity(),
          sku.maximumQuantity() == null ? retail.maximumQuantity() : sku.maximumQuantity(),
          plans.isEmpty() ? retail.billingPlans() : plans, retail.listPrice(), retail.currency());
    });
  }

  @Override
  public String priceBasis() {
    return "Indicative list prices from the public Azure retail price list, not your partner price sheet: Partner Center bills "
        + "your partner price.";
  }

  @Override
  public List<InventoryResult> checkInventory(String country, InventoryContext context, List<String> skuKeys) {
    PageJson<InventoryItemJson> answer = client.send(call(POST, "/extensions/product/checkinventory").query("country", country)
        .body(InventoryCheckJson.of(context, skuKeys)), new TypeReference<PageJson<InventoryItemJson>>() {});
    Map<String, InventoryResult> byKey = new LinkedHashMap<>();
    if (answer != null && answer.items() != null) {
      answer.items().stream().map(InventoryItemJson::toResult).forEach(result -> byKey.put(result.key().toLowerCase(Locale.ROOT), result));
    }
    // One result per key, in the caller's order; a SKU Partner Center did not mention carries no restriction.
    return skuKeys.stream().map(key -> Optional.ofNullable(byKey.get(key.toLowerCase(Locale.ROOT))).orElseGet(() -> {
      String[] parts = key.split(":", 2);
      return new InventoryResult(parts[0], parts.length == 2 ? parts[1] : "", false, List.of());
    })).toList();
  }

  @Override
  public Availability getAvailability(String country, String productId, String skuId) {
    if (SavingsPlanProduct.isSavingsPlan(productId)) {
      return savingsPlanAvailability(country, productId, skuId);
    }
    return availability(country, productId, skuId, properties.reservationScope());
  }

  /**
   * A savings plan's availability, asked for without {@code reservationScope} (a parameter of reservation SKUs). Its
   * minimum hourly commitment comes with the availability's {@code sku}; an answer without it is completed from
   * {@code GET /products/{p}/skus/{s}}, which states it too (learn.microsoft.com/partner-center/developer/azure-purchase-savings-plan).
   */
  private Availability savingsPlanAvailability(String country, String productId, String skuId) {
    Availability availability = availability(country, productId, skuId, null);
    if (availability.minimumPurchaseCommitment() != null) {
      return availability;
    }
    SkuJson sku = client.send(call(GET, "/products/{productId}/skus/{skuId}", productId, skuId).query("country", country), SkuJson.class);
    return new Availability(availability.id(), availability.productId(), availability.skuId(), availability.catalogItemId(),
        availability.isPurchasable(), availability.defaultCurrency(), availability.terms(), sku == null ? null : sku.minimum());
  }

  private Availability availability(String country, String productId, String skuId, String reservationScope) {
    List<AvailabilityJson> availabilities = client.items(call(GET, "/products/{productId}/skus/{skuId}/availabilities", productId, skuId)
        .query("country", country).query("reservationScope", reservationScope), AvailabilityJson.class, ALL);
    AvailabilityJson chosen = availabilities.stream().filter(AvailabilityJson::isPurchasable).findFirst()
        .orElse(availabilities.isEmpty() ? null : availabilities.get(0));
    if (chosen == null) {
      throw PartnerCenterException.of(ErrorCode.CATALOG_ITEM_NOT_ELIGIBLE, productId + ":" + skuId + " has no availability in " + country);
    }
    return chosen.toAvailability(productId, skuId);
  }

  @Override
  public void registerForReservations(String customerId, String azureSubscriptionId) {
    client.send(call(POST, "/customers/{customerId}/subscriptions/{subscriptionId}/registrations", customerId, azureSubscriptionId));
  }

  @Override
  public RegistrationStatus getRegistrationStatus(String customerId, String azureSubscriptionId) {
    return client.send(call(GET, "/customers/{customerId}/subscriptions/{subscriptionId}/registrationstatus", customerId,
        azureSubscriptionId), RegistrationStatusJson.class).toStatus();
  }

  @Override
  public Cart createCart(String customerId, CartRequest request) {
    return client.send(call(POST, "/customers/{customerId}/carts", customerId).body(CartJson.request(null, request)), CartJson.class)
        .toCart(customerId);
  }

  @Override
  public Cart updateCart(String customerId, String cartId, CartRequest request) {
    return client.send(call(PUT, "/customers/{customerId}/carts/{cartId}", customerId, cartId).body(CartJson.request(cartId, request)),
        CartJson.class).toCart(customerId);
  }

  @Override
  public CheckoutResult checkout(String customerId, String cartId, String requestId) {
    return client.send(call(POST, "/customers/{customerId}/carts/{cartId}/checkout", customerId, cartId).requestId(requestId),
        CheckoutResultJson.class).toResult();
  }

  @Override
  public Optional<Order> getOrder(String customerId, String orderId) {
    try {
      return Optional.of(client.send(call(GET, "/customers/{customerId}/orders/{orderId}", customerId, orderId), OrderJson.class)
          .toOrder());
    } catch (PartnerCenterException e) {
      if (e.httpStatus() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public List<Reseller> getIndirectResellers() {
    if (!partner.isIndirectProvider()) {
      return List.of();
    }
    return client.items(call(GET, "/relationships").query("relationship_type", RelationshipJson.INDIRECT_RESELLER), RelationshipJson.class,
        ALL).stream().map(RelationshipJson::toReseller).toList();
  }

  private static String write(Object value) {
    try {
      return PartnerCenterJson.MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
