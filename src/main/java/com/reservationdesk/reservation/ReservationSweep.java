package com.reservationdesk.reservation;

import com.reservationdesk.customer.CustomerService;
import com.reservationdesk.order.OrderRepository;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The nightly refresh of Reservation Desk's view of what customers own: one page of the partner-wide listing at a time
 * (each page its own transaction, so a sweep of 100,000 reservations is many short steps, not one long one), each
 * reservation with its utilization of the last 30 days and, when Reservation Desk placed its order, who bought it.
 */
@Service
public class ReservationSweep {

  /** Days of utilization the page shows and the watches read. */
  static final int DAYS = 30;

  private final ReservationInventory inventory;
  private final ReservationRecords records;
  private final OrderRepository orders;
  private final CustomerService customers;
  private final Clock clock;

  public ReservationSweep(ReservationInventory inventory, ReservationRecords records, OrderRepository orders, CustomerService customers,
      Clock clock) {
    this.inventory = inventory;
    this.records = records;
    this.orders = orders;
    this.customers = customers;
    this.clock = clock;
  }

  /** What a page did: where the next one starts (null after the last) and the reservations as now recorded. */
  public record PageResult(String continuation, List<ReservationRecord> records) {}

  /** Refreshes one page of the listing, from {@code continuation} (null for the first). */
  @Transactional
  public PageResult syncPage(String continuation, int pageSize) {
    ReservationPage page = inventory.allReservations(pageSize, continuation);
    return new PageResult(page.continuation(), sync(page.reservations()));
  }

  /**
   * Refreshes one customer's reservations now, not at night: what the customer's reservations page does (at most every
   * few minutes), so a reservation bought a minute ago is on it.
   */
  @Transactional
  public List<ReservationRecord> syncCustomer(String customerId) {
    return sync(inventory.reservationsOf(customerId));
  }

  private List<ReservationRecord> sync(List<OwnedReservation> reservations) {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    Instant now = clock.instant();
    Map<String, OrderRepository.Placement> placements = orders.placements(reservations.stream()
        .map(OwnedReservation::partnerCenterOrderId).filter(Objects::nonNull).distinct().toList());
    Map<String, String> names = new HashMap<>();
    List<ReservationRecord> synced = new ArrayList<>(reservations.size());
    for (OwnedReservation r : reservations) {
      List<Double> days = List.of();
      BigDecimal week = null;
      BigDecimal month = null;
      // A reservation that ended more than a month ago has no recent use to show.
      if (r.expiryDate().isAfter(today.minusDays(DAYS)) && !r.purchaseDate().isAfter(today)) {
        ReservationUtilization use = inventory.utilization(r.customerId(), r.reservationOrderId(), r.reservationId(),
            today.minusDays(DAYS - 1), today);
        days = use.days().stream().map(DailyUtilization::averagePercent).toList();
        week = average(use.days().subList(Math.max(0, use.days().size() - 7), use.days().size()));
        month = average(use.days());
      }
      OrderRepository.Placement placement = r.partnerCenterOrderId() == null ? null : placements.get(r.partnerCenterOrderId());
      String name = names.computeIfAbsent(r.customerId(), id -> customers.requireCustomer(id).companyName());
      synced.add(new ReservationRecord(r.reservationId(), r.reservationOrderId(), r.customerId(), name, r.displayName(),
          r.armSkuName(), r.armRegionName(), r.quantity(), r.appliedScopeType(),
          r.appliedScopes().isEmpty() ? null : r.appliedScopes().get(0), r.term() == null ? null : r.term().iso(),
          r.billingPlan() == null ? null : r.billingPlan().formValue(), r.purchaseDate(), r.expiryDate(), r.renew(),
          r.provisioningState(), r.partnerCenterOrderId(), placement == null ? null : placement.purchaseId(),
          placement == null ? null : placement.placedBy(), week, month, days, now));
    }
    records.upsert(synced);
    return synced;
  }

  /** Used over reserved hours of the days, in percent, one decimal; null without a reserved hour. */
  private static BigDecimal average(List<DailyUtilization> days) {
    double reserved = days.stream().mapToDouble(DailyUtilization::reservedHours).sum();
    if (reserved <= 0) {
      return null;
    }
    double used = days.stream().mapToDouble(DailyUtilization::usedHours).sum();
    return BigDecimal.valueOf(100 * used / reserved).setScale(1, RoundingMode.HALF_UP);
  }
}
