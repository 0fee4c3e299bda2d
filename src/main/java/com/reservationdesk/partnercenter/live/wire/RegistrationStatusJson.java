package com.reservationdesk.partnercenter.live.wire;

import com.reservationdesk.partnercenter.RegistrationStatus;

/** {@code GET /customers/{id}/subscriptions/{sid}/registrationstatus}. */
public record RegistrationStatusJson(String subscriptionId, String programId, String status) {

  /** The program a subscription registers for to buy reservations. */
  public static final String RESERVED_INSTANCES = "AzureReservedInstance";

  public static RegistrationStatusJson of(String subscriptionId, RegistrationStatus status) {
    return new RegistrationStatusJson(subscriptionId, RESERVED_INSTANCES, status.apiName());
  }

  public RegistrationStatus toStatus() {
    return RegistrationStatus.fromApi(status);
  }
}
