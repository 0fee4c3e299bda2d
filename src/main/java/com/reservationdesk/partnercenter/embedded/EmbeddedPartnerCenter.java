package com.reservationdesk.partnercenter.embedded;

import static com.reservationdesk.partnercenter.embedded.PartnerCenterIds.guid;

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
import com.reservationdesk.partnercenter.PartnerProperties;
import com.reservationdesk.partnercenter.ProvisioningContext;
import com.reservationdesk.partnercenter.PurchaseCommitment;
import com.reservationdesk.partnercenter.RegistrationStatus;
import com.reservationdesk.partnercenter.Reseller;
import com.reservationdesk.partnercenter.ReservationSku;
import com.reservationdesk.partnercenter.SavingsPlanProduct;
import com.reservationdesk.partnercenter.Subscription;
import com.reservationdesk.partnercenter.SubscriptionStatus;
import com.reservationdesk.partnercenter.Term;
import com.reservationdesk.partnercenter.pricelist.RetailPriceList;
import com.reservationdesk.pricing.Currencies;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Partner Center on its own tables: answers, ids, statuses and error codes shaped like the real
 * API's, so the product behaves the same when it is pointed at Microsoft. Like a remote system, every
 * call runs on its own connections and commits on its own ({@link PartnerCenterCall}): an order it
 * created stays created when the caller's transaction fails afterwards, as after a timeout.
 */
@Component
@ConditionalOnProperty(name = "reservation-desk.partner.mode", havingValue = "embedded", matchIfMissing = true)
public class EmbeddedPartnerCenter implements PartnerCenter {

  static final Duration CART_LIFETIME = Duration.ofDays(7);

  private final JdbcClient jdbc;
  private final PartnerProperties partner;
  private final PartnerCenterIds ids;
  private final RetailPriceList catalog;
  private final Currencies currencies;
  private final Clock clock;
  private final Duration registrationDelay;
  private final EmbeddedSavingsPlans savingsPlans;

  public EmbeddedPartnerCenter(@Qualifier(EmbeddedPartnerCenterDatabase.QUALIFIER) JdbcClient jdbc, PartnerProperties partner,
      PartnerCenterIds ids, RetailPriceList catalog, Currencies currencies, Clock clock,
      @Value("${reservation-desk.embedded.registration-delay:PT2M}") Duration registrationDelay) {
    this.jdbc = jdbc;
    this.partner = partner;
    this.ids = ids;
    this.catalog = catalog;
    this.currencies = currencies;
    this.clock = clock;
    this.registrationDelay = registrationDelay;
    this.savingsPlans = new EmbeddedSavingsPlans(jdbc, currencies);
  }

  @Override
  @PartnerCenterCall
  public Optional<Customer> getCustomer(String customerId) {
    return jdbc.sql("select * from pc_customer where id = ?").param(customerId.toLowerCase(Locale.ROOT))
        .query(this::customer).optional();
  }

  @Override
  @PartnerCenterCall
  public List<Customer> searchCustomers(CustomerSearchField field, String prefix, int size) {
    String column = field == CustomerSearchField.COMPANY_NAME ? "company_name_lower" : "domain";
    return jdbc.sql("select * from pc_customer where " + column + " like ? escape '\\' order by company_name_lower, id limit ?")
        .params(escapeLike(prefix.toLowerCase(Locale.ROOT)) + "%", size)
        .query(this::customer).list();
  }

  @Override
  @PartnerCenterCall
  public List<Subscription> getSubscriptions(String customerId) {
    requireCustomer(customerId);
    return jdbc.sql("select * from pc_subscription where customer_id = ? order by created_at, id")
        .param(customerId.toLowerCase(Locale.ROOT))
        .query(this::subscription).list();
  }

