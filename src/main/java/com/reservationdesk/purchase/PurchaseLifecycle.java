package com.reservationdesk.purchase;

import com.reservationdesk.common.InvalidInputException;
import com.reservationdesk.partnercenter.Customer;
import com.reservationdesk.partnercenter.Reseller;
import com.reservationdesk.partnercenter.Scope;
import com.reservationdesk.subscription.AzureSubscription;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * A purchase's whole life, in one place: every change of its status and of the facts recorded with it goes
 * through here, checked against {@link PurchaseStatus}'s transitions.
 *
 * <pre>
 *   begin ──▶ DRAFT ──open──▶ OPEN ──startOrdering──▶ ORDERING ──ordered──▶ ORDERED
 *               │               ▲  │                    │   │
 *               │               └──┼── rejected/refused ┘   └─ cancel ─▶ CANCELLED (or ORDERED, if lines were ordered)
 *               │                  └─ cancel ─▶ CANCELLED;  expire ─▶ EXPIRED (or ORDERED)
 *               └─ cancel ─▶ CANCELLED;  expire ─▶ EXPIRED
 * </pre>
 *
 * Callers lock the purchase ({@link PurchaseRepository#lockByProcess}) before a change, so two agents (or a
 * job and an agent) completing at the same moment change it one after the other.
 */
@Component
public class PurchaseLifecycle {

  private final PurchaseRepository purchases;
  private final Clock clock;

  public PurchaseLifecycle(PurchaseRepository purchases, Clock clock) {
    this.purchases = purchases;
    this.clock = clock;
  }

  /** A new draft, started by {@code agent} with its process; its id. */
  public String begin(String processInstanceId, String agent) {
    String id = UUID.randomUUID().toString();
    purchases.insertDraft(id, processInstanceId, agent, clock.instant());
    return id;
  }

  /** The customer of a draft; a purchase past its draft keeps the customer it has. */
  public void chooseCustomer(String processInstanceId, Customer customer, String currency) {
    if (purchases.chooseCustomerOfDraft(processInstanceId, customer.id(), customer.companyName(), customer.country(), currency,
        clock.instant()) == 0) {
      throw new InvalidInputException("This purchase's customer and subscription are already chosen. Open the purchase's current "
          + "task instead.");
    }
  }

  /** DRAFT → OPEN: the subscription is chosen, the cart opens. */
  public Purchase open(Purchase draft, AzureSubscription subscription) {
    require(draft, PurchaseStatus.OPEN);
    Instant now = clock.instant();
    purchases.open(draft.id(), subscription.subscriptionId(), subscription.friendlyName(), now);
    return new Purchase(draft.id(), draft.processInstanceId(), draft.customerId(), draft.customerName(), draft.customerCountry(),
        subscription.subscriptionId(), subscription.friendlyName(), PurchaseStatus.OPEN, draft.currency(), null, null, null, null,
        draft.createdBy(), null, draft.createdAt(), null, null, null, null, now);
  }

  /** OPEN → ORDERING: frozen with the request id every checkout attempt will reuse. */
  public Purchase startOrdering(Purchase open, Scope scope, Optional<Reseller> reseller, String agent) {
    require(open, PurchaseStatus.ORDERING);
    String requestId = UUID.randomUUID().toString();
    Instant now = clock.instant();
    String mpnId = reseller.map(Reseller::mpnId).orElse(null);
    String resellerName = reseller.map(Reseller::name).orElse(null);
    purchases.markOrdering(open.id(), scope.apiName(), mpnId, resellerName, requestId, agent, now);
    return new Purchase(open.id(), open.processInstanceId(), open.customerId(), open.customerName(), open.customerCountry(),
        open.subscriptionId(), open.subscriptionName(), PurchaseStatus.ORDERING, open.currency(), scope, mpnId, resellerName,
        requestId, open.createdBy(), agent, open.createdAt(), open.approvalReason(), open.decidedBy(), open.rejectionReason(), null,
        now);
  }

  /** The order waits for an approver, for the reason the approval table gave. */
  public void approvalRequested(Purchase ordering, String reason) {
    purchases.recordApprovalReason(ordering.id(), reason, "an approver (group approvers) to approve the order"
        + (reason == null || reason.isBlank() ? "" : ": " + reason), clock.instant());
  }

  public void approved(Purchase ordering, String approver) {
    purchases.recordDecision(ordering.id(), approver, null, clock.instant());
  }

  /** ORDERING → OPEN: an approver said no; the cart goes back to the agent with the reason. */
  public void rejected(Purchase ordering, String approver, String reason) {
    require(ordering, PurchaseStatus.OPEN);
    purchases.recordDecision(ordering.id(), approver, reason, clock.instant());
    purchases.reopen(ordering.id(), null, clock.instant());
  }

  /** ORDERING → OPEN: Partner Center refused (all or part of) the cart; what is left goes back with the problem. */
  public void refused(Purchase ordering, String problem) {
    require(ordering, PurchaseStatus.OPEN);
    purchases.reopen(ordering.id(), problem, clock.instant());
  }

  /** A line Partner Center ordered leaves the cart; the order keeps it. */
  public void lineOrdered(Purchase ordering, int lineNo, String orderId) {
    purchases.markLineOrdered(ordering.id(), lineNo, orderId);
  }

  /** ORDERING → ORDERED: every line is ordered. */
  public void ordered(Purchase ordering) {
    require(ordering, PurchaseStatus.ORDERED);
    purchases.updateStatus(ordering.id(), PurchaseStatus.ORDERED, clock.instant());
  }

  /** What an ordered purchase waits for, so its agent can see it while no task is open; null: nothing. */
  public void waitingFor(Purchase purchase, String what) {
    if (!Objects.equals(purchase.waitingFor(), what)) {
      purchases.waitingFor(purchase.id(), what, clock.instant());
    }
  }

  /**
   * Gives up an unfinished purchase (a draft, an open cart, or one waiting for approval or registration:
   * nothing was sent to Partner Center for it yet). Lines already ordered (a partly placed checkout) stay
   * ordered, and the purchase then counts as ordered. A finished purchase stays as it is.
   *
   * @return whether it changed
   */
  public boolean cancel(Purchase purchase) {
    return end(purchase, PurchaseStatus.CANCELLED);
  }

  /** Ends a draft or an open cart not bought within the cart's lifetime, like {@link #cancel}; never an ordering one. */
  public boolean expire(Purchase purchase) {
    return purchase.status() != PurchaseStatus.ORDERING && end(purchase, PurchaseStatus.EXPIRED);
  }

  /** Hands an open cart to the exchange it was opened for: the exchange buys it, not a checkout. */
  public void exchanged(Purchase open) {
    require(open, PurchaseStatus.EXCHANGED);
    purchases.updateStatus(open.id(), PurchaseStatus.EXCHANGED, clock.instant());
  }

  private boolean end(Purchase purchase, PurchaseStatus end) {
    if (!purchase.status().canBecome(end)) {
      return false;
    }
    purchases.updateStatus(purchase.id(), purchases.hasOrderedLines(purchase.id()) ? PurchaseStatus.ORDERED : end, clock.instant());
    return true;
  }

  private static void require(Purchase purchase, PurchaseStatus next) {
    if (!purchase.status().canBecome(next)) {
      throw new IllegalStateException("Purchase " + purchase.id() + " is " + purchase.status() + " and cannot become " + next);
    }
  }
}
