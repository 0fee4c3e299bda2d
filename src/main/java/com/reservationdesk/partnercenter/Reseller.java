package com.reservationdesk.partnercenter;

/** An indirect reseller of the partner; {@code state} is {@code Active} when it may transact. */
public record Reseller(String id, String name, String mpnId, String state, String location) {

  public boolean isActive() {
    return "Active".equalsIgnoreCase(state);
  }
}
