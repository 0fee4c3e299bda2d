package com.reservationdesk.purchase;

import com.reservationdesk.catalog.CatalogFilter;
import com.reservationdesk.catalog.CatalogSearchResult;
import com.reservationdesk.catalog.CatalogService;
import com.reservationdesk.catalog.ReservationOffer;
import com.reservationdesk.common.InvalidInputException;
import com.reservationdesk.common.Money;
import com.reservationdesk.customer.CustomerService;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.Customer;
import com.reservationdesk.partnercenter.InventoryContext;
import com.reservationdesk.partnercenter.RegistrationStatus;
import com.reservationdesk.partnercenter.Reseller;
import com.reservationdesk.partnercenter.ReservationSku;
import com.reservationdesk.partnercenter.ReservationType;
import com.reservationdesk.partnercenter.SavingsPlanProduct;
import com.reservationdesk.partnercenter.Scope;
import com.reservationdesk.partnercenter.Term;
import com.reservationdesk.policy.OrderPolicy;
import com.reservationdesk.pricing.Currencies;
import com.reservationdesk.reseller.ResellerService;
import com.reservationdesk.subscription.AzureSubscription;
import com.reservationdesk.subscription.RegistrationService;
import com.reservationdesk.subscription.SubscriptionService;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The purchase an agent builds: the customer and subscription it is for, and its cart. A purchase is found by
 * its process instance, which no agent can change; every value a form submits is checked here, whatever the
 * form already checked in the browser. Status changes go through {@link PurchaseLifecycle}.
 */
@Service
@Transactional
public class PurchaseService {

  /** How a savings plan line names what it buys. */
  public static final String SAVINGS_PLAN_NAME = "Savings plan for compute";

  private final PurchaseRepository purchases;
  private final PurchaseLifecycle lifecycle;
  private final CustomerService customers;
  private final SubscriptionService subscriptions;
  private final CatalogService catalog;
  private final ResellerService resellers;
  private final Currencies currencies;
  private final OrderPolicy policy;
  private final RegistrationService registrations;
  private final PurchaseMetrics metrics;
  private final CartPolicy cartPolicy;

  public PurchaseService(PurchaseRepository purchases, PurchaseLifecycle lifecycle, CustomerService customers,
      SubscriptionService subscriptions, CatalogService catalog, ResellerService resellers, Currencies currencies, OrderPolicy policy,
      RegistrationService registrations, PurchaseMetrics metrics, CartPolicy cartPolicy) {
    this.cartPolicy = cartPolicy;
    this.purchases = purchases;
    this.lifecycle = lifecycle;
    this.customers = customers;
    this.subscriptions = subscriptions;
    this.catalog = catalog;
    this.resellers = resellers;
    this.currencies = currencies;
    this.policy = policy;
    this.registrations = registrations;
    this.metrics = metrics;
  }

  /**
   * A purchase starts with its process, as a draft: who started it is the engine's authenticated user, and
   * the purchase is found by its process instance from then on.
   *
   * @return the purchase's id
   */
  public String begin(String processInstanceId, String agent) {
    return lifecycle.begin(processInstanceId, agent);
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
    lifecycle.chooseCustomer(processInstanceId, customer, currencies.currencyOf(customer.country()));
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
    Purchase draft = locked(processInstanceId);
    if (draft.status() != PurchaseStatus.DRAFT) {
      throw new InvalidInputException("This purchase's customer and subscription are already chosen. Open the purchase's current "
          + "task instead.");
    }
    if (!draft.hasCustomer()) {
      throw new IllegalStateException("Purchase " + draft.id() + " has no customer yet");
    }
    Purchase open = lifecycle.open(draft, subscriptions.requireEligible(draft.customerId(), subscriptionId));
    metrics.purchaseOpened();
    return open;
  }

  /**
   * Gives the purchase's customer an active Azure subscription (through an Azure plan when it has none); looks
   * before it buys, and the purchase's process is the request id, so running it again adds nothing twice.
   */
  public AzureSubscription addAzureSubscription(String processInstanceId) {
    return subscriptions.addAzureSubscription(customerOf(processInstanceId), processInstanceId);
  }

