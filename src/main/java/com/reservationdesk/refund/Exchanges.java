package com.reservationdesk.refund;

import com.reservationdesk.common.InvalidInputException;
import com.reservationdesk.common.Money;
import com.reservationdesk.partnercenter.Customer;
import com.reservationdesk.partnercenter.Term;
import com.reservationdesk.policy.RefundPolicy;
import com.reservationdesk.policy.RefundPolicy.Kind;
import com.reservationdesk.purchase.CartView;
import com.reservationdesk.purchase.PurchaseLine;
import com.reservationdesk.purchase.PurchaseService;
import com.reservationdesk.reservation.AppliedScopeType;
import com.reservationdesk.reservation.ExchangeQuote;
import com.reservationdesk.reservation.NewReservation;
import com.reservationdesk.reservation.ReservationRecord;
import com.reservationdesk.reservation.ReservationRecords;
import com.reservationdesk.reservation.ReservationRefusedException;
import com.reservationdesk.reservation.ReservationReturns;
import com.reservationdesk.reservation.ReservationSweep;
import com.reservationdesk.reservation.ReturnLine;
import com.reservationdesk.reservation.ReturnOperation;
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
 * Exchanging reservations: returning some and buying new ones in one step at Azure, the new commitment at least the
 * returned value (Azure's rule), not counted against the refund budget. What is returned is chosen and quoted as for a
 * return ({@link Returns}); what is bought is chosen in a purchase opened for the exchange, with the purchase's
 * recommendations, filters, prices and cart, whose cart is handed back when the agent chooses to buy. Everything is found
 * by process instance in Reservation Desk's ledger.
 */
@Service
public class Exchanges {

  private final Returns returns;
  private final ReturnLedger ledger;
  private final PurchaseService purchases;
  private final SubscriptionService subscriptions;
  private final ReservationRecords reservations;
  private final ReservationReturns azure;
  private final ReservationSweep sweep;
  private final RefundPolicy policy;
  private final Clock clock;

  public Exchanges(Returns returns, ReturnLedger ledger, PurchaseService purchases, SubscriptionService subscriptions,
      ReservationRecords reservations, ReservationReturns azure, ReservationSweep sweep, RefundPolicy policy, Clock clock) {
    this.returns = returns;
    this.ledger = ledger;
    this.purchases = purchases;
    this.subscriptions = subscriptions;
    this.reservations = reservations;
    this.azure = azure;
    this.sweep = sweep;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * Fills the purchase a process just started for an exchange (found by its process instance): the exchange's customer,
   * the subscription of the first returned reservation (or the customer's first active Azure subscription), and records
   * the purchase with the exchange.
   *
   * @return what the purchase's forms say about the exchange
   */
  @Transactional
  public String fillPurchase(String purchaseProcessInstanceId, String exchangeProcessInstanceId) {
    ReturnRequest exchange = returns.require(exchangeProcessInstanceId);
    if (exchange.kind() != Kind.EXCHANGE || exchange.status() != ReturnStatus.QUOTED) {
      throw new IllegalStateException("Exchange " + exchange.id() + " is not quoted and waiting for its new reservations");
    }
    Customer customer = purchases.chooseCustomer(purchaseProcessInstanceId, exchange.customerId());
    Optional<ReservationRecord> first = reservations.find(exchange.lines().get(0).reservationId());
    List<AzureSubscription> eligible = subscriptions.eligibleSubscriptions(customer.id());
    AzureSubscription subscription = eligible.stream()
        .filter(s -> first.map(ReservationRecord::scopeSubscription).filter(s.subscriptionId()::equalsIgnoreCase).isPresent())
        .findFirst().or(() -> eligible.stream().findFirst())
        .orElseThrow(() -> new InvalidInputException(customer.companyName() + " has no active Azure subscription to buy the new "
            + "reservations for. Add one with a purchase first."));
    String purchaseId = purchases.open(purchaseProcessInstanceId, subscription.subscriptionId()).id();
    ledger.purchaseOpened(exchange.id(), purchaseProcessInstanceId, purchaseId);
    return "Exchange for " + customer.companyName() + ": returning " + String.join("; ", exchange.lines().stream()
        .map(l -> l.quantity() + " of " + l.summary()).toList()) + ", worth " + new Money(exchange.refundAmount(), exchange.currency()).format()
        + ". Choose new reservations that cost at least that much; Buy hands the cart back to the exchange for Azure's quote.";
  }

  /**
   * Hands the cart of an exchange's purchase to its exchange: only while that exchange still waits for it (an exchange
   * that waited longer than its timer, or was cancelled, has ended; its purchase says so instead of buying nothing).
   *
   * @return the exchange's process instance, to tell it the cart is there
   */
  @Transactional
  public String handOver(String purchaseProcessInstanceId) {
    ReturnRequest exchange = ofPurchase(purchaseProcessInstanceId)
        .orElseThrow(() -> new IllegalStateException("Purchase " + purchaseProcessInstanceId + " belongs to no exchange"));
    if (exchange.status() != ReturnStatus.QUOTED) {
      throw new InvalidInputException("The exchange this cart was chosen for has ended (" + Returns.label(exchange.status())
          + "): cancel this purchase, and start a new exchange from the reservations page if the customer still wants one.");
    }
    purchases.handOverToExchange(purchaseProcessInstanceId);
    return exchange.processInstanceId();
  }

  /** The exchange a purchase was opened for, if it was. */
  public Optional<ReturnRequest> ofPurchase(String purchaseProcessInstanceId) {
    return ledger.byPurchaseProcess(purchaseProcessInstanceId);
  }

  /**
   * Asks Azure what the exchange comes to: the returned lines and the new reservations of the handed-over cart, in the
   * returned reservation's scope. A quote Azure refuses, or whose new commitment is below the returned value, is kept
   * with the sentence and cannot be submitted.
   */
  @Transactional
  public ReturnRequest quote(String processInstanceId) {
    ReturnRequest exchange = returns.require(processInstanceId);
    CartView cart = purchases.cart(exchange.purchaseProcessInstanceId());
    List<NewReservation> buying = newReservations(exchange, cart);
    List<ReturnLine> returning = exchange.lines().stream()
        .map(l -> new ReturnLine(l.reservationOrderId(), l.reservationId(), l.quantity())).toList();
    ExchangeQuote quote = Returns.asked(() -> azure.quoteExchange(exchange.customerId(), returning, buying));
    String currency = quote.refundsTotal().currency();
    BigDecimal netUsd = policy.toUsd(quote.netPayable().amount().max(BigDecimal.ZERO), quote.netPayable().currency());
    ledger.quoted(exchange.id(), exchange.reason(), currency, quote.refundsTotal().amount(),
        policy.toUsd(quote.refundsTotal().amount(), currency), quote.purchasesTotal().amount(), quote.netPayable().amount(), netUsd,
        quote.sessionId());
    String problem = null;
    if (!quote.policyErrors().isEmpty()) {
      problem = "Azure will not exchange it: " + String.join(" ", quote.policyErrors());
    } else if (quote.purchasesTotal().amount().compareTo(quote.refundsTotal().amount()) < 0) {
      problem = "The new reservations come to " + quote.purchasesTotal().format() + ", less than the " + quote.refundsTotal().format()
          + " returned: Azure exchanges only for at least the returned value. Choose new reservations again and add more.";
    }
    if (problem != null) {
      ledger.status(exchange.id(), ReturnStatus.QUOTED, problem);
    }
    return returns.require(processInstanceId);
  }

  /** Submits a quoted exchange: not counted against the budget; the approval rules say whether an approver decides. */
  @Transactional
  public Returns.Submission submit(String processInstanceId, String agent) {
    ReturnRequest exchange = returns.require(processInstanceId);
    if (exchange.status() != ReturnStatus.QUOTED && exchange.status() != ReturnStatus.REJECTED) {
      throw new InvalidInputException("Only a quoted exchange can be submitted; this one is " + Returns.label(exchange.status()) + ".");
    }
    if (exchange.problem() != null || exchange.netPayable() == null) {
      throw new InvalidInputException(exchange.problem() == null ? "Ask Azure for a quote first." : exchange.problem());
    }
    RefundBudget budget = returns.budget(exchange.customerId());
    Optional<String> approval = policy.approval(Kind.EXCHANGE, exchange.netPayableUsd(), budget.leftUsd());
    ReturnStatus status = approval.isPresent() ? ReturnStatus.AWAITING_APPROVAL : ReturnStatus.APPROVED;
    ledger.submitted(exchange.id(), status, agent, approval.orElse(null), UUID.randomUUID().toString(), clock.instant());
    return new Returns.Submission(approval.isPresent() ? Returns.Submitted.NEEDS_APPROVAL : Returns.Submitted.CLEARED,
        approval.orElse(null), budget);
  }

  /**
   * Asks Azure to exchange, with the request id saved at submission: a fresh quote first (a session is short-lived),
   * then one exchange operation. A retry after a crash finds the operation already started, or asks again with the same
   * request id, which Azure answers with the operation it started.
   */
  @Transactional
  public ReturnRequest start(String processInstanceId) {
    ReturnRequest exchange = returns.require(processInstanceId);
    if (exchange.status() != ReturnStatus.APPROVED && exchange.status() != ReturnStatus.RUNNING) {
      throw new IllegalStateException("Exchange " + exchange.id() + " is " + exchange.status() + ", not approved");
    }
    if (exchange.operationId() != null) {
      return exchange;
    }
    List<ReturnLine> returning = exchange.lines().stream()
        .map(l -> new ReturnLine(l.reservationOrderId(), l.reservationId(), l.quantity())).toList();
    ExchangeQuote fresh;
    try {
      fresh = azure.quoteExchange(exchange.customerId(), returning,
          newReservations(exchange, purchases.cart(exchange.purchaseProcessInstanceId())));
    } catch (ReservationRefusedException refused) {
      // Perhaps Azure already exchanged it and the node died before this was recorded: the request id finds that operation.
      ReturnOperation earlier;
      try {
        earlier = azure.startExchange(exchange.customerId(), null, exchange.requestId());
      } catch (ReservationRefusedException none) {
        throw refused;
      }
      ledger.exchangeStarted(exchange.id(), exchange.sessionId(), earlier.operationId());
      return returns.require(processInstanceId);
    }
    ReturnOperation op = azure.startExchange(exchange.customerId(), fresh.sessionId(), exchange.requestId());
    ledger.exchangeStarted(exchange.id(), fresh.sessionId(), op.operationId());
    return returns.require(processInstanceId);
  }

  /** Looks at Azure's exchange operation; when it ended, records it (new reservation orders, or why not). */
  @Transactional
  public boolean check(String processInstanceId) {
    ReturnRequest exchange = returns.require(processInstanceId);
    ReturnOperation op = azure.operation(exchange.customerId(), exchange.operationId());
    if (op.status() == ReturnOperation.Status.RUNNING) {
      return false;
    }
    boolean done = op.status() == ReturnOperation.Status.SUCCEEDED;
    ledger.completed(exchange.id(), done ? ReturnStatus.SUCCEEDED : ReturnStatus.FAILED, exchange.refundAmount(), exchange.refundUsd(),
        done ? String.join(", ", op.newReservationOrderIds()) : null,
        done ? null : "Azure did not exchange it: " + (op.error() == null ? "no reason given." : op.error()), clock.instant());
    sweep.syncCustomer(exchange.customerId());
    return true;
  }

  private List<NewReservation> newReservations(ReturnRequest exchange, CartView cart) {
    ReservationRecord first = reservations.find(exchange.lines().get(0).reservationId())
        .orElseThrow(() -> new IllegalStateException("No reservation " + exchange.lines().get(0).reservationId()));
    String subscription = purchases.ofProcess(exchange.purchaseProcessInstanceId()).subscriptionId();
    return cart.lines().stream().map(l -> newReservation(l, first, subscription)).toList();
  }

  /** In the returned reservation's scope (single: its subscription), billed to the purchase's subscription. */
  private static NewReservation newReservation(PurchaseLine line, ReservationRecord returned, String subscription) {
    if (line.isSavingsPlan()) {
      throw new InvalidInputException("An exchange buys reservations: a savings plan is bought in a purchase of its own.");
    }
    return new NewReservation(line.reservationName(), line.armRegionName(), Term.of(line.termDuration()), line.billingPlan(),
        line.quantity(), returned.scopeType(), returned.scopeType() == AppliedScopeType.SINGLE && returned.scopeSubscription() != null
            ? returned.scopeSubscription() : subscription, line.reservationName() + " (exchange)");
  }
}