  @Override
  @PartnerCenterCall
  public List<AzureEntitlement> getAzureEntitlements(String customerId, String azurePlanId) {
    Subscription plan = requireAzurePlan(customerId, azurePlanId);
    return jdbc.sql("select * from pc_azure_entitlement where plan_id = ? order by friendly_name, id").param(plan.id())
        .query((rs, row) -> new AzureEntitlement(rs.getString("id"), rs.getString("friendly_name"),
            SubscriptionStatus.fromApi(rs.getString("status")), rs.getString("subscription_id")))
        .list();
  }

  @Override
  @PartnerCenterCall
  public Subscription createAzurePlan(String customerId, String requestId) {
    Customer customer = requireCustomer(customerId);
    String planId = guid("plan:" + customer.id() + ":" + requestId);
    List<Subscription> plans = getSubscriptions(customerId).stream()
        .filter(s -> s.isAzurePlan() && s.status() != SubscriptionStatus.DELETED).toList();
    if (plans.stream().anyMatch(p -> p.id().equals(planId))) {
      // The same request again (MS-RequestId): answered as the first time, nothing bought twice.
      return requireAzurePlan(customer.id(), planId);
    }
    if (!plans.isEmpty()) {
      // A customer can hold one Azure plan; the API refuses a second one as invalid input.
      throw PartnerCenterException.of(ErrorCode.INVALID_INPUT, "the customer already has an Azure plan");
    }
    Instant now = clock.instant();
    jdbc.sql("""
        insert into pc_subscription (id, customer_id, offer_id, offer_name, friendly_name, status, is_trial, partner_id, created_at)
        values (?, ?, ?, 'Azure plan', 'Azure plan', 'active', false, ?, ?)""")
        .params(planId, customer.id(), Subscription.AZURE_PLAN_PRODUCT_ID + ":0001", customer.associatedPartnerId(), utc(now))
        .update();
    insertAzureSubscription(planId, "Azure subscription 1", requestId);
    return requireAzurePlan(customer.id(), planId);
  }

  @Override
  @PartnerCenterCall
  public AzureEntitlement createAzureSubscription(String customerId, String azurePlanId, String friendlyName,
      String requestId) {
    Subscription plan = requireAzurePlan(customerId, azurePlanId);
    if (plan.status() != SubscriptionStatus.ACTIVE) {
      throw PartnerCenterException.of(ErrorCode.SUBSCRIPTION_NOT_ACTIVE, "the Azure plan is " + plan.status().apiName());
    }
    return insertAzureSubscription(plan.id(), friendlyName, requestId);
  }

  private Subscription requireAzurePlan(String customerId, String azurePlanId) {
    Customer customer = requireCustomer(customerId);
    Subscription plan = jdbc.sql("select * from pc_subscription where id = ? and customer_id = ?")
        .params(azurePlanId.toLowerCase(Locale.ROOT), customer.id()).query(this::subscription).optional()
        .orElseThrow(() -> PartnerCenterException.of(ErrorCode.RESOURCE_NOT_FOUND, "subscription " + azurePlanId));
    if (!plan.isAzurePlan()) {
      throw PartnerCenterException.of(ErrorCode.NOT_A_VALID_AZURE_SUBSCRIPTION, azurePlanId + " is not an Azure plan");
    }
    return plan;
  }

  /** An Azure subscription under a plan; ids derive from the request id, so a repeated request cannot add a second. */
  private AzureEntitlement insertAzureSubscription(String planId, String friendlyName, String requestId) {
    String entitlementId = guid("entitlement:" + planId + ":" + requestId);
    String azureSubscriptionId = guid("azure:" + planId + ":" + requestId);
    jdbc.sql("insert into pc_azure_entitlement (id, plan_id, subscription_id, friendly_name, status) values (?, ?, ?, ?, 'active')")
        .params(entitlementId, planId, azureSubscriptionId, friendlyName)
        .update();
    // A new subscription must be registered for reservations before it can buy one.
    jdbc.sql("insert into pc_registration (azure_subscription_id, status) values (?, 'notregistered')").param(azureSubscriptionId).update();
    return new AzureEntitlement(entitlementId, friendlyName, SubscriptionStatus.ACTIVE, azureSubscriptionId);
  }

