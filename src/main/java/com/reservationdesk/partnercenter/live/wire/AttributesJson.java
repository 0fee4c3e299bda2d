package com.reservationdesk.partnercenter.live.wire;

/** The {@code attributes} the API adds to its resources: which kind of object this is. */
public record AttributesJson(String objectType) {

  public static final AttributesJson COLLECTION = new AttributesJson("Collection");
  public static final AttributesJson CUSTOMER = new AttributesJson("Customer");
}
