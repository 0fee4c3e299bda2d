package com.reservationdesk.reservation;

/**
 * Azure refused the partner in the customer's tenant (no token there, 401 or 403): the partner's app is not consented
 * there, or has no role on the reservations (Reservations Reader, or Reservations Administrator to change a scope).
 * An agent can act on it: grant the access through a granular admin relationship, or manage it in the Azure portal.
 */
public class NoTenantAccessException extends ReservationsUnavailableException {

  private final String customerId;

  public NoTenantAccessException(String customerId, String detail) {
    super("No access to the customer's Azure tenant (" + customerId + "): " + detail + ". Give the partner's app a "
        + "Reservations role there (granular admin relationship), or manage the reservation in the Azure portal.", null);
    this.customerId = customerId;
  }

  public String customerId() {
    return customerId;
  }
}