  /** The same catalog for every market, priced in USD: the callers convert to the customer's currency. */
  @Override
  public List<ReservationSku> getReservationSkus(String country) {
    return catalog.skus();
  }

  @Override
  public String priceBasis() {
    return "Indicative list prices from the public Azure retail price list (embedded demo catalog), not your partner price sheet.";
  }

  @Override
  @PartnerCenterCall
  public List<InventoryResult> checkInventory(String country, InventoryContext context, List<String> skuKeys) {
    List<RestrictionRule> rules = restrictionsFor(context.azureSubscriptionId());
    return skuKeys.stream().map(key -> {
      String[] parts = key.split(":", 2);
      Optional<ReservationSku> sku = parts.length == 2 ? catalog.find(parts[0], parts[1]) : Optional.empty();
      if (sku.isEmpty()) {
        return new InventoryResult(parts[0], parts.length == 2 ? parts[1] : "", true,
            List.of(new InventoryResult.Restriction("NotAvailableForSubscription", "This reservation is not in the catalog.")));
      }
      List<InventoryResult.Restriction> restrictions = rules.stream().filter(r -> r.applies(sku.get()))
          .map(r -> new InventoryResult.Restriction(r.reasonCode(), r.description())).toList();
      return new InventoryResult(sku.get().productId(), sku.get().skuId(), !restrictions.isEmpty(), restrictions);
    }).toList();
  }

  private List<RestrictionRule> restrictionsFor(String azureSubscriptionId) {
    return jdbc.sql("select * from pc_sku_restriction where azure_subscription_id is null or lower(azure_subscription_id) = ? order by id")
        .param(azureSubscriptionId == null ? "" : azureSubscriptionId.toLowerCase(Locale.ROOT))
        .query((rs, row) -> new RestrictionRule(rs.getString("arm_region_name"),
            Pattern.compile(Arrays.stream(rs.getString("sku_pattern").split("\\*", -1)).map(Pattern::quote)
                .collect(Collectors.joining(".*")), Pattern.CASE_INSENSITIVE),
            rs.getString("reason_code"), rs.getString("description")))
        .list();
  }

  /** A reservation SKU's from the catalog; the savings plan's without it, since the price file has no savings plan. */
  @Override
  public Availability getAvailability(String country, String productId, String skuId) {
    if (SavingsPlanProduct.isSavingsPlan(productId)) {
      return savingsPlans.availability(country, skuId);
    }
    ReservationSku sku = catalog.find(productId, skuId)
        .orElseThrow(() -> PartnerCenterException.of(ErrorCode.RESOURCE_NOT_FOUND, "SKU " + productId + ":" + skuId));
    String availabilityId = PartnerCenterIds.availabilityId(sku);
    return new Availability(availabilityId, productId, skuId, productId + ":" + skuId + ":" + availabilityId, true,
        currencies.currencyOf(country), List.of(sku.termDuration()));
  }

  @Override
  @PartnerCenterCall
  public void registerForReservations(String customerId, String azureSubscriptionId) {
    requireActiveAzureSubscription(requireCustomer(customerId), azureSubscriptionId);
    jdbc.sql("update pc_registration set status = 'registering', requested_at = ? where lower(azure_subscription_id) = ? "
            + "and status = 'notregistered'")
        .params(utc(clock.instant()), azureSubscriptionId.toLowerCase(Locale.ROOT)).update();
  }

  /** Registration takes a while at Microsoft; here {@code reservation-desk.embedded.registration-delay}. */
  @Override
  @PartnerCenterCall
  public RegistrationStatus getRegistrationStatus(String customerId, String azureSubscriptionId) {
    requireActiveAzureSubscription(requireCustomer(customerId), azureSubscriptionId);
    return registrationStatus(azureSubscriptionId);
  }

