package com.reservationdesk.order;

import com.reservationdesk.common.Money;
import com.reservationdesk.partnercenter.Availability;
import com.reservationdesk.partnercenter.CartLineItem;
import com.reservationdesk.partnercenter.CartRequest;
import com.reservationdesk.partnercenter.CheckoutResult;
import com.reservationdesk.partnercenter.ErrorCode;
import com.reservationdesk.partnercenter.Order;
import com.reservationdesk.partnercenter.PartnerCenter;
import com.reservationdesk.partnercenter.PartnerCenterException;
import com.reservationdesk.partnercenter.ProvisioningContext;
import com.reservationdesk.partnercenter.PurchaseCommitment;
import com.reservationdesk.purchase.CartView;
import com.reservationdesk.purchase.Purchase;
import com.reservationdesk.purchase.PurchaseLifecycle;
import com.reservationdesk.purchase.PurchaseLine;
import com.reservationdesk.purchase.PurchaseRepository;
import com.reservationdesk.purchase.PurchaseStatus;
import com.reservationdesk.subscription.SubscriptionService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Places a purchase's cart with Partner Center, once, and records the orders it yields. */
@Service
public class OrderService {

  private static final Logger log = LoggerFactory.getLogger(OrderService.class);

  private final PartnerCenter partnerCenter;
  private final PurchaseRepository purchases;
  private final PurchaseLifecycle lifecycle;
  private final OrderRepository orders;
  private final OrderMetrics metrics;
  private final SubscriptionService subscriptions;
  private final Clock clock;

  public OrderService(PartnerCenter partnerCenter, PurchaseRepository purchases, PurchaseLifecycle lifecycle, OrderRepository orders,
      OrderMetrics metrics, SubscriptionService subscriptions, Clock clock) {
    this.subscriptions = subscriptions;
    this.lifecycle = lifecycle;
    this.partnerCenter = partnerCenter;
    this.purchases = purchases;
    this.orders = orders;
    this.metrics = metrics;
    this.clock = clock;
  }

