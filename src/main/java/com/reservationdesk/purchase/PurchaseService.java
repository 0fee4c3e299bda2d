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
import com.reservationdesk.policy.OrderPolicy;
import com.reservationdesk.process.PurchaseMetrics;
import com.reservationdesk.pricing.Currencies;
import com.reservationdesk.reseller.ResellerService;
import com.reservationdesk.subscription.AzureSubscription;
import com.reservationdesk.subscription.SubscriptionService;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
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
  private final PurchaseMetrics metrics;
  private final Clock clock;

  public PurchaseService(PurchaseRepository purchases, CustomerService customers, SubscriptionService subscriptions,
      CatalogService catalog, ResellerService resellers, Currencies currencies, OrderPolicy policy, PurchaseMetrics metrics,
      Clock clock) {
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

  /** Starts a purchase once the agent has chosen a customer and one of its active Azure subscriptions. */
  public Purchase open(String customerId, String subscriptionId, String agent, String processInstanceId) {
    Customer customer = customers.requireCustomer(customerId);
    AzureSubscription subscription = subscriptions.requireEligible(customer.id(), subscriptionId);
    Purchase purchase = new Purchase(UUID.randomUUID().toString(), customer.id(), customer.companyName(), customer.country(),
        subscription.subscriptionId(), subscription.friendlyName(), PurchaseStatus.OPEN, currencies.currencyOf(customer.country()),
        null, null, null, null,
        agent, null, clock.instant());
    purchases.insert(purchase, processInstanceId, clock.instant());
    metrics.purchaseOpened();
    return purchase;
  }

  public Purchase get(String purchaseId) {
    return purchases.find(purchaseId).orElseThrow(() -> new IllegalStateException("No purchase " + purchaseId));
  }

  /** Checks a filter against the catalog of the purchase's customer's market, before the search runs. */
  public void checkFilter(String purchaseId, CatalogFilter filter) {
    catalog.checkFilter(get(purchaseId).customerCountry(), filter);
  }

  /**
   * Searches the catalog of the purchase's customer's market, priced in its currency, with the
   * inventory restrictions of the purchase's subscription.
   */
  public CatalogSearchResult findOffers(String purchaseId, CatalogFilter filter) {
    Purchase purchase = get(purchaseId);
    return catalog.search(purchase.customerCountry(), filter, inventoryContext(purchase, filter.region()));
  }

  private static InventoryContext inventoryContext(Purchase purchase, String region) {
    return new InventoryContext(purchase.customerId(), purchase.subscriptionId(), CatalogFilter.ANY.equals(region) ? null : region);
  }

  public CartView cart(String purchaseId) {
    return cart(get(purchaseId));
  }

  private CartView cart(Purchase purchase) {
    return CartView.of(purchases.lines(purchase.id()), purchase.currency());
  }

  /**
   * Adds a reservation to the cart; the same SKU and billing plan again adds to its line's quantity,
   * as the dashboard's cart does.
   */
  public CartView addLine(String purchaseId, String reservation, String billingPlan, Object quantityValue) {
    Purchase purchase = requireOpen(purchaseId);
    ReservationOffer offer = catalog.requireOffer(purchase.customerCountry(), reservation, billingPlan);
    ReservationSku sku = offer.sku();
    long quantity = quantity(quantityValue, sku);
    catalog.requireAvailable(purchase.customerCountry(), inventoryContext(purchase, sku.armRegionName()), offer);
    List<PurchaseLine> lines = purchases.lines(purchaseId);
    Optional<PurchaseLine> same = lines.stream()
        .filter(l -> l.productId().equals(sku.productId()) && l.skuId().equals(sku.skuId())
            && l.billingPlan() == offer.billingPlan())
        .findFirst();
    if (same.isPresent()) {
      long total = same.get().quantity() + quantity;
      requireQuantityRange(total, sku, " in total (the cart already holds " + same.get().quantity() + ")");
      purchases.updateQuantity(purchaseId, same.get().lineNo(), total);
    } else {
      int lineNo = purchases.nextLineNo(purchaseId);
      purchases.insertLine(purchaseId, new PurchaseLine(lineNo, sku.productId(), sku.skuId(), sku.type(), sku.displayName(),
          sku.armRegionName(), sku.regionDisplayName(), sku.termDuration(), offer.billingPlan(), quantity, offer.unitPrice()));
    }
    return cart(purchase);
  }

  public CartView changeQuantity(String purchaseId, Object lineValue, Object quantityValue) {
    Purchase purchase = requireOpen(purchaseId);
    PurchaseLine line = requireLine(purchaseId, lineValue);
    ReservationOffer offer = catalog.requireOffer(purchase.customerCountry(), line.productId() + ":" + line.skuId(),
        line.billingPlan().formValue());
    purchases.updateQuantity(purchaseId, line.lineNo(), quantity(quantityValue, offer.sku()));
    return cart(purchase);
  }

  public CartView removeLine(String purchaseId, Object lineValue) {
    Purchase purchase = requireOpen(purchaseId);
    purchases.deleteLine(purchaseId, requireLine(purchaseId, lineValue).lineNo());
    return cart(purchase);
  }

  /**
   * The agent chose to buy: checks the cart, scope and reseller, then freezes the purchase with the
   * request id every checkout attempt will reuse.
   */
  public Purchase readyToOrder(String purchaseId, String scopeValue, String resellerMpnId, String agent) {
    Purchase purchase = requireOpen(purchaseId);
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
    purchases.markOrdering(purchaseId, scope.apiName(), reseller.map(Reseller::mpnId).orElse(null),
        reseller.map(Reseller::name).orElse(null), UUID.randomUUID().toString(), agent, clock.instant());
    return get(purchaseId);
  }

  /** What the approval table decides on: the cart's currency, total and units. */
  public ApprovalRequest approvalRequest(String purchaseId) {
    Purchase purchase = get(purchaseId);
    CartView cart = cart(purchase);
    return new ApprovalRequest(purchase.currency(), cart.total(), cart.lines().stream().mapToLong(PurchaseLine::quantity).sum());
  }

  /**
   * An approver's decision. An approver does not approve their own purchase; a rejection needs a
   * reason, and sends the cart back to the agent with it.
   */
  public void decideApproval(String purchaseId, String decision, String reason, String approver, String requestedBy) {
    Purchase purchase = purchases.lock(purchaseId).orElseThrow(() -> new IllegalStateException("No purchase " + purchaseId));
    if (purchase.status() != PurchaseStatus.ORDERING) {
      throw new InvalidInputException("This purchase is " + purchase.status().name().toLowerCase() + ": there is nothing to approve.");
    }
    if (approver != null && approver.equals(requestedBy)) {
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
  public boolean expire(String purchaseId) {
    if (purchaseId == null) {
      return true;
    }
    Optional<Purchase> purchase = purchases.lock(purchaseId).filter(p -> p.status() == PurchaseStatus.OPEN);
    purchase.ifPresent(p -> purchases.updateStatus(purchaseId,
        purchases.hasOrderedLines(purchaseId) ? PurchaseStatus.ORDERED : PurchaseStatus.EXPIRED, clock.instant()));
    return purchase.isPresent();
  }

  /** Whether the purchase still waits for the agent (or has not started): what a reminder is for. */
  public boolean isOpen(String purchaseId) {
    return purchaseId == null || purchases.find(purchaseId).map(p -> p.status() == PurchaseStatus.OPEN).orElse(false);
  }

  /**
   * Discards an unfinished purchase (open, or waiting for approval or registration: nothing was sent
   * to Partner Center yet); a placed one stays as it is.
   */
  public void cancel(String purchaseId) {
    if (purchaseId == null) {
      return;
    }
    // Lines already ordered (a partly placed checkout) stay ordered: the purchase then counts as ordered.
    purchases.lock(purchaseId).filter(p -> p.status() == PurchaseStatus.OPEN || p.status() == PurchaseStatus.ORDERING)
        .ifPresent(p -> purchases.updateStatus(purchaseId,
            purchases.hasOrderedLines(purchaseId) ? PurchaseStatus.ORDERED : PurchaseStatus.CANCELLED, clock.instant()));
  }

  private Purchase requireOpen(String purchaseId) {
    Purchase purchase = purchases.lock(purchaseId).orElseThrow(() -> new IllegalStateException("No purchase " + purchaseId));
    if (purchase.status() != PurchaseStatus.OPEN) {
      throw new InvalidInputException("This purchase is " + purchase.status().name().toLowerCase()
          + " and can no longer be changed. Open the purchase's current task instead.");
    }
    return purchase;
  }

  private PurchaseLine requireLine(String purchaseId, Object lineValue) {
    Integer lineNo = null;
    if (lineValue instanceof Number number) {
      lineNo = number.intValue();
    } else if (lineValue instanceof String text && text.trim().matches("\\d{1,6}")) {
      lineNo = Integer.parseInt(text.trim());
    }
    Integer wanted = lineNo;
    return purchases.lines(purchaseId).stream().filter(l -> wanted != null && l.lineNo() == wanted).findFirst()
        .orElseThrow(() -> new InvalidInputException("Choose the cart line to change or remove."));
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