  private RegistrationStatus registrationStatus(String azureSubscriptionId) {
    String id = azureSubscriptionId.toLowerCase(Locale.ROOT);
    return jdbc.sql("select status, requested_at from pc_registration where lower(azure_subscription_id) = ?").param(id)
        .query((rs, row) -> {
          RegistrationStatus status = RegistrationStatus.fromApi(rs.getString("status"));
          Instant requested = instant(rs, "requested_at");
          if (status == RegistrationStatus.REGISTERING && !requested.plus(registrationDelay).isAfter(clock.instant())) {
            return RegistrationStatus.REGISTERED;
          }
          return status;
        })
        .optional().orElse(RegistrationStatus.REGISTERED);
  }

  @Override
  @PartnerCenterCall
  public Cart createCart(String customerId, CartRequest request) {
    Customer customer = requireCustomer(customerId);
    validateLines(customer, request);
    String cartId = UUID.randomUUID().toString();
    Instant now = clock.instant();
    jdbc.sql("insert into pc_cart (id, customer_id, status, attestation_accepted, created_at, expires_at) values (?, ?, 'Active', ?, ?, ?)")
        .params(cartId, customer.id(), request.partnerOnRecordAttestationAccepted(), utc(now), utc(now.plus(CART_LIFETIME)))
        .update();
    insertLines(cartId, request);
    return cart(cartId);
  }

  @Override
  @PartnerCenterCall
  public Cart updateCart(String customerId, String cartId, CartRequest request) {
    Customer customer = requireCustomer(customerId);
    lockOpenCart(customer, cartId, clock.instant());
    validateLines(customer, request);
    jdbc.sql("update pc_cart set attestation_accepted = ? where id = ?").params(request.partnerOnRecordAttestationAccepted(), cartId)
        .update();
    jdbc.sql("delete from pc_cart_line where cart_id = ?").param(cartId).update();
    insertLines(cartId, request);
    return cart(cartId);
  }

