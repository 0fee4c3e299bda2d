package com.reservationdesk.partnercenter;

import java.util.Locale;

/** Subscription and Azure entitlement status, as the API spells it in lower case. */
public enum SubscriptionStatus {
  ACTIVE,
  PENDING,
  SUSPENDED,
  DELETED;

  public String apiName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static SubscriptionStatus fromApi(String value) {
    return valueOf(value.toUpperCase(Locale.ROOT));
  }
}