  /** A purchase by its id (the process's business key), for pages that show one. */
  public Optional<Purchase> find(String purchaseId) {
    return purchases.find(purchaseId);
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

  public CartView cart(String processInstanceId) {
    return cart(ofProcess(processInstanceId));
  }

  /**
   * Adds a reservation to the cart; the same SKU and billing plan again adds to its line's quantity,
   * as the dashboard's cart does. A line over the policy's limits is refused here, not only at Buy.
   *
   * @param quantity as the form gave it; a whole number within the SKU's range is checked here
   */
  public CartView addLine(String processInstanceId, String reservation, BillingPlan plan, BigDecimal quantity) {
    Purchase purchase = requireOpen(processInstanceId);
    ReservationOffer offer = catalog.requireOffer(purchase.customerCountry(), reservation, plan);
    ReservationSku sku = offer.sku();
    long units = Quantity.of(quantity, sku);
    catalog.requireAvailable(purchase.customerCountry(), inventoryContext(purchase, sku.armRegionName()), offer);
    List<PurchaseLine> lines = purchases.lines(purchase.id());
    Optional<PurchaseLine> same = lines.stream()
        .filter(l -> l.productId().equals(sku.productId()) && l.skuId().equals(sku.skuId()) && l.billingPlan() == offer.billingPlan())
        .findFirst();
    if (same.isPresent()) {
      long total = same.get().quantity() + units;
      Quantity.requireRange(total, sku, " in total (the cart already holds " + same.get().quantity() + ")");
      requireWithinPolicy(lines, same.get().lineNo(), sku.type(), sku.displayName(), total);
      purchases.updateQuantity(purchase.id(), same.get().lineNo(), total);
    } else {
      requireWithinPolicy(lines, -1, sku.type(), sku.displayName(), units);
      int lineNo = purchases.nextLineNo(purchase.id());
      purchases.insertLine(purchase.id(), new PurchaseLine(lineNo, sku.productId(), sku.skuId(), sku.type(), sku.displayName(),
          sku.armRegionName(), sku.regionDisplayName(), sku.termDuration(), offer.billingPlan(), units, offer.unitPrice()));
    }
    return cart(purchase);
  }

  /**
   * Adds an Azure savings plan for compute: an hourly commitment in the purchase's currency for 1 or 3 years, billed
   * upfront or monthly, for a customer with an Azure plan. Checked against the partner's commitment limits
   * (OrderRules.dmn's SavingsPlanCommitment) and quantity limits (one plan per order); priced as the commitment over
   * the term's hours.
   */
  public CartView addSavingsPlan(String processInstanceId, Term term, BigDecimal hourlyCommitment, BillingPlan plan) {
    Purchase purchase = requireOpen(processInstanceId);
    if (term == null || term == Term.FIVE_YEARS) {
      throw new InvalidInputException("A savings plan runs 1 or 3 years: choose one of them.");
    }
    requireSavingsPlanSubscription(subscriptions.requireEligible(purchase.customerId(), purchase.subscriptionId()));
    String currency = purchase.currency();
    if (hourlyCommitment == null) {
      throw new InvalidInputException("Enter the hourly commitment: what the customer commits to spend an hour on compute, in "
          + currency + ".");
    }
    int digits = Math.max(0, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
    if (hourlyCommitment.signum() <= 0) {
      throw new InvalidInputException("The hourly commitment must be more than zero.");
    }
    if (hourlyCommitment.stripTrailingZeros().scale() > digits) {
      throw new InvalidInputException("Enter the hourly commitment in whole " + (digits == 0 ? currency : "cents") + ": "
          + hourlyCommitment.toPlainString() + " has too many decimals.");
    }
    OrderPolicy.CommitmentLimits limits = policy.savingsPlanCommitment(term.iso());
    Money minimum = currencies.convert(limits.minimumPerHourUsd(), "USD", currency);
    Money maximum = currencies.convert(limits.maximumPerHourUsd(), "USD", currency);
    if (hourlyCommitment.compareTo(minimum.amount()) < 0 || hourlyCommitment.compareTo(maximum.amount()) > 0) {
      throw new InvalidInputException("The hourly commitment must be between " + minimum.format() + " and " + maximum.format()
          + " an hour (policy); " + new Money(hourlyCommitment, currency).format() + " is not.");
    }
    List<PurchaseLine> lines = purchases.lines(purchase.id());
    Optional<PurchaseLine> existing = lines.stream().filter(PurchaseLine::isSavingsPlan).findFirst();
    if (existing.isPresent()) {
      throw new InvalidInputException("The cart already holds a savings plan (line " + existing.get().lineNo()
          + "). Remove it in the review to buy a different one.");
    }
    requireWithinPolicy(lines, -1, ReservationType.SAVINGS_PLAN, SAVINGS_PLAN_NAME, 1);
    BigDecimal hours = BigDecimal.valueOf(term.months() / 12 * 8760L);
    purchases.insertLine(purchase.id(), new PurchaseLine(purchases.nextLineNo(purchase.id()), SavingsPlanProduct.PRODUCT_ID,
        SavingsPlanProduct.skuId(term), ReservationType.SAVINGS_PLAN, SAVINGS_PLAN_NAME, ReservationSku.GLOBAL_REGION,
        "All regions and sizes", term.iso(), plan, 1, new Money(hourlyCommitment.multiply(hours), currency), hourlyCommitment));
    return cart(purchase);
  }

  /** A savings plan is bought under an Azure plan, not for a legacy CSP Azure offer subscription. */
  private static void requireSavingsPlanSubscription(AzureSubscription subscription) {
    if (!AzureSubscription.AZURE_PLAN.equals(subscription.kind())) {
      throw new InvalidInputException("A savings plan is bought under an Azure plan; " + subscription.friendlyName()
          + " is a " + subscription.kind() + " subscription. Buy reservations for it, or start a purchase for an Azure plan "
          + "subscription of the customer.");
    }
  }

  public CartView changeQuantity(String processInstanceId, int lineNo, BigDecimal quantity) {
    Purchase purchase = requireOpen(processInstanceId);
    List<PurchaseLine> lines = purchases.lines(purchase.id());
    PurchaseLine line = requireLine(lines, lineNo);
    if (line.isSavingsPlan()) {
      throw new InvalidInputException("A savings plan has no quantity. To change its commitment, remove line " + line.lineNo()
          + " and add the savings plan again.");
    }
    ReservationOffer offer = catalog.requireOffer(purchase.customerCountry(), line.productId() + ":" + line.skuId(), line.billingPlan());
    long units = Quantity.of(quantity, offer.sku());
    requireWithinPolicy(lines, line.lineNo(), line.type(), line.reservationName(), units);
    purchases.updateQuantity(purchase.id(), line.lineNo(), units);
    return cart(purchase);
  }

  public CartView removeLine(String processInstanceId, int lineNo) {
    Purchase purchase = requireOpen(processInstanceId);
    purchases.deleteLine(purchase.id(), requireLine(purchases.lines(purchase.id()), lineNo).lineNo());
    return cart(purchase);
  }

  /**
   * The agent chose to buy: checks the cart, scope and reseller against the rules, then freezes the purchase
   * with the request id every checkout attempt will reuse.
   *
   * @return the purchase as it now is, and what the approval table decides on, from its records
   */
  public ReadyToOrder readyToOrder(String processInstanceId, Scope scope, String resellerMpnId, String agent) {
    Purchase purchase = requireOpen(processInstanceId);
    List<PurchaseLine> lines = purchases.lines(purchase.id());
    if (lines.isEmpty()) {
      throw new InvalidInputException("The cart is empty. Add a reservation before buying, or cancel the purchase.");
    }
    Optional<Reseller> reseller = resellers.requireValid(resellerMpnId);
    // The subscription may have changed since the cart was started; the rules need its type.
    AzureSubscription subscription = subscriptions.requireEligible(purchase.customerId(), purchase.subscriptionId());
    List<OrderPolicy.Line> ruleLines = lines.stream().map(line -> {
      if (line.isSavingsPlan()) {
        requireSavingsPlanSubscription(subscription);
        return new OrderPolicy.Line(line.reservationName(), line.type(), "", line.termDuration(), line.quantity());
      }
      ReservationSku sku = catalog.requireOffer(purchase.customerCountry(), line.productId() + ":" + line.skuId(), line.billingPlan())
          .sku();
      return new OrderPolicy.Line(line.reservationName(), sku.type(), sku.vmSize() == null ? "" : sku.vmSize().family(),
          line.termDuration(), line.quantity());
    }).toList();
    policy.check(subscription.kind(), scope.apiName(), ruleLines);
    Purchase ordering = lifecycle.startOrdering(purchase, scope, reseller, agent);
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
    lifecycle.approvalRequested(purchase, reason);
    return new ApprovalView(purchase, reason, cart(purchase));
  }

  /**
   * An approver's decision. Four eyes: whoever started the purchase or chose to buy it (as the purchase's
   * records say, not a form) cannot approve it; a rejection needs a reason, and sends the cart back to the
   * agent with it.
   */
  public void decideApproval(String processInstanceId, boolean approve, String reason, String approver) {
    Purchase purchase = locked(processInstanceId);
    if (purchase.status() != PurchaseStatus.ORDERING) {
      throw new InvalidInputException("This purchase is " + purchase.status().name().toLowerCase() + ": there is nothing to approve.");
    }
    if (approver == null) {
      throw new InvalidInputException("Log in as an approver to decide on this purchase.");
    }
    if (purchase.isRequester(approver)) {
      throw new InvalidInputException("You asked for this purchase, so another approver must decide on it.");
    }
    if (approve) {
      lifecycle.approved(purchase, approver);
      return;
    }
    if (reason == null || reason.isBlank()) {
      throw new InvalidInputException("Say why the order is rejected: the agent reads it at review.");
    }
    if (reason.length() > 1000) {
      throw new InvalidInputException("Keep the reason under 1,000 characters.");
    }
    lifecycle.rejected(purchase, approver, reason.trim());
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
    lifecycle.waitingFor(purchase, status == RegistrationStatus.REGISTERED ? null
        : String.format("Microsoft to register subscription %s for reservations (%s; looked %d time%s, again every minute)",
            purchase.subscriptionName(), status.apiName(), check, check == 1 ? "" : "s"));
    return status;
  }

  /**
   * Ends a purchase not bought within the cart's lifetime: a draft or an open cart. A purchase waiting for its
   * order, or ordered, is never expired.
   *
   * @return whether the purchase ended
   */
  public boolean expire(String processInstanceId) {
    return purchases.lockByProcess(processInstanceId).map(lifecycle::expire).orElse(false);
  }

  /**
   * When a purchase that still waits for the agent (a draft, or an open cart) ends if it is not bought by then:
   * its start plus the cart's lifetime. Empty when it waits for nothing from the agent: what a reminder is for.
   */
  public Optional<Instant> openUntil(String processInstanceId) {
    return purchases.findByProcess(processInstanceId)
        .filter(p -> p.status() == PurchaseStatus.OPEN || p.status() == PurchaseStatus.DRAFT)
        .map(p -> p.createdAt().plus(cartPolicy.lifetime()));
  }

  /**
   * Hands the cart of an exchange's purchase to the exchange: it must hold reservations, and only reservations (a
   * savings plan is bought on its own). The purchase then ends; the exchange buys its lines.
   */
  @Transactional
  public CartView handOverToExchange(String processInstanceId) {
    Purchase purchase = locked(processInstanceId);
    CartView cart = cart(purchase);
    if (cart.lines().isEmpty()) {
      throw new InvalidInputException("Add the new reservations first: the exchange buys what is in the cart.");
    }
    if (cart.lines().stream().anyMatch(PurchaseLine::isSavingsPlan)) {
      throw new InvalidInputException("An exchange buys reservations: remove the savings plan, and buy it in a purchase of its own.");
    }
    lifecycle.exchanged(purchase);
    return cart;
  }

  /** Discards an unfinished purchase; a placed one stays as it is (see {@link PurchaseLifecycle#cancel}). */
  public void cancel(String processInstanceId) {
    purchases.lockByProcess(processInstanceId).ifPresent(lifecycle::cancel);
  }

  private CartView cart(Purchase purchase) {
    // A draft has no currency yet (and no lines): its customer's country, or the default, decides.
    return CartView.of(purchases.lines(purchase.id()),
        purchase.currency() != null ? purchase.currency() : currencies.currencyOf(purchase.customerCountry()));
  }

  private static InventoryContext inventoryContext(Purchase purchase, String region) {
    return new InventoryContext(purchase.customerId(), purchase.subscriptionId(), CatalogFilter.ANY.equals(region) ? null : region);
  }

  private Purchase locked(String processInstanceId) {
    return purchases.lockByProcess(processInstanceId)
        .orElseThrow(() -> new IllegalStateException("No purchase for process instance " + processInstanceId));
  }

  private Purchase requireOpen(String processInstanceId) {
    Purchase purchase = locked(processInstanceId);
    if (purchase.status() != PurchaseStatus.OPEN) {
      throw new InvalidInputException("This purchase is " + purchase.status().name().toLowerCase()
          + " and can no longer be changed. Open the purchase's current task instead.");
    }
    return purchase;
  }

  private static PurchaseLine requireLine(List<PurchaseLine> lines, int lineNo) {
    return lines.stream().filter(l -> l.lineNo() == lineNo).findFirst()
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
}