  private void insertLines(String cartId, CartRequest request) {
    for (CartLineItem line : request.lineItems()) {
      ProvisioningContext context = line.provisioningContext();
      PurchaseCommitment commitment = line.purchaseCommitment();
      jdbc.sql("""
          insert into pc_cart_line (cart_id, line_id, catalog_item_id, quantity, billing_cycle, term_duration,
                                    subscription_id, scope, duration, reseller_mpn_id,
                                    commitment_amount, commitment_grain, commitment_currency)
          values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(cartId, line.id(), line.catalogItemId(), line.quantity(), line.billingCycle(), line.termDuration(),
              context.subscriptionId(), context.scope(), context.duration(), line.resellerMpnId(),
              commitment == null ? null : commitment.amount(), commitment == null ? null : PurchaseCommitment.HOURLY,
              commitment == null ? null : PurchaseCommitment.currency(commitment.currencyCode()))
          .update();
    }
  }

  @Override
  @PartnerCenterCall
  public CheckoutResult checkout(String customerId, String cartId, String requestId) {
    Customer customer = requireCustomer(customerId);
    if (requestId != null) {
      // The same MS-RequestId again is a retry of the same checkout, even of another cart built after a
      // timeout: answer as the first time.
      Optional<String> checkedOut = jdbc.sql("select id from pc_cart where customer_id = ? and checkout_request_id = ? and status = 'Ordered'")
          .params(customer.id(), requestId).query(String.class).optional();
      if (checkedOut.isPresent()) {
        return new CheckoutResult(ordersOfCart(checkedOut.get()), List.of());
      }
    }
    Instant now = clock.instant();
    CartState state = lockOpenCart(customer, cartId, now);
    Cart cart = cart(cartId);
    // Partner Center groups a cart's lines into one order per billing cycle; a group can fail alone.
    Map<String, List<CartLineItem>> groups = cart.lineItems().stream()
        .collect(Collectors.groupingBy(CartLineItem::billingCycle, LinkedHashMap::new, Collectors.toList()));
    List<CheckoutResult.OrderError> errors = new java.util.ArrayList<>();
    PartnerCenterException firstError = null;
    for (Map.Entry<String, List<CartLineItem>> group : groups.entrySet()) {
      try {
        for (CartLineItem line : group.getValue()) {
          // Checked again at checkout: a subscription, a reseller or an inventory can change while the cart waits.
          validateLine(customer, line, state.attestationAccepted());
        }
      } catch (PartnerCenterException e) {
        errors.add(new CheckoutResult.OrderError(group.getKey(), e.code(), e.description()));
        firstError = firstError == null ? e : firstError;
        continue;
      }
      String orderId = ids.orderId();
      jdbc.sql("insert into pc_order (id, alternate_id, customer_id, cart_id, billing_cycle, status, currency_code, created_at) "
              + "values (?, ?, ?, ?, ?, 'pending', ?, ?)")
          .params(orderId, ids.alternateOrderId(), customer.id(), cartId, group.getKey(), currencies.currencyOf(customer.country()),
              utc(now))
          .update();
      int lineNumber = 0;
      for (CartLineItem line : group.getValue()) {
        ProvisioningContext context = line.provisioningContext();
        PurchaseCommitment commitment = line.purchaseCommitment();
        jdbc.sql("""
            insert into pc_order_line (order_id, line_item_number, offer_id, quantity, term_duration, partner_id_on_record,
                                       subscription_id, scope, duration, commitment_amount, commitment_grain, commitment_currency)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
            .params(orderId, lineNumber++, line.catalogItemId(), line.quantity(), line.termDuration(), line.resellerMpnId(),
                context.subscriptionId(), context.scope(), context.duration(), commitment == null ? null : commitment.amount(),
                commitment == null ? null : commitment.grain(), commitment == null ? null : commitment.currencyCode())
            .update();
        createReservationOrder(customer, orderId, lineNumber - 1, line, now);
      }
    }
    if (errors.size() == groups.size() && firstError != null) {
      // Nothing could be ordered: the API answers with the error, the cart stays as it was.
      throw firstError;
    }
    jdbc.sql("update pc_cart set status = 'Ordered', checkout_request_id = ? where id = ?").params(requestId, cartId).update();
    return new CheckoutResult(ordersOfCart(cartId), errors);
  }

  /**
   * What Azure does when Partner Center fulfils a reservation line: a reservation order with its reservation, of the line's
   * size, region, quantity, term and billing plan, scoped as its provisioning context says, bought now, not renewed.
   * In the checkout's transaction, so it exists exactly when the order line does (a repeated request id returns before).
   * Savings plans are no reservation: they get none. A database reservation's "size" is the catalog's name for it.
   */
  private void createReservationOrder(Customer customer, String orderId, int lineNumber, CartLineItem line, Instant now) {
    String[] parts = line.catalogItemId().split(":");
    if (SavingsPlanProduct.isSavingsPlan(parts[0])) {
      return;
    }
    ReservationSku sku = catalog.find(parts[0], parts[1]).orElseThrow();
    ProvisioningContext context = line.provisioningContext();
    UUID reservationId = UUID.randomUUID();
    EmbeddedReservationOrders.insert(jdbc, new EmbeddedReservationOrders.Row(UUID.randomUUID().toString(), reservationId.toString(),
        customer.id(), orderId, lineNumber, sku.productId(), sku.skuId(), sku.displayName(), sku.armRegionName(), line.quantity(),
        Term.of(line.termDuration()), BillingPlan.fromBillingCycle(line.billingCycle()), now, "single".equals(context.scope()),
        context.subscriptionId(), false, "Succeeded", reservationId.getMostSignificantBits(), null));
  }

  @Override
  @PartnerCenterCall
  public Optional<Order> getOrder(String customerId, String orderId) {
    return jdbc.sql("select * from pc_order where id = ? and customer_id = ?")
        .params(orderId, customerId.toLowerCase(Locale.ROOT)).query(this::orderHeader).optional()
        .map(this::withLines);
  }

