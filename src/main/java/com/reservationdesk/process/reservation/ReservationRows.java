package com.reservationdesk.process.reservation;

import static com.reservationdesk.process.reservation.ReservationVariables.*;

import com.reservationdesk.partnercenter.Term;
import com.reservationdesk.reservation.ReservationRecord;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

/** A reservation as the reservation forms show it, made from Reservation Desk's record. */
final class ReservationRows {

  private ReservationRows() {}

  static Map<String, Object> display(ReservationRecord r) {
    Map<String, Object> values = new HashMap<>();
    values.put(RESERVATION_ID, r.reservationId());
    values.put(CUSTOMER_ID, r.customerId());
    values.put(CUSTOMER_NAME, r.customerName());
    values.put(RESERVATION_SUMMARY, r.quantity() + " \u00d7 " + r.armSkuName() + " \u00b7 " + r.armRegionName() + " \u00b7 "
        + Term.label(r.termDuration()) + (r.billingPlan() == null ? "" : ", " + r.billingPlan()) + " (" + r.displayName() + ")");
    values.put(RESERVATION_SCOPE, r.scopeLabel());
    values.put(RESERVATION_EXPIRY, r.expiryDate().toString());
    values.put(RESERVATION_USE, r.utilization7d() == null ? "not measured yet"
        : r.utilization7d().stripTrailingZeros().toPlainString() + " % over 7 days, "
            + (r.utilization30d() == null ? "?" : r.utilization30d().stripTrailingZeros().toPlainString()) + " % over 30 days");
    values.put(RESERVATION_BOUGHT_BY, r.boughtBy() == null ? "outside Reservation Desk" : r.boughtBy());
    return values;
  }

  /** The reservation's end, for a boundary timer: the start of its expiry day, UTC. */
  static Date expiresAt(ReservationRecord r) {
    return Date.from(r.expiryDate().atStartOfDay(ZoneOffset.UTC).toInstant());
  }
}
