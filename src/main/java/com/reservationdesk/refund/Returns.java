package com.reservationdesk.refund;

import com.reservationdesk.common.InvalidInputException;
import com.reservationdesk.common.Money;
import com.reservationdesk.partnercenter.Term;
import com.reservationdesk.policy.RefundPolicy;
import com.reservationdesk.policy.RefundPolicy.Kind;
import com.reservationdesk.reservation.RefundQuote;
import com.reservationdesk.reservation.ReservationRecord;
import com.reservationdesk.reservation.ReservationRecords;
import com.reservationdesk.reservation.ReservationRefusedException;
import com.reservationdesk.reservation.ReservationReturns;
import com.reservationdesk.reservation.ReservationSweep;
import com.reservationdesk.reservation.ReturnLine;
import com.reservationdesk.reservation.ReturnOperation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Returning reservations for a refund, from the agent's choice to Azure's last answer, with the customer's refund budget
 * kept in Reservation Desk's own ledger. Every step finds its return by the process instance that handles it (never by
 * anything an agent sent), checks the agent's choice against the customer's reservations as Reservation Desk knows them,
 * and asks Azure through the {@link ReservationReturns} port. The budget is checked and held under a lock on the customer's
 * budget row, so two returns for one customer at once are counted one after the other, on any number of nodes.
 */
@Service
public class Returns {

  /** At most this many reservations in one return (one call to Azure each). */
  public static final int MAX_LINES = 3;

  private final ReturnLedger ledger;
  private final ReservationRecords reservations;
  private final ReservationReturns azure;
  private final ReservationSweep sweep;
  private final RefundPolicy policy;
  private final Clock clock;

  public Returns(ReturnLedger ledger, ReservationRecords reservations, ReservationReturns azure, ReservationSweep sweep, RefundPolicy policy,
      Clock clock) {
    this.ledger = ledger;
    this.reservations = reservations;
    this.azure = azure;
    this.sweep = sweep;
    this.policy = policy;
    this.clock = clock;
  }

  /** What the agent chose: a reservation (its id) and how many of its instances to return. */
  public record Choice(String reservationId, long quantity) {}

  /** How a submission ended. */
  public enum Submitted { OVER_BUDGET, NEEDS_APPROVAL, CLEARED }

  /**
   * Opens a return (or exchange) of the reservation an agent named, for its customer: the reservation must be one
   * Reservation Desk knows and in effect.
   */
  @Transactional
  public ReturnRequest open(String processInstanceId, Kind kind, String agent, String reservationId) {
    ReservationRecord first = returnable(reservationId == null ? "" : reservationId.trim(), null);
    String id = UUID.randomUUID().toString();
    ledger.insert(id, processInstanceId, kind, first.customerId(), first.customerName(), policy.budget(kind).counted(), agent, clock.instant());
    ledger.replaceLines(id, List.of(new ReturnRequest.Line(1, first.reservationOrderId(), first.reservationId(), summary(first),
        first.quantity(), null, null, null, null, null)));
    return require(processInstanceId);
  }

  public ReturnRequest require(String processInstanceId) {
    return ledger.byProcess(processInstanceId)
        .orElseThrow(() -> new IllegalStateException("No return is recorded for process instance " + processInstanceId));
  }

  /** The customer's reservations an agent may return: in effect and not expired, soonest expiry first. */
  public List<ReservationRecord> returnable(String customerId) {
    LocalDate today = today();
    return reservations.list(new ReservationRecords.Query(customerId, null, null, ReservationRecords.Sort.EXPIRY, 200, 0), today).stream()
        .filter(r -> r.isInEffect() && !r.expiryDate().isBefore(today)).toList();
  }

  /** The customer's refund budget now. */
  public RefundBudget budget(String customerId) {
    RefundPolicy.Budget rules = policy.budget(Kind.RETURN);
    LocalDate since = today().minusDays(rules.windowDays() - 1L);
    ReturnLedger.Used used = ledger.used(customerId, since.atStartOfDay(ZoneOffset.UTC).toInstant());
    BigDecimal left = rules.limitUsd().subtract(used.usd()).max(BigDecimal.ZERO);
    return new RefundBudget(customerId, rules.limitUsd(), used.usd(), left, rules.windowDays(), since, used.returns());
  }