  @Override
  @PartnerCenterCall
  public List<Reseller> getIndirectResellers() {
    if (!partner.isIndirectProvider()) {
      return List.of();
    }
    return jdbc.sql("select * from pc_reseller order by name")
        .query((rs, row) -> new Reseller(rs.getString("id"), rs.getString("name"), rs.getString("mpn_id"),
            rs.getString("state"), rs.getString("location")))
        .list();
  }

  private void validateLines(Customer customer, CartRequest request) {
    if (request.lineItems().isEmpty()) {
      throw PartnerCenterException.of(ErrorCode.INVALID_INPUT, "a cart needs at least one line item");
    }
    for (CartLineItem line : request.lineItems()) {
      validateLine(customer, line, request.partnerOnRecordAttestationAccepted());
    }
  }

  private void validateLine(Customer customer, CartLineItem line, boolean attestationAccepted) {
    String[] parts = line.catalogItemId() == null ? new String[0] : line.catalogItemId().split(":");
    if (parts.length != 3) {
      throw PartnerCenterException.of(ErrorCode.CATALOG_ITEM_ID_INVALID, String.valueOf(line.catalogItemId()));
    }
    if (SavingsPlanProduct.isSavingsPlan(parts[0])) {
      savingsPlans.validate(customer, line, parts[1], parts[2]);
      validateReseller(line.resellerMpnId(), attestationAccepted);
      return;
    }
    if (line.purchaseCommitment() != null) {
      throw PartnerCenterException.of(ErrorCode.INVALID_INPUT, "a reservation line has a quantity, not a purchaseCommitment");
    }
    ReservationSku sku = catalog.find(parts[0], parts[1]).filter(s -> PartnerCenterIds.availabilityId(s).equals(parts[2]))
        .orElseThrow(() -> PartnerCenterException.of(ErrorCode.CATALOG_ITEM_ID_INVALID, line.catalogItemId()));
    if (!sku.termDuration().equals(line.termDuration())) {
      throw PartnerCenterException.of(ErrorCode.CART_ITEM_ERROR, "term " + line.termDuration() + " is not offered for " + sku.title());
    }
    BillingPlan plan;
    try {
      plan = BillingPlan.fromBillingCycle(line.billingCycle());
    } catch (IllegalArgumentException e) {
      throw PartnerCenterException.of(ErrorCode.CART_ITEM_ERROR, "billing cycle " + line.billingCycle());
    }
    if (!sku.billingPlans().contains(plan)) {
      throw PartnerCenterException.of(ErrorCode.CART_ITEM_ERROR, "billing cycle " + line.billingCycle() + " is not offered for " + sku.title());
    }
    if (line.quantity() < sku.minimumQuantity() || line.quantity() > sku.maximumQuantity()) {
      throw PartnerCenterException.of(ErrorCode.QUANTITY_NOT_AVAILABLE, String.valueOf(line.quantity()));
    }
    ProvisioningContext context = line.provisioningContext();
    if (context == null || !("single".equals(context.scope()) || "shared".equals(context.scope()))) {
      throw PartnerCenterException.of(ErrorCode.INVALID_INPUT, "scope must be single or shared");
    }
    if (!ProvisioningContext.durationOf(line.termDuration()).equals(context.duration())) {
      throw PartnerCenterException.of(ErrorCode.INVALID_INPUT, "duration " + context.duration() + " does not match term " + line.termDuration());
    }
    requireActiveAzureSubscription(customer, context.subscriptionId());
    if (registrationStatus(context.subscriptionId()) != RegistrationStatus.REGISTERED) {
      throw PartnerCenterException.of(ErrorCode.SUBSCRIPTION_NOT_REGISTERED, context.subscriptionId());
    }
    List<RestrictionRule> restrictions = restrictionsFor(context.subscriptionId()).stream().filter(r -> r.applies(sku)).toList();
    if (!restrictions.isEmpty()) {
      throw PartnerCenterException.of(ErrorCode.INVENTORY_NOT_AVAILABLE, sku.title() + ": "
          + String.join(" ", restrictions.stream().map(RestrictionRule::description).toList()));
    }
    validateReseller(line.resellerMpnId(), attestationAccepted);
  }

