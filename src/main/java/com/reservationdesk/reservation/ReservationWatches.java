package com.reservationdesk.reservation;

import com.reservationdesk.common.InvalidInputException;
import com.reservationdesk.policy.ReservationWatchPolicy;
import com.reservationdesk.policy.ReservationWatchPolicy.Notice;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The two watches over what customers own, on Reservation Desk's records: renewal notices before a reservation expires,
 * and under-use. Each raised task is a row of {@code reservation_watch}: a notice is raised once per reservation, and
 * while a task is open its {@code open_key} (unique) stops a second one, whichever sweep or node tries. The tables of
 * {@code ReservationWatchRules.dmn} say when.
 */
@Service
public class ReservationWatches {

  /** What a watch is about. */
  public enum Kind { RENEWAL, UNDER_USE }

  /** Where a raised task stands. */
  public enum Status { OPEN, RENEWED, LET_EXPIRE, EXPIRED_UNDECIDED, SCOPE_CHANGE, RETURN_PLANNED, EXCHANGE_PLANNED, KEPT }

  /**
   * A task to start: for which reservation, of which kind, for whom.
   *
   * @param raisedFor the agent who bought the reservation; null when Reservation Desk did not place its order
   */
  public record Raised(String watchId, Kind kind, String notice, ReservationRecord reservation, String raisedFor) {}

  /** A watch as recorded. */
  public record Watch(String id, String reservationId, Kind kind, String notice, Status status, String raisedFor,
      String processInstanceId, String decidedBy, String reason, String purchaseId) {}

  private final JdbcClient jdbc;
  private final ReservationRecords records;
  private final ReservationWatchPolicy policy;
  private final Clock clock;

  public ReservationWatches(JdbcClient jdbc, ReservationRecords records, ReservationWatchPolicy policy, Clock clock) {
    this.jdbc = jdbc;
    this.records = records;
    this.policy = policy;
    this.clock = clock;
  }

  /**
   * The renewal notices due for these reservations today: in effect, not set to renew at Azure, and the table gives a
   * notice for their days left that was not raised before and no renewal task of theirs is open.
   */
  @Transactional
  public List<Raised> raiseRenewalNotices(List<ReservationRecord> reservations) {
    LocalDate today = today();
    List<Raised> raised = new ArrayList<>();
    for (ReservationRecord r : reservations) {
      if (!r.isInEffect() || r.renew() || r.termDuration() == null) {
        continue;
      }
      Optional<Notice> notice = policy.renewalNotice(r.termDuration(), ChronoUnit.DAYS.between(today, r.expiryDate()));
      if (notice.isPresent()) {
        insert(r, Kind.RENEWAL, notice.get().name()).ifPresent(raised::add);
      }
    }
    return raised;
  }

  /**
   * The under-use tasks due this week, a page of candidates at a time in the records' order: in effect for at least the
   * table's days, used less than its threshold on average, no under-use task of theirs open.
   *
   * @return the tasks raised, and the id to continue after (null when the records are done)
   */
  @Transactional
  public UnderUsePage raiseUnderUse(String afterId, int pageSize) {
    LocalDate today = today();
    // The loosest threshold of any term selects in the database; each term's own is applied here.
    BigDecimal loosest = BigDecimal.valueOf(Math.max(policy.underUse("P1Y").minimumAveragePercent(),
        policy.underUse("P3Y").minimumAveragePercent()));
    List<ReservationRecord> candidates = records.usedBelow(loosest, today.minusDays(7), afterId, pageSize);
    String week = today.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    List<Raised> raised = new ArrayList<>();
    for (ReservationRecord r : candidates) {
      ReservationWatchPolicy.UnderUse threshold = policy.underUse(r.termDuration());
      BigDecimal average = threshold.days() == 7 ? r.utilization7d() : r.utilization30d();
      if (average != null && average.doubleValue() < threshold.minimumAveragePercent()) {
        insert(r, Kind.UNDER_USE, week).ifPresent(raised::add);
      }
    }
    return new UnderUsePage(raised, candidates.size() < pageSize ? null : candidates.get(candidates.size() - 1).reservationId());
  }

  /** @param next the id to continue after; null when there are no more candidates */
  public record UnderUsePage(List<Raised> raised, String next) {}