  /**
   * Checks the agent's choice and asks Azure what returning it gives back: each reservation one of the customer's, in
   * effect, chosen once, a quantity from 1 to what it has; a reason for Azure. Nothing is held yet.
   */
  @Transactional
  public ReturnRequest quote(String processInstanceId, List<Choice> choices, String reason) {
    ReturnRequest request = require(processInstanceId);
    if (!request.status().isChangeable()) {
      throw new InvalidInputException("This return was already submitted; it can no longer change.");
    }
    String why = reason == null ? "" : reason.trim();
    if (why.isEmpty()) {
      throw new InvalidInputException("Say why the customer returns it: Azure records the reason with the return.");
    }
    if (why.length() > 1000) {
      throw new InvalidInputException("The reason is too long: at most 1,000 characters.");
    }
    if (choices.isEmpty()) {
      throw new InvalidInputException("Choose at least one reservation to return.");
    }
    if (choices.size() > MAX_LINES) {
      throw new InvalidInputException("At most " + MAX_LINES + " reservations in one return; return the others in another one.");
    }
    Set<String> seen = new HashSet<>();
    List<ReturnRequest.Line> lines = new ArrayList<>();
    Money total = null;
    for (Choice choice : choices) {
      ReservationRecord r = returnable(choice.reservationId(), request.customerId());
      if (!seen.add(r.reservationId())) {
        throw new InvalidInputException("Each reservation once: " + summary(r) + " is chosen twice.");
      }
      if (choice.quantity() < 1 || choice.quantity() > r.quantity()) {
        throw new InvalidInputException("Return 1 to " + r.quantity() + " of " + summary(r) + ": it has " + r.quantity() + ".");
      }
      RefundQuote quote = quoteAtAzure(request.customerId(), new ReturnLine(r.reservationOrderId(), r.reservationId(), choice.quantity()));
      Money refund = quote.billingRefundAmount();
      if (total != null && !total.currency().equals(refund.currency())) {
        throw new InvalidInputException("Azure quotes these reservations in different currencies (" + total.currency() + ", "
            + refund.currency() + "): return them one at a time.");
      }
      total = total == null ? refund : total.plus(refund);
      lines.add(new ReturnRequest.Line(lines.size() + 1, r.reservationOrderId(), r.reservationId(), summary(r), choice.quantity(),
          refund.amount(), null, null, null, null));
    }
    ledger.replaceLines(request.id(), lines);
    BigDecimal usd = policy.toUsd(total.amount(), total.currency());
    ledger.quoted(request.id(), why, total.currency(), total.amount(), usd, null, null, null, null);
    return require(processInstanceId);
  }

  /**
   * Submits the quoted return: under the customer's budget lock, what submitted returns within the window hold plus
   * this one must stay within the limit (else it is refused with the numbers, and holds nothing); then the approval
   * rules say whether an approver decides. From here it holds its part of the budget, and each line has the request id
   * its call to Azure will use, however often that call is tried.
   */
  @Transactional
  public Submission submit(String processInstanceId, String agent) {
    ReturnRequest request = require(processInstanceId);
    if (request.status() != ReturnStatus.QUOTED && request.status() != ReturnStatus.REJECTED && request.status() != ReturnStatus.OVER_BUDGET) {
      throw new InvalidInputException("Only a quoted return can be submitted; this one is " + label(request.status()) + ".");
    }
    if (request.refundUsd() == null) {
      throw new InvalidInputException("Ask Azure for a quote first.");
    }
    ledger.lockBudget(request.customerId());
    RefundBudget budget = budget(request.customerId());
    BigDecimal after = budget.leftUsd().subtract(request.refundUsd());
    if (request.counted() && after.signum() < 0) {
      String numbers = "This return would give back USD " + Amounts.usd(request.refundUsd()) + ", but the customer has USD "
          + Amounts.usd(budget.leftUsd()) + " of refund budget left: " + budget.describe() + " (limit per customer, rolling "
          + budget.windowDays() + " days). Return less, or wait until earlier returns leave the window.";
      ledger.status(request.id(), ReturnStatus.OVER_BUDGET, numbers);
      return new Submission(Submitted.OVER_BUDGET, numbers, budget);
    }
    Optional<String> approval = policy.approval(request.kind(), request.refundUsd(), request.counted() ? after : budget.leftUsd());
    List<ReturnRequest.Line> lines = request.lines().stream().map(l -> new ReturnRequest.Line(l.number(), l.reservationOrderId(),
        l.reservationId(), l.summary(), l.quantity(), l.refundAmount(), UUID.randomUUID().toString(), null, null, null)).toList();
    ledger.replaceLines(request.id(), lines);
    ReturnStatus status = approval.isPresent() ? ReturnStatus.AWAITING_APPROVAL : ReturnStatus.APPROVED;
    ledger.submitted(request.id(), status, agent, approval.orElse(null), null, clock.instant());
    return new Submission(approval.isPresent() ? Submitted.NEEDS_APPROVAL : Submitted.CLEARED, approval.orElse(null), budget(request.customerId()));
  }

