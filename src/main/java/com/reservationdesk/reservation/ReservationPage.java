package com.reservationdesk.reservation;

import java.util.List;

/**
 * One page of the partner-wide listing.
 *
 * @param continuation what to pass for the next page; null after the last one. Opaque: only the adapter that wrote it
 *     reads it
 */
public record ReservationPage(List<OwnedReservation> reservations, String continuation) {

  public static final int MAX_PAGE_SIZE = 5_000;

  public ReservationPage {
    reservations = List.copyOf(reservations);
  }

  public boolean isLast() {
    return continuation == null;
  }

  /** The page size asked for, checked: both adapters refuse the same sizes. */
  public static int checkedPageSize(int pageSize) {
    if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("A page holds 1 to " + MAX_PAGE_SIZE + " reservations, not " + pageSize);
    }
    return pageSize;
  }
}
