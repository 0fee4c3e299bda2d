package com.reservationdesk.partnercenter.live;

import static com.reservationdesk.partnercenter.live.PartnerCenterClient.call;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.reservationdesk.partnercenter.Availability;
import com.reservationdesk.partnercenter.AzureEntitlement;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.Cart;
import com.reservationdesk.partnercenter.CartLineItem;
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
import com.reservationdesk.partnercenter.ProvisioningContext;
import com.reservationdesk.partnercenter.RegistrationStatus;
import com.reservationdesk.partnercenter.Reseller;
import com.reservationdesk.partnercenter.ReservationSku;
import com.reservationdesk.partnercenter.ReservationType;
import com.reservationdesk.partnercenter.Subscription;
import com.reservationdesk.partnercenter.SubscriptionStatus;
import com.reservationdesk.partnercenter.Term;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
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
  static final String RESELLER_PARTICIPANT = "transaction_reseller";
  private static final int ALL = 100_000;

  private final PartnerCenterClient client;
  private final LivePartnerCenterProperties properties;
  private final PartnerProperties partner;
  private final BiFunction<String, String, Optional<ReservationSku>> retailPrices;
  private final ObjectMapper json = new ObjectMapper();

  LivePartnerCenter(PartnerCenterClient client, LivePartnerCenterProperties properties, PartnerProperties partner,
      BiFunction<String, String, Optional<ReservationSku>> retailPrices) {
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
      return Optional.of(customer(client.send(call(GET, "/customers/{customerId}", customerId))));
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
      Map<String, String> filter = new LinkedHashMap<>();
      filter.put("Field", field.apiName());
      filter.put("Value", prefix);
      filter.put("Operator", "starts_with");
      search.query("filter", write(filter));
    }
    return client.items(search, size).stream().map(this::customer).toList();
  }

  @Override
  public List<Subscription> getSubscriptions(String customerId) {
    return client.items(call(GET, "/customers/{customerId}/subscriptions", customerId), ALL).stream()
        .map(s -> new Subscription(s.path("id").asText(), text(s, "offerId"), text(s, "offerName"), text(s, "friendlyName"),
            status(s), s.path("isTrial").asBoolean(false), text(s, "partnerId")))
        .toList();
  }

  @Override
  public List<AzureEntitlement> getAzureEntitlements(String customerId, String azurePlanId) {
    return client.items(call(GET, "/customers/{customerId}/subscriptions/{planId}/azureEntitlements", customerId, azurePlanId), ALL)
        .stream()
        .map(e -> new AzureEntitlement(e.path("id").asText(), text(e, "friendlyName"), status(e), text(e, "subscriptionId")))
        .toList();
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
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("id", 0);
    line.put("catalogItemId", plan.catalogItemId());
    line.put("quantity", 1);
    line.put("billingCycle", "one_time");
    JsonNode cart = client.send(call(POST, "/customers/{customerId}/carts", customerId).body(Map.of("lineItems", List.of(line))));
    CheckoutResult result = checkoutResult(client.send(call(POST, "/customers/{customerId}/carts/{cartId}/checkout", customerId,
        cart.path("id").asText()).requestId(requestId)));
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
    for (ReservationType type : ReservationType.values()) {
      List<JsonNode> products = client.items(call(GET, "/products").query("country", country).query("targetView", type.targetView())
          .query("reservationScope", properties.reservationScope()), ALL);
      for (JsonNode product : products) {
        String productId = product.path("id").asText();
        List<JsonNode> productSkus = client.items(call(GET, "/products/{productId}/skus", productId).query("country", country)
            .query("reservationScope", properties.reservationScope()), ALL);
        for (JsonNode sku : productSkus) {
          Optional<ReservationSku> priced = sku(productId, sku);
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

  private Optional<ReservationSku> sku(String productId, JsonNode sku) {
    String skuId = sku.path("id").asText();
    String skuProduct = text(sku, "productId") == null ? productId : text(sku, "productId");
    JsonNode attributes = sku.path("dynamicAttributes");
    return retailPrices.apply(skuProduct, skuId).map(retail -> {
      String term = termOf(text(attributes, "duration"), retail.termDuration());
      Set<BillingPlan> plans = EnumSet.noneOf(BillingPlan.class);
      sku.path("supportedBillingCycles").forEach(cycle -> {
        for (BillingPlan plan : BillingPlan.values()) {
          if (plan.billingCycle().equalsIgnoreCase(cycle.asText())) {
            plans.add(plan);
          }
        }
      });
      String region = text(attributes, "armRegionName");
      String regionName = text(attributes, "region");
      return new ReservationSku(skuProduct, skuId, retail.type(), retail.productName(), retail.skuName(), retail.vmSize(), retail.tier(),
          retail.deployment(), region == null ? retail.armRegionName() : region.toLowerCase(Locale.ROOT),
          regionName == null ? retail.regionDisplayName() : regionName, term,
          sku.path("minimumQuantity").asLong(retail.minimumQuantity()), sku.path("maximumQuantity").asLong(retail.maximumQuantity()),
          plans.isEmpty() ? retail.billingPlans() : Set.copyOf(plans), retail.listPrice(), retail.currency());
    });
  }

  /** The API writes {@code 1Year}, {@code 3Years}, {@code 5Years}; the cart wants {@code P1Y}, {@code P3Y}, {@code P5Y}. */
  static String termOf(String duration, String fallback) {
    try {
      return duration == null ? fallback : Term.ofDuration(duration.replace(" ", "")).iso();
    } catch (IllegalArgumentException unknown) {
      return fallback;
    }
  }

  @Override
  public String priceBasis() {
    return "Indicative list prices from the public Azure retail price list, not your partner price sheet: Partner Center bills "
        + "your partner price.";
  }

  @Override
  public List<InventoryResult> checkInventory(String country, InventoryContext context, List<String> skuKeys) {
    List<Map<String, String>> targets = skuKeys.stream().map(key -> {
      String[] parts = key.split(":", 2);
      Map<String, String> target = new LinkedHashMap<>();
      target.put("ProductId", parts[0]);
      target.put("SkuId", parts.length == 2 ? parts[1] : "");
      return target;
    }).toList();
    Map<String, String> inventoryContext = new LinkedHashMap<>();
    inventoryContext.put("customerId", context.customerId());
    inventoryContext.put("azureSubscriptionId", context.azureSubscriptionId());
    inventoryContext.put("armRegionName", context.armRegionName());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("TargetItems", targets);
    body.put("InventoryContext", inventoryContext);
    JsonNode answer = client.send(call(POST, "/extensions/product/checkinventory").query("country", country).body(body));
    Map<String, InventoryResult> byKey = new LinkedHashMap<>();
    JsonNode items = answer == null ? null : answer.isArray() ? answer : answer.path("items");
    if (items != null) {
      for (JsonNode item : items) {
        List<InventoryResult.Restriction> restrictions = new ArrayList<>();
        item.path("restrictions").forEach(r -> restrictions.add(new InventoryResult.Restriction(text(r, "reasonCode"),
            text(r, "description"))));
        InventoryResult result = new InventoryResult(text(item, "productId"), text(item, "skuId"), item.path("isRestricted").asBoolean(false),
            List.copyOf(restrictions));
        byKey.put(result.key().toLowerCase(Locale.ROOT), result);
      }
    }
    // One result per key, in the caller's order; a SKU Partner Center did not mention carries no restriction.
    return skuKeys.stream().map(key -> Optional.ofNullable(byKey.get(key.toLowerCase(Locale.ROOT))).orElseGet(() -> {
      String[] parts = key.split(":", 2);
      return new InventoryResult(parts[0], parts.length == 2 ? parts[1] : "", false, List.of());
    })).toList();
  }

  @Override
  public Availability getAvailability(String country, String productId, String skuId) {
    return availability(country, productId, skuId, properties.reservationScope());
  }

  private Availability availability(String country, String productId, String skuId, String reservationScope) {
    List<JsonNode> availabilities = client.items(call(GET, "/products/{productId}/skus/{skuId}/availabilities", productId, skuId)
        .query("country", country).query("reservationScope", reservationScope), ALL);
    JsonNode chosen = availabilities.stream().filter(a -> a.path("isPurchasable").asBoolean(false)).findFirst()
        .orElse(availabilities.isEmpty() ? null : availabilities.get(0));
    if (chosen == null) {
      throw PartnerCenterException.of(ErrorCode.CATALOG_ITEM_NOT_ELIGIBLE, productId + ":" + skuId + " has no availability in " + country);
    }
    JsonNode currency = chosen.path("defaultCurrency");
    List<String> terms = new ArrayList<>();
    chosen.path("terms").forEach(t -> terms.add(t.path("duration").asText()));
    return new Availability(chosen.path("id").asText(), productId, skuId, text(chosen, "catalogItemId"),
        chosen.path("isPurchasable").asBoolean(false), currency.isObject() ? text(currency, "code") : text(chosen, "defaultCurrency"),
        List.copyOf(terms));
  }

  @Override
  public void registerForReservations(String customerId, String azureSubscriptionId) {
    client.send(call(POST, "/customers/{customerId}/subscriptions/{subscriptionId}/registrations", customerId, azureSubscriptionId));
  }

  @Override
  public RegistrationStatus getRegistrationStatus(String customerId, String azureSubscriptionId) {
    JsonNode answer = client.send(call(GET, "/customers/{customerId}/subscriptions/{subscriptionId}/registrationstatus", customerId,
        azureSubscriptionId));
    return RegistrationStatus.fromApi(answer.path("status").asText());
  }

  @Override
  public Cart createCart(String customerId, CartRequest request) {
    return cart(client.send(call(POST, "/customers/{customerId}/carts", customerId).body(cartBody(null, request))), customerId);
  }

  @Override
  public Cart updateCart(String customerId, String cartId, CartRequest request) {
    return cart(client.send(call(PUT, "/customers/{customerId}/carts/{cartId}", customerId, cartId).body(cartBody(cartId, request))),
        customerId);
  }

  /** The documented cart: reservation lines with their provisioning context, the reseller as a participant. */
  static Map<String, Object> cartBody(String cartId, CartRequest request) {
    Map<String, Object> body = new LinkedHashMap<>();
    if (cartId != null) {
      body.put("id", cartId);
    }
    body.put("lineItems", request.lineItems().stream().map(line -> {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", line.id());
      item.put("catalogItemId", line.catalogItemId());
      item.put("quantity", line.quantity());
      item.put("billingCycle", line.billingCycle());
      item.put("termDuration", line.termDuration());
      ProvisioningContext context = line.provisioningContext();
      if (context != null) {
        Map<String, Object> provisioning = new LinkedHashMap<>();
        provisioning.put("subscriptionId", context.subscriptionId());
        provisioning.put("scope", context.scope());
        provisioning.put("duration", context.duration());
        item.put("provisioningContext", provisioning);
      }
      if (line.resellerMpnId() != null) {
        item.put("participants", List.of(Map.of("key", RESELLER_PARTICIPANT, "value", line.resellerMpnId())));
      }
      return item;
    }).toList());
    if (request.partnerOnRecordAttestationAccepted()) {
      body.put("PartnerOnRecordAttestationAccepted", true);
    }
    return body;
  }

  @Override
  public CheckoutResult checkout(String customerId, String cartId, String requestId) {
    return checkoutResult(client.send(call(POST, "/customers/{customerId}/carts/{cartId}/checkout", customerId, cartId)
        .requestId(requestId)));
  }

  @Override
  public Optional<Order> getOrder(String customerId, String orderId) {
    try {
      return Optional.of(order(client.send(call(GET, "/customers/{customerId}/orders/{orderId}", customerId, orderId))));
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
    return client.items(call(GET, "/relationships").query("relationship_type", "IsIndirectCloudSolutionProviderOf"), ALL).stream()
        .map(r -> new Reseller(text(r, "id"), text(r, "name"), text(r, "mpnId"), text(r, "state"), text(r, "location")))
        .toList();
  }

  private Customer customer(JsonNode node) {
    JsonNode company = node.path("companyProfile");
    JsonNode billing = node.path("billingProfile");
    return new Customer(node.path("id").asText(), text(company, "companyName"), text(company, "domain"),
        text(billing.path("defaultAddress"), "country"), text(billing, "culture"), text(node, "relationshipToPartner"),
        text(node, "associatedPartnerId"));
  }

  private Cart cart(JsonNode node, String customerId) {
    List<CartLineItem> lines = new ArrayList<>();
    node.path("lineItems").forEach(line -> {
      String reseller = null;
      for (JsonNode participant : line.path("participants")) {
        if (RESELLER_PARTICIPANT.equalsIgnoreCase(participant.path("key").asText())) {
          reseller = participant.path("value").asText();
        }
      }
      lines.add(new CartLineItem(line.path("id").asInt(), text(line, "catalogItemId"), line.path("quantity").asLong(),
          text(line, "billingCycle"), text(line, "termDuration"), provisioning(line.path("provisioningContext")), reseller));
    });
    return new Cart(node.path("id").asText(), customerId, text(node, "status") == null ? "Active" : text(node, "status"),
        instant(node, "creationTimestamp"), instant(node, "expirationTimestamp"), List.copyOf(lines));
  }

  private CheckoutResult checkoutResult(JsonNode node) {
    List<Order> orders = new ArrayList<>();
    node.path("orders").forEach(o -> orders.add(order(o)));
    List<CheckoutResult.OrderError> errors = new ArrayList<>();
    node.path("orderErrors").forEach(e -> errors.add(new CheckoutResult.OrderError(text(e, "orderGroupId"), e.path("code").asText(),
        text(e, "description"))));
    return new CheckoutResult(List.copyOf(orders), List.copyOf(errors));
  }

  private Order order(JsonNode node) {
    List<Order.LineItem> lines = new ArrayList<>();
    node.path("lineItems").forEach(line -> lines.add(new Order.LineItem(line.path("lineItemNumber").asInt(), text(line, "offerId"),
        line.path("quantity").asLong(), text(line, "termDuration"), text(line, "partnerIdOnRecord"),
        provisioning(line.path("provisioningContext")))));
    return new Order(node.path("id").asText(), text(node, "alternateId"), text(node, "referenceCustomerId"), text(node, "billingCycle"),
        text(node, "status"), text(node, "currencyCode"), instant(node, "creationDate"), List.copyOf(lines));
  }

  private static ProvisioningContext provisioning(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return null;
    }
    return new ProvisioningContext(text(node, "subscriptionId"), text(node, "scope"), text(node, "duration"));
  }

  private static SubscriptionStatus status(JsonNode node) {
    String status = text(node, "status");
    try {
      return status == null ? SubscriptionStatus.PENDING : SubscriptionStatus.fromApi(status);
    } catch (IllegalArgumentException e) {
      // A status the product does not know (e.g. "disabled") can never buy: treat it as suspended.
      return SubscriptionStatus.SUSPENDED;
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isMissingNode() || value.isNull() ? null : value.asText();
  }

  private static Instant instant(JsonNode node, String field) {
    String value = text(node, field);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return Instant.parse(value + (value.endsWith("Z") ? "" : "Z"));
      } catch (DateTimeParseException unreadable) {
        return null;
      }
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