  /** The process that works a raised task, recorded with it. */
  @Transactional
  public void started(String watchId, String processInstanceId) {
    jdbc.sql("update reservation_watch set process_instance_id = ? where id = ?").params(processInstanceId, watchId).update();
  }

  public Watch watch(String watchId) {
    return jdbc.sql("select * from reservation_watch where id = ?").param(watchId).query((rs, row) -> new Watch(rs.getString("id"),
        rs.getString("reservation_id"), Kind.valueOf(rs.getString("kind")), rs.getString("notice"), Status.valueOf(rs.getString("status")),
        rs.getString("raised_for"), rs.getString("process_instance_id"), rs.getString("decided_by"), rs.getString("reason"),
        rs.getString("purchase_id"))).optional()
        .orElseThrow(() -> new IllegalStateException("No reservation watch " + watchId));
  }

  public ReservationRecord reservationOf(String watchId) {
    String reservationId = watch(watchId).reservationId();
    return records.find(reservationId).orElseThrow(() -> new IllegalStateException("No reservation " + reservationId));
  }

  /**
   * The agent's decision on an open task, recorded with who and why; the task is closed, so the watch may raise a new
   * one later. A decision that needs a reason without one is refused.
   */
  @Transactional
  public Watch decide(String watchId, Status decision, String reason, String agent, String purchaseId) {
    Watch watch = watch(watchId);
    if (watch.status() != Status.OPEN) {
      throw new InvalidInputException("This task was already decided (" + watch.status().name().toLowerCase().replace('_', ' ')
          + "). Open the reservation's current task instead.");
    }
    String trimmed = reason == null ? "" : reason.trim();
    if ((decision == Status.LET_EXPIRE || decision == Status.KEPT) && trimmed.isEmpty()) {
      throw new InvalidInputException("Say why: the reason is recorded with the reservation for whoever looks at it next.");
    }
    if (trimmed.length() > 1000) {
      throw new InvalidInputException("The reason is too long: at most 1,000 characters.");
    }
    jdbc.sql("""
        update reservation_watch set status = ?, open_key = null, decided_by = ?, reason = ?, purchase_id = ?, decided_at = ?
        where id = ? and status = 'OPEN'""")
        .params(decision.name(), agent, trimmed.isEmpty() ? null : trimmed, purchaseId, OffsetDateTime.now(clock), watchId).update();
    return watch(watchId);
  }

  /** The purchase that renews a reservation, recorded with the renewal decision. */
  @Transactional
  public void renewedWith(String watchId, String purchaseId) {
    jdbc.sql("update reservation_watch set purchase_id = ? where id = ?").params(purchaseId, watchId).update();
  }

  /** The recorded decisions of a reservation, newest first: what the page shows under it. */
  public List<Watch> history(String reservationId) {
    return jdbc.sql("select * from reservation_watch where reservation_id = ? order by created_at desc").param(reservationId)
        .query((rs, row) -> new Watch(rs.getString("id"), rs.getString("reservation_id"), Kind.valueOf(rs.getString("kind")),
            rs.getString("notice"), Status.valueOf(rs.getString("status")), rs.getString("raised_for"), rs.getString("process_instance_id"),
            rs.getString("decided_by"), rs.getString("reason"), rs.getString("purchase_id"))).list();
  }

  /**
   * Records a task unless this notice was raised before or a task of this kind is open for the reservation: the
   * insert's own condition decides, and the unique indexes settle a race between two sweeps.
   */
  private Optional<Raised> insert(ReservationRecord r, Kind kind, String notice) {
    String id = UUID.randomUUID().toString();
    String openKey = r.reservationId() + "|" + kind.name();
    int inserted = jdbc.sql("""
        insert into reservation_watch (id, reservation_id, kind, notice, open_key, status, raised_for, created_at)
        select ?, ?, ?, ?, ?, 'OPEN', ?, ? from (values (1)) as one(x)
        where not exists (select 1 from reservation_watch where (reservation_id = ? and kind = ? and notice = ?) or open_key = ?)""")
        .params(id, r.reservationId(), kind.name(), notice, openKey, r.boughtBy(), OffsetDateTime.now(clock), r.reservationId(), kind.name(),
            notice, openKey)
        .update();
    return inserted == 1 ? Optional.of(new Raised(id, kind, notice, r, r.boughtBy())) : Optional.empty();
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }
}
