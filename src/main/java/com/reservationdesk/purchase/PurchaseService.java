package com.reservationdesk.purchase;

import com.reservationdesk.catalog.CatalogFilter;
import com.reservationdesk.catalog.CatalogSearchResult;
import com.reservationdesk.catalog.CatalogService;
import com.reservationdesk.catalog.ReservationOffer;
import com.reservationdesk.common.InvalidInputException;
import com.reservationdesk.customer.CustomerService;
import com.reservationdesk.partnercenter.Customer;
import com.reservationdesk.partnercenter.InventoryContext;
import com.reservationdesk.partnercenter.Reseller;
import com.reservationdesk.partnercenter.ReservationSku;
import com.reservationdesk.partnercenter.ReservationType;
import com.reservationdesk.policy.OrderPolicy;
import com.reservationdesk.pricing.Currencies;
import com.reservationdesk.reseller.ResellerService;
import com.reservationdesk.partnercenter.RegistrationStatus;
import com.reservationdesk.subscription.AzureSubscription;
import com.reservationdesk.subscription.RegistrationService;
import com.reservationdesk.subscription.SubscriptionService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The purchase an agent builds: the customer and subscription it is for, and its cart. Every value a
 * form submits is checked here, whatever the form already checked in the browser.
 */
@Service
@Transactional
public class PurchaseService {

  private final PurchaseRepository purchases;
  private final CustomerService customers;
  private final SubscriptionService subscriptions;
  private final CatalogService catalog;
  private final ResellerService resellers;
  private final Currencies currencies;
  private final OrderPolicy policy;
  private final RegistrationService registrations;
  private final PurchaseMetrics metrics;
  private final Clock clock;

  public PurchaseService(PurchaseRepository purchases, CustomerService customers, SubscriptionService subscriptions,
      CatalogService catalog, ResellerService resellers, Currencies currencies, OrderPolicy policy, PurchaseMetrics metrics,
      RegistrationService registrations, Clock clock) {
    this.registrations = registrations;
    this.metrics = metrics;
    this.policy = policy;
    this.purchases = purchases;
    this.customers = customers;
    this.subscriptions = subscriptions;
    this.catalog = catalog;
    this.resellers = resellers;
    this.currencies = currencies;
    this.clock = clock;
  }

  /**
   * A purchase starts with its process, as a draft: who started it is the engine's authenticated user, and
   * the purchase is found by its process instance from then on.
   */
  public String begin(String processInstanceId, String agent) {
    String id = UUID.randomUUID().toString();
    purchases.insertDraft(id, processInstanceId, agent, clock.instant());
    return id;
  }

  /** The purchase of a process instance. */
  public Purchase ofProcess(String processInstanceId) {
    return purchases.findByProcess(processInstanceId)
        .orElseThrow(() -> new IllegalStateException("No purchase for process instance " + processInstanceId));
  }

  /**
   * The customer the agent chose, checked to be a customer of the partner, becomes the purchase's. Only a
   * draft's customer can change.
   */
  public Customer chooseCustomer(String processInstanceId, String customerId) {
    return recordCustomer(processInstanceId, customers.requireCustomer(customerId));
  }

  /** A customer Partner Center returned (the only match of a search) becomes the draft purchase's. */
  public Customer recordCustomer(String processInstanceId, Customer customer) {
    int updated = purchases.chooseCustomerOfDraft(processInstanceId, customer.id(), customer.companyName(), customer.country(),
        currencies.currencyOf(customer.country()), clock.instant());
    if (updated == 0) {
      throw new InvalidInputException("This purchase's customer and subscription are already chosen. Open the purchase's current "
          + "task instead.");
    }
    return customer;
  }

  /** The customer recorded for the purchase; an agent cannot have changed it. */
  public String customerOf(String processInstanceId) {
    Purchase purchase = ofProcess(processInstanceId);
    if (!purchase.hasCustomer()) {
      throw new IllegalStateException("Purchase " + purchase.id() + " has no customer yet");
    }
    return purchase.customerId();
  }