  /**
   * Builds the Partner Center cart from the open lines of the purchase of a process instance (reading each SKU's current catalog
   * item id), checks it out with the purchase's request id and records the orders.
   *
   * <ul>
   *   <li>The request id was saved and committed when the agent chose to buy; every retry reuses it, so
   *       a retry after a timeout gets the first checkout's orders, not new ones.
   *   <li>A purchase already ordered is answered from the records.
   *   <li>A refusal the agent can act on (inventory, quantity, reseller, eligibility) reopens the cart
   *       with the reason; a partly failed checkout records what was ordered and reopens the rest.
   *   <li>409 "in progress" changes nothing: the process looks again later.
   *   <li>Anything else is technical and is thrown: the job is retried, then becomes an incident.
   * </ul>
   */
  @Transactional
  public OrderPlacement placeOrder(String processInstanceId) {
    Purchase purchase = purchases.lockByProcess(processInstanceId)
        .orElseThrow(() -> new IllegalStateException("No purchase for process instance " + processInstanceId));
    String purchaseId = purchase.id();
    if (purchase.status() == PurchaseStatus.ORDERED) {
      return new OrderPlacement(OrderPlacement.Outcome.PLACED, purchase.customerId(), orders.ofPurchase(purchaseId), null);
    }
    if (purchase.status() != PurchaseStatus.ORDERING) {
      throw new IllegalStateException("Purchase " + purchaseId + " is " + purchase.status() + ", not ready to order");
    }
    List<PurchaseLine> lines = purchases.lines(purchaseId);
    Map<String, PurchaseLine> lineByCatalogItem = new HashMap<>();
    CheckoutResult result;
    try {
      List<CartLineItem> items = new ArrayList<>();
      for (PurchaseLine line : lines) {
        Availability availability = partnerCenter.getAvailability(purchase.customerCountry(), line.productId(), line.skuId());
        if (!availability.isPurchasable()) {
          throw PartnerCenterException.of(ErrorCode.CATALOG_ITEM_NOT_ELIGIBLE, line.description());
        }
        lineByCatalogItem.put(availability.catalogItemId(), line);
        if (line.isSavingsPlan()) {
          items.add(new CartLineItem(line.lineNo(), availability.catalogItemId(), 1, line.billingPlan().billingCycle(),
              line.termDuration(), ProvisioningContext.savingsPlan(purchase.scope(), subscriptions.savingsPlanTarget(purchase.customerId(),
                  purchase.subscriptionId(), purchase.scope())),
              purchase.resellerMpnId(), PurchaseCommitment.hourly(line.hourlyCommitment(), purchase.currency())));
          continue;
        }
        items.add(new CartLineItem(line.lineNo(), availability.catalogItemId(), line.quantity(),
            line.billingPlan().billingCycle(), line.termDuration(),
            new ProvisioningContext(purchase.subscriptionId(), purchase.scope().apiName(),
                ProvisioningContext.durationOf(line.termDuration())),
            purchase.resellerMpnId()));
      }
      var cart = partnerCenter.createCart(purchase.customerId(), new CartRequest(items, purchase.resellerMpnId() != null));
      result = partnerCenter.checkout(purchase.customerId(), cart.id(), purchase.checkoutRequestId());
    } catch (PartnerCenterException e) {
      if (ErrorCode.inProgress(e.code())) {
        log.info("Purchase {}: Partner Center is still processing ({}); looking again later", purchaseId, e.getMessage());
        metrics.checkout(OrderPlacement.Outcome.IN_PROGRESS, 0);
        lifecycle.waitingFor(purchase, "Partner Center to finish the order (it is still processing it; Reservation Desk asks "
            + "again every minute with the same request)");
        return new OrderPlacement(OrderPlacement.Outcome.IN_PROGRESS, purchase.customerId(), orders.ofPurchase(purchaseId), null);
      }
      if (!ErrorCode.agentCanAct(e.code())) {
        throw e;
      }
      String problem = "Partner Center refused the order: " + e.getMessage() + ". " + ErrorCode.adviceFor(e.code());
      lifecycle.refused(purchase, problem);
      log.info("Purchase {} refused by Partner Center, back to the agent: {}", purchaseId, e.getMessage());
      metrics.checkout(OrderPlacement.Outcome.REFUSED, 0);
      return new OrderPlacement(OrderPlacement.Outcome.REFUSED, purchase.customerId(), orders.ofPurchase(purchaseId), problem,
          CartView.of(purchases.lines(purchaseId), purchase.currency()));
    }

    for (Order order : result.orders()) {
      List<PlacedOrder.Line> orderLines = new ArrayList<>();
      Money total = Money.zero(purchase.currency());
      for (Order.LineItem item : order.lineItems()) {
        PurchaseLine line = lineByCatalogItem.get(item.offerId());
        Money lineTotal = line.unitPrice().times(item.quantity());
        total = total.plus(lineTotal);
        orderLines.add(new PlacedOrder.Line(item.lineItemNumber() + 1, line.productId(), line.skuId(), line.reservationName(),
            line.armRegionName(), line.regionDisplayName(), line.termDuration(), line.billingPlan(),
            item.quantity(), line.unitPrice(), lineTotal, line.hourlyCommitment()));
        lifecycle.lineOrdered(purchase, line.lineNo(), order.id());
      }
      PlacedOrder record = new PlacedOrder(order.id(), purchaseId, purchase.customerId(), purchase.customerName(),
          purchase.subscriptionId(), purchase.scope(), purchase.resellerMpnId(), purchase.resellerName(), order.billingCycle(),
          order.status(), total, purchase.orderedBy(), order.creationDate() == null ? clock.instant() : order.creationDate(),
          orderLines);
      orders.insert(record);
      log.info("Order {} placed for purchase {} (customer {}, {} line(s), {})", order.id(), purchaseId,
          purchase.customerId(), orderLines.size(), total);
    }
    if (!result.orderErrors().isEmpty()) {
      String problem = "Partner Center ordered part of the cart" + (result.orders().isEmpty() ? "" : " (order "
          + String.join(", ", result.orders().stream().map(Order::id).toList()) + ")") + " and refused the rest: "
          + String.join("; ", result.orderErrors().stream()
              .map(e -> e.description() + " (Partner Center error " + e.code() + ")").toList())
          + ". The refused lines are back in the cart: change them and buy again, or cancel them.";
      lifecycle.refused(purchase, problem);
      log.warn("Purchase {} partly ordered: {}", purchaseId, problem);
      metrics.checkout(OrderPlacement.Outcome.PARTLY_PLACED, result.orders().size());
      return new OrderPlacement(OrderPlacement.Outcome.PARTLY_PLACED, purchase.customerId(), orders.ofPurchase(purchaseId), problem,
          CartView.of(purchases.lines(purchaseId), purchase.currency()));
    }
    lifecycle.ordered(purchase);
    metrics.checkout(OrderPlacement.Outcome.PLACED, result.orders().size());
    return new OrderPlacement(OrderPlacement.Outcome.PLACED, purchase.customerId(), orders.ofPurchase(purchaseId), null);
  }

  public List<PlacedOrder> ordersOfCustomer(String customerId, int limit) {
    return orders.ofCustomer(customerId, limit);
  }

  public List<PlacedOrder> newestOrders(int limit) {
    return orders.newest(limit);
  }

  public Optional<PlacedOrder> order(String orderId) {
    return orders.find(orderId);
  }
}
