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
import com.reservationdesk.purchase.Purchase;
import com.reservationdesk.purchase.PurchaseLine;
import com.reservationdesk.purchase.PurchaseRepository;
import com.reservationdesk.purchase.PurchaseStatus;
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
  private final OrderRepository orders;
  private final Clock clock;

  public OrderService(PartnerCenter partnerCenter, PurchaseRepository purchases, OrderRepository orders, Clock clock) {
    this.partnerCenter = partnerCenter;
    this.purchases = purchases;
    this.orders = orders;
    this.clock = clock;
  }

  /**
   * Builds the Partner Center cart from the purchase (reading each SKU's current catalog item id),
   * checks it out with the purchase's request id and records the orders. A purchase that is already
   * ordered is answered from the records: running this again never orders twice.
   */
  @Transactional
  public OrderPlacement placeOrder(String purchaseId) {
    Purchase purchase = purchases.lock(purchaseId).orElseThrow(() -> new IllegalStateException("No purchase " + purchaseId));
    if (purchase.status() == PurchaseStatus.ORDERED) {
      return new OrderPlacement(purchase.customerId(), orders.ofPurchase(purchaseId), List.of());
    }
    if (purchase.status() != PurchaseStatus.ORDERING) {
      throw new IllegalStateException("Purchase " + purchaseId + " is " + purchase.status() + ", not ready to order");
    }
    List<PurchaseLine> lines = purchases.lines(purchaseId);
    Map<String, PurchaseLine> lineByCatalogItem = new HashMap<>();
    List<CartLineItem> items = new ArrayList<>();
    for (PurchaseLine line : lines) {
      Availability availability = partnerCenter.getAvailability(purchase.customerCountry(), line.productId(), line.skuId());
      if (!availability.isPurchasable()) {
        throw PartnerCenterException.of(ErrorCode.CATALOG_ITEM_NOT_ELIGIBLE, line.description());
      }
      lineByCatalogItem.put(availability.catalogItemId(), line);
      items.add(new CartLineItem(line.lineNo(), availability.catalogItemId(), line.quantity(),
          line.billingPlan().billingCycle(), line.termDuration(),
          new ProvisioningContext(purchase.subscriptionId(), purchase.scope(), ProvisioningContext.durationOf(line.termDuration())),
          purchase.resellerMpnId()));
    }
    var cart = partnerCenter.createCart(purchase.customerId(), new CartRequest(items, purchase.resellerMpnId() != null));
    CheckoutResult result = partnerCenter.checkout(purchase.customerId(), cart.id(), purchase.checkoutRequestId());

    List<PlacedOrder> placed = new ArrayList<>();
    for (Order order : result.orders()) {
      List<PlacedOrder.Line> orderLines = new ArrayList<>();
      Money total = Money.zero(purchase.currency());
      for (Order.LineItem item : order.lineItems()) {
        PurchaseLine line = lineByCatalogItem.get(item.offerId());
        Money lineTotal = line.unitPrice().times(item.quantity());
        total = total.plus(lineTotal);
        orderLines.add(new PlacedOrder.Line(item.lineItemNumber() + 1, line.productId(), line.skuId(), line.reservationName(),
            line.armRegionName(), line.regionDisplayName(), line.termDuration(), line.billingPlan().formValue(),
            item.quantity(), line.unitPrice(), lineTotal));
      }
      PlacedOrder record = new PlacedOrder(order.id(), purchaseId, purchase.customerId(), purchase.customerName(),
          purchase.subscriptionId(), purchase.scope(), purchase.resellerMpnId(), purchase.resellerName(), order.billingCycle(),
          order.status(), total, purchase.orderedBy(), order.creationDate() == null ? clock.instant() : order.creationDate(),
          orderLines);
      orders.insert(record);
      placed.add(record);
      log.info("Order {} placed for purchase {} (customer {}, {} line(s), {})", order.id(), purchaseId,
          purchase.customerId(), orderLines.size(), total);
    }
    List<String> failures = result.orderErrors().stream()
        .map(e -> "Order group " + e.orderGroupId() + " was not created: " + e.description() + " (" + e.code() + ")")
        .toList();
    failures.forEach(f -> log.warn("Purchase {}: {}", purchaseId, f));
    purchases.updateStatus(purchaseId, PurchaseStatus.ORDERED, clock.instant());
    return new OrderPlacement(purchase.customerId(), placed, failures);
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
