package com.reservationdesk.reservation;

import com.reservationdesk.common.InvalidInputException;
import com.reservationdesk.subscription.AzureSubscription;
import com.reservationdesk.subscription.SubscriptionService;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changing where a reservation's discount applies: to one of the customer's active Azure subscriptions (single) or
 * across its billing context (shared). Checked here against Reservation Desk's records and the customer's
 * subscriptions at Partner Center, applied through the reservations port, recorded with who and when.
 */
@Service
public class ScopeChanges {

  private final ReservationInventory inventory;
  private final ReservationRecords records;
  private final SubscriptionService subscriptions;
  private final JdbcClient jdbc;
  private final Clock clock;

  public ScopeChanges(ReservationInventory inventory, ReservationRecords records, SubscriptionService subscriptions, JdbcClient jdbc,
      Clock clock) {
    this.inventory = inventory;
    this.records = records;
    this.subscriptions = subscriptions;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** What the scope form shows: the reservation and the subscriptions a single scope may name. */
  public record ScopeView(ReservationRecord reservation, List<AzureSubscription> subscriptions) {}

  /** The reservation a form or a link names, if Reservation Desk knows it and it can still change. */
  public ScopeView prepare(String reservationId) {
    ReservationRecord reservation = require(reservationId);
    if (!reservation.isInEffect()) {
      throw new InvalidInputException("Reservation " + reservation.displayName() + " is " + reservation.provisioningState()
          + ": only a reservation in effect can change its scope.");
    }
    return new ScopeView(reservation, subscriptions.eligibleSubscriptions(reservation.customerId()));
  }

  /**
   * Applies a new scope. A single scope must name one of the customer's active Azure subscriptions (checked here before
   * Azure is asked); Azure's refusals come back as a sentence. The same scope again changes nothing and records nothing.
   */
  @Transactional
  public ReservationRecord apply(String reservationId, String scope, String subscriptionId, String agent, String processInstanceId) {
    ScopeView view = prepare(reservationId);
    ReservationRecord reservation = view.reservation();
    ScopeChange change;
    if ("shared".equals(scope)) {
      change = ScopeChange.shared();
    } else if ("single".equals(scope)) {
      String chosen = subscriptionId == null ? "" : subscriptionId.trim();
      if (chosen.isEmpty()) {
        throw new InvalidInputException("Choose the Azure subscription a single scope applies to.");
      }
      if (view.subscriptions().stream().noneMatch(s -> s.subscriptionId().equalsIgnoreCase(chosen))) {
        throw new InvalidInputException("Subscription " + chosen + " is not an active Azure subscription of "
            + reservation.customerName() + ". Choose one from the list.");
      }
      change = ScopeChange.single(chosen);
    } else {
      throw new InvalidInputException("Choose the scope: shared (all the customer's subscriptions) or single subscription.");
    }
    String before = reservation.scopeLabel();
    OwnedReservation applied;
    try {
      applied = inventory.changeScope(reservation.customerId(), reservation.reservationOrderId(), reservation.reservationId(), change);
    } catch (ReservationRefusedException e) {
      throw new InvalidInputException(e.getMessage());
    }
    String subscription = applied.appliedScopes().isEmpty() ? null : applied.appliedScopes().get(0);
    records.changeScope(reservationId, applied.appliedScopeType(), subscription);
    ReservationRecord after = require(reservationId);
    if (!before.equals(after.scopeLabel())) {
      jdbc.sql("""
          insert into reservation_scope_change (id, reservation_id, from_scope, to_scope, changed_by, changed_at, process_instance_id)
          values (?, ?, ?, ?, ?, ?, ?)""")
          .params(UUID.randomUUID().toString(), reservationId, before, after.scopeLabel(), agent, OffsetDateTime.now(clock),
              processInstanceId)
          .update();
    }
    return after;
  }

  /** The scope changes Reservation Desk applied to a reservation, newest first: "from → to, by, when". */
  public List<String> history(String reservationId) {
    return jdbc.sql("select * from reservation_scope_change where reservation_id = ? order by changed_at desc").param(reservationId)
        .query((rs, row) -> rs.getString("from_scope") + " \u2192 " + rs.getString("to_scope") + ", by " + rs.getString("changed_by")
            + " on " + rs.getObject("changed_at", OffsetDateTime.class).toLocalDate())
        .list();
  }

  private ReservationRecord require(String reservationId) {
    String id = reservationId == null ? "" : reservationId.trim();
    if (id.isEmpty()) {
      throw new InvalidInputException("Enter the reservation's id, as the reservations page shows it.");
    }
    return records.find(id).orElseThrow(() -> new InvalidInputException("No reservation " + id
        + " is known to Reservation Desk (the reservations page lists them). Check the id, or wait for tonight's sweep."));
  }
}