  /**
   * Opens the cart once the agent has chosen one of the purchase's customer's active Azure subscriptions:
   * the customer is the one recorded, whatever else a form sent.
   */
  public Purchase open(String processInstanceId, String subscriptionId) {
    Purchase draft = requireDraft(processInstanceId);
    if (!draft.hasCustomer()) {
      throw new IllegalStateException("Purchase " + draft.id() + " has no customer yet");
    }
    AzureSubscription subscription = subscriptions.requireEligible(draft.customerId(), subscriptionId);
    Instant now = clock.instant();
    purchases.open(draft.id(), subscription.subscriptionId(), subscription.friendlyName(), now);
    metrics.purchaseOpened();
    return new Purchase(draft.id(), draft.processInstanceId(), draft.customerId(), draft.customerName(), draft.customerCountry(),
        subscription.subscriptionId(), subscription.friendlyName(), PurchaseStatus.OPEN, draft.currency(), null, null, null, null,
        draft.createdBy(), null, draft.createdAt(), null, null, null, null, now);
  }

  public Purchase get(String purchaseId) {
    return purchases.find(purchaseId).orElseThrow(() -> new IllegalStateException("No purchase " + purchaseId));
  }

  /** The purchases a user started, newest first: what they see on "Your purchases". */
  public List<Purchase> startedBy(String user, int limit) {
    return purchases.createdBy(user, limit);
  }

  /** Checks a filter against the catalog of the purchase's customer's market, before the search runs. */
  public void checkFilter(String processInstanceId, CatalogFilter filter) {
    catalog.checkFilter(ofProcess(processInstanceId).customerCountry(), filter);
  }

  /**
   * Searches the catalog of the purchase's customer's market, priced in its currency, with the
   * inventory restrictions of the purchase's subscription.
   */
  public CatalogSearchResult findOffers(String processInstanceId, CatalogFilter filter) {
    Purchase purchase = ofProcess(processInstanceId);
    return catalog.search(purchase.customerCountry(), filter, inventoryContext(purchase, filter.region()));
  }

  /** The policy's quantity limits for a product type, in a sentence the forms show. */
  public String quantityLimitNote(ReservationType type) {
    OrderPolicy.Limits limits = policy.limits(type);
    return String.format("Up to %,d %s per line and %,d per order (the partner's policy).", limits.perLine(), limits.unit(),
        limits.perOrder());
  }

  private static InventoryContext inventoryContext(Purchase purchase, String region) {
    return new InventoryContext(purchase.customerId(), purchase.subscriptionId(), CatalogFilter.ANY.equals(region) ? null : region);
  }

  public CartView cart(String processInstanceId) {
    return cart(ofProcess(processInstanceId));
  }

  private CartView cart(Purchase purchase) {
    // A draft has no currency yet (and no lines): its customer's country, or the default, decides.
    return CartView.of(purchases.lines(purchase.id()),
        purchase.currency() != null ? purchase.currency() : currencies.currencyOf(purchase.customerCountry()));
  }

  /**
   * Adds a reservation to the cart; the same SKU and billing plan again adds to its line's quantity,
   * as the dashboard's cart does. A line over the policy's limits is refused here, not only at Buy.
   */
  public CartView addLine(String processInstanceId, String reservation, String billingPlan, Object quantityValue) {
    Purchase purchase = requireOpen(processInstanceId);
    ReservationOffer offer = catalog.requireOffer(purchase.customerCountry(), reservation, billingPlan);
    ReservationSku sku = offer.sku();
    long quantity = quantity(quantityValue, sku);
    catalog.requireAvailable(purchase.customerCountry(), inventoryContext(purchase, sku.armRegionName()), offer);
    List<PurchaseLine> lines = purchases.lines(purchase.id());
    Optional<PurchaseLine> same = lines.stream()
        .filter(l -> l.productId().equals(sku.productId()) && l.skuId().equals(sku.skuId())
            && l.billingPlan() == offer.billingPlan())
        .findFirst();
    if (same.isPresent()) {
      long total = same.get().quantity() + quantity;
      requireQuantityRange(total, sku, " in total (the cart already holds " + same.get().quantity() + ")");
      requireWithinPolicy(lines, same.get().lineNo(), sku.type(), sku.displayName(), total);
      purchases.updateQuantity(purchase.id(), same.get().lineNo(), total);
    } else {
      requireWithinPolicy(lines, -1, sku.type(), sku.displayName(), quantity);
      int lineNo = purchases.nextLineNo(purchase.id());
      purchases.insertLine(purchase.id(), new PurchaseLine(lineNo, sku.productId(), sku.skuId(), sku.type(), sku.displayName(),
          sku.armRegionName(), sku.regionDisplayName(), sku.termDuration(), offer.billingPlan(), quantity, offer.unitPrice()));
    }
    return cart(purchase);
  }