  /** @param message the numbers of a refusal, or the approver's reason */
  public record Submission(Submitted outcome, String message, RefundBudget budget) {}

  /** The approver's decision; nobody who started or submitted the return may approve it. A rejection frees its budget. */
  @Transactional
  public ReturnRequest decide(String processInstanceId, boolean approve, String rejection, String approver) {
    ReturnRequest request = require(processInstanceId);
    if (request.status() != ReturnStatus.AWAITING_APPROVAL) {
      throw new InvalidInputException("This return does not wait for an approval; it is " + label(request.status()) + ".");
    }
    if (approver == null || approver.equals(request.startedBy()) || approver.equals(request.submittedBy())) {
      throw new InvalidInputException("Four eyes: someone other than who asked for this return approves it.");
    }
    String why = rejection == null ? "" : rejection.trim();
    if (!approve && why.isEmpty()) {
      throw new InvalidInputException("Say why you reject it: the agent reads it.");
    }
    if (why.length() > 1000) {
      throw new InvalidInputException("The reason is too long: at most 1,000 characters.");
    }
    ledger.decided(request.id(), approve ? ReturnStatus.APPROVED : ReturnStatus.REJECTED, approver, approve ? null : why);
    return require(processInstanceId);
  }

  /** The agent cancels a return not yet submitted. */
  @Transactional
  public void cancel(String processInstanceId) {
    ReturnRequest request = require(processInstanceId);
    if (!request.status().isChangeable()) {
      throw new InvalidInputException("This return was already submitted; it can no longer be cancelled.");
    }
    ledger.status(request.id(), ReturnStatus.CANCELLED, null);
  }

  /**
   * Asks Azure to return each line not yet asked, with the line's saved request id: a fresh quote first (the approval
   * may be hours old, and a quote's session is short-lived), then the return. A retry after a crash asks again with the
   * same request ids, and Azure (or the embedded one) answers with the operation it already started.
   */
  @Transactional
  public ReturnRequest startReturn(String processInstanceId) {
    ReturnRequest request = require(processInstanceId);
    if (request.status() != ReturnStatus.APPROVED && request.status() != ReturnStatus.RUNNING) {
      throw new IllegalStateException("Return " + request.id() + " is " + request.status() + ", not approved");
    }
    for (ReturnRequest.Line line : request.lines()) {
      if (line.operationId() != null || "FAILED".equals(line.status())) {
        continue;
      }
      ReturnLine what = new ReturnLine(line.reservationOrderId(), line.reservationId(), line.quantity());
      RefundQuote fresh = null;
      RuntimeException quoteRefused = null;
      try {
        fresh = quoteAtAzure(request.customerId(), what);
      } catch (ReservationRefusedException | InvalidInputException refused) {
        // Perhaps Azure already returned it and the node died before this was recorded: what is left no longer quotes as
        // before, but the line's request id still finds the operation Azure started. Without one, the refusal stands.
        quoteRefused = refused;
      }
      try {
        ReturnOperation op = azure.startReturn(request.customerId(), what, fresh == null ? null : fresh.sessionId(), request.reason(),
            line.requestId());
        ledger.updateLine(request.id(), line.number(), fresh == null ? null : fresh.billingRefundAmount().amount(), op.operationId(),
            op.status().name(), op.error());
      } catch (ReservationRefusedException | InvalidInputException refused) {
        ledger.updateLine(request.id(), line.number(), null, null, "FAILED", (quoteRefused != null ? quoteRefused : refused).getMessage());
      }
    }
    ledger.running(request.id());
    return require(processInstanceId);
  }