  private void requireActiveAzureSubscription(Customer customer, String azureSubscriptionId) {
    if (azureSubscriptionId == null) {
      throw PartnerCenterException.of(ErrorCode.NOT_A_VALID_AZURE_SUBSCRIPTION, "no subscription id");
    }
    String id = azureSubscriptionId.toLowerCase(Locale.ROOT);
    Optional<String> entitlementStatus = jdbc.sql("""
        select e.status from pc_azure_entitlement e join pc_subscription p on p.id = e.plan_id
        where lower(e.subscription_id) = ? and p.customer_id = ? and p.status = 'active'""")
        .params(id, customer.id()).query(String.class).optional();
    Optional<String> legacyStatus = jdbc.sql("select status from pc_subscription where id = ? and customer_id = ? and offer_id = ?")
        .params(id, customer.id(), Subscription.LEGACY_AZURE_OFFER_ID).query(String.class).optional();
    String status = entitlementStatus.or(() -> legacyStatus)
        .orElseThrow(() -> PartnerCenterException.of(ErrorCode.NOT_A_VALID_AZURE_SUBSCRIPTION, azureSubscriptionId));
    if (!"active".equals(status)) {
      throw PartnerCenterException.of(ErrorCode.SUBSCRIPTION_NOT_ACTIVE, azureSubscriptionId);
    }
  }

  private void validateReseller(String resellerMpnId, boolean attestationAccepted) {
    if (resellerMpnId == null) {
      return;
    }
    if (!partner.isIndirectProvider()) {
      throw PartnerCenterException.of(ErrorCode.NOT_A_VALID_INDIRECT_RESELLER, "a direct-bill partner names no reseller");
    }
    String state = jdbc.sql("select state from pc_reseller where mpn_id = ?").param(resellerMpnId).query(String.class)
        .optional().orElseThrow(() -> PartnerCenterException.of(ErrorCode.RESELLER_NOT_FOUND, resellerMpnId));
    if (!"Active".equals(state)) {
      throw PartnerCenterException.of(ErrorCode.NOT_A_VALID_INDIRECT_RESELLER, resellerMpnId);
    }
    if (!attestationAccepted) {
      throw PartnerCenterException.of(ErrorCode.INVALID_INPUT, "PartnerOnRecordAttestationAccepted must be true with a reseller");
    }
  }

  private Customer requireCustomer(String customerId) {
    return getCustomer(customerId).orElseThrow(() -> PartnerCenterException.of(ErrorCode.CUSTOMER_NOT_FOUND, customerId));
  }

  private Cart cart(String cartId) {
    List<CartLineItem> lines = jdbc.sql("select * from pc_cart_line where cart_id = ? order by line_id").param(cartId)
        .query((rs, row) -> new CartLineItem(rs.getInt("line_id"), rs.getString("catalog_item_id"), rs.getLong("quantity"),
            rs.getString("billing_cycle"), rs.getString("term_duration"),
            new ProvisioningContext(rs.getString("subscription_id"), rs.getString("scope"), rs.getString("duration")),
            rs.getString("reseller_mpn_id"), commitment(rs)))
        .list();
    return jdbc.sql("select * from pc_cart where id = ?").param(cartId)
        .query((rs, row) -> new Cart(rs.getString("id"), rs.getString("customer_id"), rs.getString("status"),
            instant(rs, "created_at"), instant(rs, "expires_at"), lines))
        .single();
  }