  public CartView changeQuantity(String processInstanceId, Object lineValue, Object quantityValue) {
    Purchase purchase = requireOpen(processInstanceId);
    List<PurchaseLine> lines = purchases.lines(purchase.id());
    PurchaseLine line = requireLine(lines, lineValue);
    ReservationOffer offer = catalog.requireOffer(purchase.customerCountry(), line.productId() + ":" + line.skuId(),
        line.billingPlan().formValue());
    long quantity = quantity(quantityValue, offer.sku());
    requireWithinPolicy(lines, line.lineNo(), line.type(), line.reservationName(), quantity);
    purchases.updateQuantity(purchase.id(), line.lineNo(), quantity);
    return cart(purchase);
  }

  public CartView removeLine(String processInstanceId, Object lineValue) {
    Purchase purchase = requireOpen(processInstanceId);
    purchases.deleteLine(purchase.id(), requireLine(purchases.lines(purchase.id()), lineValue).lineNo());
    return cart(purchase);
  }

  /**
   * The agent chose to buy: checks the cart, scope and reseller, then freezes the purchase with the
   * request id every checkout attempt will reuse.
   *
   * @return the purchase as it now is, and what the approval table decides on, from its records
   */
  public ReadyToOrder readyToOrder(String processInstanceId, String scopeValue, String resellerMpnId, String agent) {
    Purchase purchase = requireOpen(processInstanceId);
    String purchaseId = purchase.id();
    List<PurchaseLine> lines = purchases.lines(purchaseId);
    if (lines.isEmpty()) {
      throw new InvalidInputException("The cart is empty. Add a reservation before buying, or cancel the purchase.");
    }
    Scope scope = Scope.fromForm(scopeValue);
    Optional<Reseller> reseller = resellers.requireValid(resellerMpnId);
    // The subscription may have changed since the cart was started; the rules need its type.
    AzureSubscription subscription = subscriptions.requireEligible(purchase.customerId(), purchase.subscriptionId());
    List<OrderPolicy.Line> ruleLines = lines.stream().map(line -> {
      ReservationSku sku = catalog.requireOffer(purchase.customerCountry(), line.productId() + ":" + line.skuId(),
          line.billingPlan().formValue()).sku();
      return new OrderPolicy.Line(line.reservationName(), sku.type(), sku.vmSize() == null ? "" : sku.vmSize().family(),
          line.termDuration(), line.quantity());
    }).toList();
    policy.check(subscription.kind(), scope.apiName(), ruleLines);
    String requestId = UUID.randomUUID().toString();
    Instant now = clock.instant();
    purchases.markOrdering(purchaseId, scope.apiName(), reseller.map(Reseller::mpnId).orElse(null),
        reseller.map(Reseller::name).orElse(null), requestId, agent, now);
    Purchase ordering = new Purchase(purchaseId, purchase.processInstanceId(), purchase.customerId(), purchase.customerName(),
        purchase.customerCountry(), purchase.subscriptionId(), purchase.subscriptionName(), PurchaseStatus.ORDERING,
        purchase.currency(), scope.apiName(), reseller.map(Reseller::mpnId).orElse(null), reseller.map(Reseller::name).orElse(null),
        requestId, purchase.createdBy(), agent, purchase.createdAt(), purchase.approvalReason(), purchase.decidedBy(),
        purchase.rejectionReason(), null, now);
    CartView cart = CartView.of(lines, purchase.currency());
    return new ReadyToOrder(ordering,
        new ApprovalRequest(purchase.currency(), cart.total(), lines.stream().mapToLong(PurchaseLine::quantity).sum()));
  }

  /**
   * What the approver reads, made from the purchase's records when the approval task is created: the
   * requester cannot change it. The approval table's reason is recorded with it.
   */
  public ApprovalView prepareApproval(String processInstanceId, String reason) {
    Purchase purchase = ofProcess(processInstanceId);
    purchases.recordApprovalReason(purchase.id(), reason, "an approver (group approvers) to approve the order"
        + (reason == null || reason.isBlank() ? "" : ": " + reason), clock.instant());
    return new ApprovalView(purchase, reason, cart(purchase));
  }