  /**
   * Looks at Azure's operations of the lines still running; when none is, records the outcome: what succeeded holds
   * budget (its refund, converted as the rules say), what failed holds none. The customer's reservations are refreshed.
   *
   * @return true when the return is done
   */
  @Transactional
  public boolean checkReturn(String processInstanceId) {
    ReturnRequest request = require(processInstanceId);
    boolean running = false;
    for (ReturnRequest.Line line : request.lines()) {
      if (ReturnOperation.Status.RUNNING.name().equals(line.status())) {
        ReturnOperation op = azure.operation(request.customerId(), line.operationId());
        ledger.updateLine(request.id(), line.number(), null, null, op.status().name(), op.error());
        running |= op.status() == ReturnOperation.Status.RUNNING;
      }
    }
    if (running) {
      return false;
    }
    ReturnRequest now = require(processInstanceId);
    List<ReturnRequest.Line> done = now.lines().stream().filter(l -> ReturnOperation.Status.SUCCEEDED.name().equals(l.status())).toList();
    BigDecimal refund = done.stream().map(ReturnRequest.Line::refundAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    ReturnStatus status = done.size() == now.lines().size() ? ReturnStatus.SUCCEEDED
        : done.isEmpty() ? ReturnStatus.FAILED : ReturnStatus.PARTLY_SUCCEEDED;
    String problems = String.join(" ", now.lines().stream().filter(l -> !done.contains(l))
        .map(l -> l.summary() + ": " + (l.problem() == null ? "Azure did not return it." : l.problem())).toList());
    ledger.completed(now.id(), status, refund, policy.toUsd(refund, now.currency()), null, problems.isEmpty() ? null : problems,
        clock.instant());
    sweep.syncCustomer(now.customerId());
    return true;
  }

  /** The returns that touched a reservation, newest first. */
  public List<ReturnRequest> ofReservation(String reservationId) {
    return ledger.ofReservation(reservationId);
  }

  private RefundQuote quoteAtAzure(String customerId, ReturnLine line) {
    RefundQuote quote = asked(() -> azure.quoteReturn(customerId, line));
    if (!quote.policyErrors().isEmpty()) {
      throw new InvalidInputException("Azure will not return it: " + String.join(" ", quote.policyErrors()));
    }
    return quote;
  }

  /**
   * A question to Azure while the agent waits (a quote): Azure's refusal or absence is a sentence for the agent and the
   * task stays open, with nothing returned; in a job the same exceptions are retried, then an incident.
   */
  static <T> T asked(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (ReservationRefusedException refused) {
      throw new InvalidInputException(refused.getMessage());
    } catch (com.reservationdesk.reservation.NoTenantAccessException noAccess) {
      throw new InvalidInputException(noAccess.getMessage());
    } catch (com.reservationdesk.reservation.ReservationsUnavailableException unavailable) {
      throw new InvalidInputException("Azure did not answer just now, so nothing was quoted or returned. Try again in a few minutes.");
    }
  }

  /** A reservation of the customer (any customer when null) that can be returned, or a sentence why not. */
  private ReservationRecord returnable(String reservationId, String customerId) {
    ReservationRecord r = reservations.find(reservationId == null ? "" : reservationId.trim())
        .filter(found -> customerId == null || found.customerId().equals(customerId))
        .orElseThrow(() -> new InvalidInputException(customerId == null
            ? "No reservation with this id: copy it from the reservations page (/reservations)."
            : "Choose reservations of this customer only: the one chosen is not one of theirs."));
    if (r.expiryDate().isBefore(today())) {
      throw new InvalidInputException(summary(r) + " expired on " + r.expiryDate() + ": there is nothing left to return.");
    }
    if (!r.isInEffect()) {
      throw new InvalidInputException(summary(r) + " is not in effect at Azure (" + r.provisioningState() + "), so it cannot be returned.");
    }
    return r;
  }

  /** Like "8 × Standard_E8s_v5 · eastus · 1 year · expires 2027-02-03". */
  public static String summary(ReservationRecord r) {
    return r.quantity() + " \u00d7 " + r.armSkuName() + " \u00b7 " + r.armRegionName() + " \u00b7 " + Term.label(r.termDuration())
        + " \u00b7 expires " + r.expiryDate();
  }

  static String label(ReturnStatus status) {
    return status.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }

}