  private List<Order> ordersOfCart(String cartId) {
    return jdbc.sql("select * from pc_order where cart_id = ? order by created_at, id").param(cartId)
        .query(this::orderHeader).list().stream().map(this::withLines).toList();
  }

  private Order orderHeader(ResultSet rs, int row) throws SQLException {
    return new Order(rs.getString("id"), rs.getString("alternate_id"), rs.getString("customer_id"),
        rs.getString("billing_cycle"), rs.getString("status"), rs.getString("currency_code"), instant(rs, "created_at"),
        List.of());
  }

  private Order withLines(Order header) {
    List<Order.LineItem> lines = jdbc.sql("select * from pc_order_line where order_id = ? order by line_item_number")
        .param(header.id())
        .query((rs, row) -> new Order.LineItem(rs.getInt("line_item_number"), rs.getString("offer_id"), rs.getLong("quantity"),
            rs.getString("term_duration"), rs.getString("partner_id_on_record"),
            new ProvisioningContext(rs.getString("subscription_id"), rs.getString("scope"), rs.getString("duration")), commitment(rs)))
        .list();
    return new Order(header.id(), header.alternateId(), header.referenceCustomerId(), header.billingCycle(),
        header.status(), header.currencyCode(), header.creationDate(), lines);
  }

  /** A savings plan line's commitment, as it was sent ({@code 0.05}, not the column's {@code 0.0500}); null for a reservation's. */
  private static PurchaseCommitment commitment(ResultSet rs) throws SQLException {
    BigDecimal amount = rs.getBigDecimal("commitment_amount");
    return amount == null ? null
        : new PurchaseCommitment(PurchaseCommitment.plain(amount), rs.getString("commitment_grain"), rs.getString("commitment_currency"));
  }

  private Customer customer(ResultSet rs, int row) throws SQLException {
    return new Customer(rs.getString("id"), rs.getString("company_name"), rs.getString("domain"), rs.getString("country"),
        rs.getString("culture"), rs.getString("relationship_to_partner"), rs.getString("associated_partner_id"));
  }

  private Subscription subscription(ResultSet rs, int row) throws SQLException {
    return new Subscription(rs.getString("id"), rs.getString("offer_id"), rs.getString("offer_name"),
        rs.getString("friendly_name"), SubscriptionStatus.fromApi(rs.getString("status")), rs.getBoolean("is_trial"),
        rs.getString("partner_id"));
  }

  /** A restriction row: a SKU name pattern, in one region or all. */
  private record RestrictionRule(String armRegionName, Pattern skuPattern, String reasonCode, String description) {
    boolean applies(ReservationSku sku) {
      return (armRegionName == null || sku.isGlobal() || armRegionName.equalsIgnoreCase(sku.armRegionName()))
          && skuPattern.matcher(sku.displayName()).matches();
    }
  }

  /** The cart, locked; refused when it was already checked out or has expired. */
  private CartState lockOpenCart(Customer customer, String cartId, Instant now) {
    CartState state = jdbc.sql("select status, checkout_request_id, attestation_accepted, expires_at from pc_cart "
            + "where id = ? and customer_id = ? for update")
        .params(cartId, customer.id())
        .query((rs, row) -> new CartState(rs.getString("status"), rs.getString("checkout_request_id"),
            rs.getBoolean("attestation_accepted"), instant(rs, "expires_at")))
        .optional()
        .orElseThrow(() -> PartnerCenterException.of(ErrorCode.RESOURCE_NOT_FOUND, "cart " + cartId));
    if ("Ordered".equals(state.status())) {
      throw PartnerCenterException.of(ErrorCode.CART_ALREADY_SUBMITTED);
    }
    if (state.expiresAt().isBefore(now)) {
      throw PartnerCenterException.of(ErrorCode.CART_ITEM_ERROR, "the cart expired");
    }
    return state;
  }

  private record CartState(String status, String checkoutRequestId, boolean attestationAccepted, Instant expiresAt) {}

  static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