  /**
   * An approver's decision. Four eyes: whoever started the purchase or chose to buy it (as the purchase's
   * records say, not a form) cannot approve it; a rejection needs a reason, and sends the cart back to the
   * agent with it.
   */
  public void decideApproval(String processInstanceId, String decision, String reason, String approver) {
    Purchase purchase = purchases.lockByProcess(processInstanceId)
        .orElseThrow(() -> new IllegalStateException("No purchase for process instance " + processInstanceId));
    String purchaseId = purchase.id();
    if (purchase.status() != PurchaseStatus.ORDERING) {
      throw new InvalidInputException("This purchase is " + purchase.status().name().toLowerCase() + ": there is nothing to approve.");
    }
    if (approver == null) {
      throw new InvalidInputException("Log in as an approver to decide on this purchase.");
    }
    if (purchase.isRequester(approver)) {
      throw new InvalidInputException("You asked for this purchase, so another approver must decide on it.");
    }
    switch (decision == null ? "" : decision) {
      case "approve" -> purchases.recordDecision(purchaseId, approver, null, clock.instant());
      case "reject" -> {
        if (reason == null || reason.isBlank()) {
          throw new InvalidInputException("Say why the order is rejected: the agent reads it at review.");
        }
        if (reason.length() > 1000) {
          throw new InvalidInputException("Keep the reason under 1,000 characters.");
        }
        purchases.recordDecision(purchaseId, approver, reason.trim(), clock.instant());
        purchases.reopen(purchaseId, null, clock.instant());
      }
      default -> throw new InvalidInputException("Choose approve or reject.");
    }
  }

  /**
   * Ends a purchase not bought within the cart's lifetime. Only an open one: a purchase waiting for its
   * order, or ordered, is never expired. Without a purchase yet (the agent never chose a subscription)
   * there is nothing to keep either.
   *
   * @return whether the purchase ended
   */
  public boolean expire(String processInstanceId) {
    Optional<Purchase> purchase = purchases.lockByProcess(processInstanceId)
        .filter(p -> p.status() == PurchaseStatus.OPEN || p.status() == PurchaseStatus.DRAFT);
    purchase.ifPresent(p -> purchases.updateStatus(p.id(),
        purchases.hasOrderedLines(p.id()) ? PurchaseStatus.ORDERED : PurchaseStatus.EXPIRED, clock.instant()));
    return purchase.isPresent();
  }

  /** Whether the purchase still waits for the agent (a draft, or an open cart): what a reminder is for. */
  public boolean isOpen(String processInstanceId) {
    return purchases.findByProcess(processInstanceId)
        .map(p -> p.status() == PurchaseStatus.OPEN || p.status() == PurchaseStatus.DRAFT).orElse(false);
  }

  /**
   * Discards an unfinished purchase (open, or waiting for approval or registration: nothing was sent
   * to Partner Center yet); a placed one stays as it is.
   */
  public void cancel(String processInstanceId) {
    // Lines already ordered (a partly placed checkout) stay ordered: the purchase then counts as ordered.
    purchases.lockByProcess(processInstanceId)
        .filter(p -> p.status() == PurchaseStatus.DRAFT || p.status() == PurchaseStatus.OPEN || p.status() == PurchaseStatus.ORDERING)
        .ifPresent(p -> purchases.updateStatus(p.id(),
            purchases.hasOrderedLines(p.id()) ? PurchaseStatus.ORDERED : PurchaseStatus.CANCELLED, clock.instant()));
  }

  /**
   * Asks for the registration of the purchase's subscription for reservations (asking again is harmless)
   * and records, while it is not done, that the purchase waits for it: the agent has no task meanwhile.
   *
   * @param check how many times this purchase has looked, this time included
   */
  public RegistrationStatus registerSubscription(String processInstanceId, int check) {
    Purchase purchase = ofProcess(processInstanceId);
    RegistrationStatus status = registrations.register(purchase.customerId(), purchase.subscriptionId());
    String waiting = status == RegistrationStatus.REGISTERED ? null
        : String.format("Microsoft to register subscription %s for reservations (%s; looked %d time%s, again every minute)",
            purchase.subscriptionName(), status.apiName(), check, check == 1 ? "" : "s");
    if (!Objects.equals(purchase.waitingFor(), waiting)) {
      purchases.waitingFor(purchase.id(), waiting, clock.instant());
    }
    return status;
  }

