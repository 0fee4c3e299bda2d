package com.reservationdesk.usage;

import java.util.Arrays;

/** How far back usage is read for a recommendation: Azure's {@code lookBackPeriod} values. */
public enum LookBack {
  LAST_7_DAYS(7, "Last7Days"),
  LAST_30_DAYS(30, "Last30Days"),
  LAST_60_DAYS(60, "Last60Days");

  private final int days;
  private final String azureName;

  LookBack(int days, String azureName) {
    this.days = days;
    this.azureName = azureName;
  }

  public int days() {
    return days;
  }

  public int hours() {
    return days * 24;
  }

  /** As Azure's recommendation API writes it: {@code Last30Days}. */
  public String azureName() {
    return azureName;
  }

  public static LookBack ofDays(int days) {
    return Arrays.stream(values()).filter(l -> l.days == days).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("No look-back of " + days + " days: 7, 30 or 60"));
  }

  public static LookBack ofAzureName(String name) {
    return Arrays.stream(values()).filter(l -> l.azureName.equalsIgnoreCase(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown look-back period " + name));
  }
}
