package com.reservationdesk.reservation;

import com.reservationdesk.catalog.CatalogService;
import com.reservationdesk.catalog.ReservationOffer;
import com.reservationdesk.common.InvalidInputException;
import com.reservationdesk.partnercenter.BillingPlan;
import com.reservationdesk.partnercenter.Customer;
import com.reservationdesk.partnercenter.Term;
import com.reservationdesk.purchase.PurchaseService;
import com.reservationdesk.subscription.AzureSubscription;
import com.reservationdesk.subscription.SubscriptionService;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Renewing a reservation is buying it again: a new purchase, started for the agent who decided, with the reservation's
 * customer, its subscription (for a shared one, the customer's first active Azure subscription) and a line of the same
 * size, region, term, billing plan and quantity, added as any line is (so a size no longer sold, or now restricted, is
 * said instead of added). The purchase then runs through its review, rules, approval and exactly-once checkout.
 */
@Service
public class Renewals {

  private final PurchaseService purchases;
  private final SubscriptionService subscriptions;
  private final CatalogService catalog;
  private final ReservationWatches watches;

  public Renewals(PurchaseService purchases, SubscriptionService subscriptions, CatalogService catalog, ReservationWatches watches) {
    this.purchases = purchases;
    this.subscriptions = subscriptions;
    this.catalog = catalog;
    this.watches = watches;
  }

  /**
   * What the new purchase holds: its id, and a sentence for the review when the line could not be added as it was.
   *
   * @param note empty when the same reservation is in the cart
   */
  public record RenewalPurchase(String purchaseId, boolean lineAdded, String note) {}

  /**
   * Fills the purchase of a process just started for a renewal (found by its process instance, as every purchase is)
   * from the reservation the watch names, and records the purchase with the watch.
   */
  @Transactional
  public RenewalPurchase fill(String purchaseProcessInstanceId, String watchId) {
    ReservationRecord reservation = watches.reservationOf(watchId);
    Customer customer = purchases.chooseCustomer(purchaseProcessInstanceId, reservation.customerId());
    List<AzureSubscription> eligible = subscriptions.eligibleSubscriptions(customer.id());
    Optional<AzureSubscription> subscription = eligible.stream()
        .filter(s -> reservation.scopeSubscription() != null && s.subscriptionId().equalsIgnoreCase(reservation.scopeSubscription()))
        .findFirst().or(() -> eligible.stream().findFirst());
    if (subscription.isEmpty()) {
      throw new InvalidInputException(customer.companyName() + " has no active Azure subscription to renew the reservation for. "
          + "Add one with a new purchase, then buy the reservation there.");
    }
    String purchaseId = purchases.open(purchaseProcessInstanceId, subscription.get().subscriptionId()).id();
    String what = reservation.quantity() + " \u00d7 " + reservation.armSkuName() + " in " + reservation.armRegionName();
    BillingPlan plan = BillingPlan.of(reservation.billingPlan()).orElse(BillingPlan.UPFRONT);
    Optional<ReservationOffer> offer = Term.isTerm(reservation.termDuration())
        ? catalog.vmReservation(customer.country(), reservation.armRegionName(), reservation.armSkuName(),
            Term.of(reservation.termDuration()), plan)
        : Optional.empty();
    if (offer.isEmpty()) {
      return new RenewalPurchase(purchaseId, false, "Renewing " + what + ": the catalog no longer sells it for "
          + Term.label(reservation.termDuration()) + ". Choose a reservation to replace it.");
    }
    try {
      purchases.addLine(purchaseProcessInstanceId, offer.get().reference(), plan, BigDecimal.valueOf(reservation.quantity()));
    } catch (InvalidInputException refused) {
      return new RenewalPurchase(purchaseId, false, "Renewing " + what + " could not add it as it was: " + refused.getMessage());
    }
    return new RenewalPurchase(purchaseId, true, "Renewal of " + what + ", " + Term.label(reservation.termDuration())
        + ", which expires on " + reservation.expiryDate() + ".");
  }
}