  private Purchase requireDraft(String processInstanceId) {
    Purchase purchase = purchases.lockByProcess(processInstanceId)
        .orElseThrow(() -> new IllegalStateException("No purchase for process instance " + processInstanceId));
    if (purchase.status() != PurchaseStatus.DRAFT) {
      throw new InvalidInputException("This purchase's customer and subscription are already chosen. Open the purchase's current "
          + "task instead.");
    }
    return purchase;
  }

  private Purchase requireOpen(String processInstanceId) {
    Purchase purchase = purchases.lockByProcess(processInstanceId)
        .orElseThrow(() -> new IllegalStateException("No purchase for process instance " + processInstanceId));
    if (purchase.status() != PurchaseStatus.OPEN) {
      throw new InvalidInputException("This purchase is " + purchase.status().name().toLowerCase()
          + " and can no longer be changed. Open the purchase's current task instead.");
    }
    return purchase;
  }

  private static PurchaseLine requireLine(List<PurchaseLine> lines, Object lineValue) {
    Integer lineNo = null;
    if (lineValue instanceof Number number) {
      lineNo = number.intValue();
    } else if (lineValue instanceof String text && text.trim().matches("\\d{1,6}")) {
      lineNo = Integer.parseInt(text.trim());
    }
    Integer wanted = lineNo;
    return lines.stream().filter(l -> wanted != null && l.lineNo() == wanted).findFirst()
        .orElseThrow(() -> new InvalidInputException("Choose the cart line to change or remove."));
  }

  /**
   * The policy's limits (OrderRules.dmn's QuantityLimits) hold for every line as it is added or changed:
   * the line itself, and all lines of its product type together.
   *
   * @param replacedLine the line whose quantity this replaces, or -1 for a new line
   */
  private void requireWithinPolicy(List<PurchaseLine> lines, int replacedLine, ReservationType type, String name, long quantity) {
    OrderPolicy.Limits limits = policy.limits(type);
    if (quantity > limits.perLine()) {
      throw new InvalidInputException(String.format("%s: at most %,d %s per line (policy); lower the quantity or split the "
          + "purchase.", name, limits.perLine(), limits.unit()));
    }
    long others = lines.stream().filter(l -> l.type() == type && l.lineNo() != replacedLine).mapToLong(PurchaseLine::quantity).sum();
    if (others + quantity > limits.perOrder()) {
      throw new InvalidInputException(String.format("%s: at most %,d %s per order (policy); the cart already holds %,d, so "
          + "at most %,d more fit.", type.label(), limits.perOrder(), limits.unit(), others, Math.max(0, limits.perOrder() - others)));
    }
  }

  /** Form numbers arrive as Integer, Long, Double or text: accept whole numbers only. */
  static long quantity(Object value, ReservationSku sku) {
    long quantity;
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      quantity = ((Number) value).longValue();
    } else if (value instanceof Number number) {
      if (!Double.isFinite(number.doubleValue())) {
        throw new InvalidInputException("Enter the quantity as a whole number of " + sku.type().units() + ".");
      }
      BigDecimal decimal = new BigDecimal(number.toString());
      if (decimal.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
        throw new InvalidInputException(String.format("Quantity must be between %,d and %,d for %s.",
            sku.minimumQuantity(), sku.maximumQuantity(), sku.displayName()));
      }
      if (decimal.stripTrailingZeros().scale() > 0) {
        throw new InvalidInputException("Quantity must be a whole number of " + sku.type().units() + ", not " + decimal.toPlainString() + ".");
      }
      quantity = decimal.longValueExact();
    } else if (value instanceof String text && text.trim().matches("-?\\d{1,18}")) {
      quantity = Long.parseLong(text.trim());
    } else {
      throw new InvalidInputException("Enter the quantity: how many " + sku.type().units() + " the reservation covers.");
    }
    requireQuantityRange(quantity, sku, "");
    return quantity;
  }

  private static void requireQuantityRange(long quantity, ReservationSku sku, String context) {
    if (quantity < sku.minimumQuantity() || quantity > sku.maximumQuantity()) {
      throw new InvalidInputException(String.format("Quantity must be between %,d and %,d for %s%s.",
          sku.minimumQuantity(), sku.maximumQuantity(), sku.displayName(), context));
    }
  }
}
